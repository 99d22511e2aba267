// A fourth QA pass: faithful rewordings of a negation or a duration that were flagged ("did not marry" for "never
// married", "stopped producing" for "no longer produces", "lasts seven hours" for "takes 7 hours", an ISO date in the
// claim), and planted errors passed as supported (a positive event against "never", allowed against 禁止, near/far,
// a Japanese name in another's slot). Genuine clashes must stay flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOfflineGrader } from '../../src/core/graders/offline';
import type { Judgement } from '../../src/core/types';

const grader = createOfflineGrader();

async function grade(claim: string, ref: string): Promise<Judgement> {
  const [j] = await grader.grade([
    { claim: { text: claim, start: 0, end: claim.length }, passages: [{ passage: { id: 'r#0', source: 'r.md', line: 1, text: ref }, score: 1 }] },
  ]);
  return j!;
}

async function supported(claim: string, ref: string): Promise<void> {
  const j = await grade(claim, ref);
  assert.equal(j.verdict, 'supported', `${claim}: ${j.verdict} (${j.reason})`);
}

async function notSupported(claim: string, ref: string): Promise<void> {
  const j = await grade(claim, ref);
  assert.notEqual(j.verdict, 'supported', `${claim}: ${j.verdict} (${j.reason})`);
}

test('one negation, two spellings: never = did not, stopped = no longer', async () => {
  await supported('She did not marry.', 'She never married.');
  await supported('He never married.', 'He did not marry.');
  await supported('The company has stopped producing cars.', 'The company no longer produces cars.');
  await supported('The bank no longer offers loans.', 'The bank stopped offering loans.');
  await supported('The factory ceased making toys.', 'The factory no longer makes toys.');
});

test('a duration that lasts is one that takes; an ISO date in the claim is a date', async () => {
  await supported('The flight lasts seven hours.', 'The flight takes 7 hours.');
  await supported('The course lasts ten weeks.', 'The course takes 10 weeks.');
  await supported('The museum reopened on 2021-10-05.', 'The museum reopened on 5 October 2021.');
  await supported('The bridge opened on 1998-04-05.', 'The bridge opened on April 5, 1998.');
  await notSupported('The museum reopened on 2021-10-06.', 'The museum reopened on 5 October 2021.');
  await notSupported('The law took effect on 2019-02-01.', 'The law took effect on 1 January 2019.');
});

test('planted errors: a positive event against never, allowed against 禁止, near against far', async () => {
  await notSupported('She married in 1940.', 'She never married.');
  await notSupported('He won an Oscar in 1995.', 'He never won an Oscar.');
  await notSupported('館内で撮影できます。', '館内での撮影は禁止されています。');
  await notSupported('The hotel is near the station.', 'The hotel is far from the station.');
  await notSupported('The school is far from the river.', 'The school is near the river.');
  await notSupported('ホテルは駅から近いです。', 'ホテルは駅から遠いです。');
  await notSupported('The company still produces cars.', 'The company stopped producing cars.');
});

test('controls: real clashes stay flagged, idioms and plain restatements stay supported', async () => {
  await notSupported('She married in 1940.', 'She married in 1941.');
  await notSupported('The museum is not open on Mondays.', 'The museum is open on Mondays.');
  await notSupported('The flight lasts eight hours.', 'The flight takes 7 hours.');
  await notSupported('The company produces cars.', 'The company no longer produces cars.');
  await supported('The team has won three titles so far.', 'The team has won three titles so far.');
  await supported('So far, the team has won three titles.', 'The team has won three titles so far.');
  await supported('She never married.', 'She never married.');
  await supported('Photography is not allowed in the museum.', 'Photography is prohibited in the museum.');
  await supported('The town has 3 schools.', 'Accessed 2020-03-15. The town has 3 schools.');
});
