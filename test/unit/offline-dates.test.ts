// Dates and times: am against pm, a month named without a day, a year against a full date, ISO dates (2021-10-05) on
// either side and the fix they give, a month's day against a rank of the same number, and a duration that lasts as
// one that takes. Centuries are in
// offline-century.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flagged, grade, notSupported, supported } from './offline-verdicts';

test('a time of day: 3 am is not 3 pm', async () => {
  const ref = 'The meeting is on Tuesday at 3 pm.';
  await notSupported('The meeting is on Tuesday at 3 am.', ref, "reference says 'pm', claim says 'am'", 'contradicted');
  await notSupported('The meeting is on Tuesday at 3 a.m.', ref, "reference says 'pm', claim says 'a.m.'", 'contradicted');
  await supported('The meeting is on Tuesday at 3 p.m.', ref);
  await supported('The meeting is on Tuesday at 3pm.', ref);
  // "am" the verb is no time of day.
  await supported('The meeting is on Tuesday at 3 pm.', 'I am glad to say the meeting is on Tuesday at 3 pm.');
});

test('a month named without a day, and a year against a full date', async () => {
  await notSupported('Unemployment fell to 4.2% in May.', 'Unemployment fell to 4.2% in March.', "reference says 'March', claim says 'May'", 'contradicted');
  await notSupported('The museum reopened in 2020.', 'The museum reopened on 5 October 2021.', 'reference says 2021, claim says 2020', 'contradicted');
  await supported('Unemployment fell to 4.2% in March.', 'Unemployment fell to 4.2% in March.');
  await supported('The museum reopened in 2021.', 'The museum reopened on 5 October 2021.');
  await supported('The museum reopened in October 2021.', 'The museum reopened on 5 October 2021.');
  // A month the sentence also names is no clash: "from March to May".
  await supported('The festival starts in March.', 'The festival runs from March to May.');
});

test('a duration that lasts is one that takes; an ISO date in the claim is a date', async () => {
  await supported('The flight lasts seven hours.', 'The flight takes 7 hours.');
  await supported('The course lasts ten weeks.', 'The course takes 10 weeks.');
  await supported('The museum reopened on 2021-10-05.', 'The museum reopened on 5 October 2021.');
  await supported('The bridge opened on 1998-04-05.', 'The bridge opened on April 5, 1998.');
  await flagged('The museum reopened on 2021-10-06.', 'The museum reopened on 5 October 2021.');
  await flagged('The law took effect on 2019-02-01.', 'The law took effect on 1 January 2019.');
});

test('an ISO date in the reference gives the claim\'s date written out, and no other', async () => {
  await supported('The bridge opened on 5 October 2021.', 'The bridge opened 2021-10-05.');
  await supported('The bridge opened on October 5, 2021.', 'The bridge opened on 2021-10-05.');
  await supported('The bridge opened in October 2021.', 'The bridge opened on 2021-10-05.');
  await flagged('The bridge opened on 6 October 2021.', 'The bridge opened 2021-10-05.');
  await flagged('The bridge opened on 5 November 2021.', 'The bridge opened 2021-10-05.');
  await flagged('The bridge opened in November 2021.', 'The bridge opened 2021-10-05.');
});

test('a written-out date against an ISO date in its slot is contradicted, the fix giving the reference\'s date', async () => {
  const j = await grade('The bridge opened on 6 October 2021.', 'The bridge opened 2021-10-05.');
  assert.equal(j.verdict, 'contradicted', j.reason);
  assert.equal(j.reason, 'reference says 5 October 2021, claim says 6 October 2021');
  assert.deepEqual(j.fix, { start: 21, end: 35, text: '5 October 2021' });
  const k = await grade('The bridge opened on October 6th, 2021.', 'The bridge opened on 2021-10-05.');
  assert.equal(k.fix?.text, 'October 5th, 2021', k.reason);
  await notSupported('The bridge opened in November 2021.', 'The bridge opened 2021-10-05.', 'reference says October 2021, claim says November 2021', 'contradicted');
  await supported('The bridge opened on 5 October 2021.', 'The bridge opened 2021-10-05 after delays.');
  // An ISO date in another slot (a page's access date) is no clash.
  const r = await grade('The bridge opened on 5 October 2021.', 'Retrieved 2021-10-07. The bridge opened in 2021.');
  assert.notEqual(r.verdict, 'contradicted', r.reason);
});

test('a month\'s day is not given by a rank of the same number ("the 20th congress" is no date)', async () => {
  const ref = 'May 16, 2021. Delegates are flying to Lisbon for the 20th World Bee Congress, which opens on Sunday.';
  await notSupported('Delegates are flying to Lisbon for the 20th World Bee Congress, which opens on 20 May.', ref, 'reference never gives 20', 'unsupported');
  await notSupported('Delegates are flying to Lisbon for the 20th World Bee Congress, which opens on May 20.', ref, 'reference never gives 20', 'unsupported');
  // Controls: the rank itself, a day the reference gives written either way round or as an ordinal.
  await supported('Delegates are flying to Lisbon for the 20th World Bee Congress, which opens on Sunday.', ref);
  await supported('Delegates are flying to Lisbon for the twentieth World Bee Congress.', ref);
  await supported('The congress opens on 16 May.', 'The congress opens on May 16th.');
  await supported('The festival ends on 4 July.', 'The festival ends on the 4th of July.');
});
