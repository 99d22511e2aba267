// A pass on summaries (FaithBench, WiCE): a summary's tally of its source's items ("The passage describes two films
// titled Veeram") is no figure the source must give, and a range's end written with two digits ("2007–11") is a year.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities } from '../../src/core/graders/offline/numbers';
import { sourceCounts } from '../../src/core/graders/offline/text';
import { flagged, grade, notSupported, supported } from './offline-verdicts';

const VEERAM = 'Veeram (Valour) is a 2014 Indian Tamil action film directed by Siva. Veeram (Valour) is a 2016 Indian epic historical drama film written and directed by Jayaraj.';
const ROTH = 'Tim Roth (born 14 May 1961) is an English actor and director. Tim Roth (born 6 December 1975) is a musician.';

test("a summary's count of its source's items is no figure the source must give", async () => {
  await supported('The passage describes two different films titled "Veeram".', VEERAM);
  await supported('The passage mentions two individuals named Tim Roth.', ROTH);
  const j = await grade('The article mentions two separate pieces of information about films titled "Veeram".', VEERAM);
  assert.doesNotMatch(j.reason, /two|pieces|information|separate/, j.reason);
});

test('a count told of the things themselves is still a figure the source must give', async () => {
  // No pointing at the source: the films' count is the claim's fact.
  await flagged('There are three different films titled "Veeram".', VEERAM);
  // What the source's items are is still checked: a name it never gives.
  await flagged('The passage describes two films titled "Vedalam".', VEERAM);
});

test('sourceCounts takes the count and the generic words after it, not what the items are', () => {
  const text = 'The passage describes two different films titled "Veeram".';
  assert.deepEqual(sourceCounts(text).map((r) => text.slice(r.start, r.end)), ['two', 'different', 'titled']);
  assert.deepEqual(sourceCounts('The film has two songs.'), []);
});

test("a range's two-digit end after a year is a year of that century", () => {
  const years = (t: string): [string, string, number][] => quantities(t).map((q) => [q.text, q.kind, q.value]);
  assert.deepEqual(years('Rage Against the Machine ( 1991 -- 2000 ; 2007 -- 11 )'), [['1991', 'year', 1991], ['2000', 'year', 2000], ['2007', 'year', 2007], ['11', 'year', 2011]]);
  assert.deepEqual(years('the 2016-17 season'), [['2016', 'year', 2016], ['17', 'year', 2017]]);
  assert.deepEqual(years('from 1998 to 99'), [['1998', 'year', 1998], ['99', 'year', 1999]]);
});

test('a year and a number after it that are no range end stay as they were', () => {
  const read = (t: string): [string, string, number][] => quantities(t).map((q) => [q.text, q.kind, q.value]);
  // A month, a date, a number no later than the year's own two digits, a score.
  assert.deepEqual(read('in 2021-10'), [['2021', 'year', 2021], ['10', 'number', 10]]);
  assert.deepEqual(read('on 2007-11-05'), [['2007', 'year', 2007], ['11', 'number', 11], ['05', 'number', 5]]);
  assert.deepEqual(read('Widnes won 38-26'), [['38', 'number', 38], ['26', 'number', 26]]);
});

test("a claim's full year is the reference's two-digit range end, and a different year still clashes", async () => {
  const ref = 'He is best known as the drummer of Rage Against the Machine ( 1991 -- 2000 ; 2007 -- 11 ) and Audioslave ( 2001 -- 07 ) .';
  await supported('He is best known as the drummer of Rage Against the Machine (1991-2000, 2007-2011) and Audioslave (2001-2007).', ref);
  await notSupported('He is best known as the drummer of Rage Against the Machine (1991-2000, 2007-2012) and Audioslave (2001-2007).', ref, 'reference says 11, claim says 2012', 'contradicted');
});
