// A fourth QA pass: faithful rewordings of a negation or a duration that were flagged ("did not marry" for "never
// married", "stopped producing" for "no longer produces", "lasts seven hours" for "takes 7 hours", an ISO date in the
// claim), and planted errors passed as supported (a positive event against "never", allowed against 禁止, near/far,
// a Japanese name in another's slot). Genuine clashes must stay flagged.
import { test } from 'node:test';
import { supported, flagged } from './offline-verdicts';

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
  await flagged('The museum reopened on 2021-10-06.', 'The museum reopened on 5 October 2021.');
  await flagged('The law took effect on 2019-02-01.', 'The law took effect on 1 January 2019.');
});

test('planted errors: a positive event against never, allowed against 禁止, near against far', async () => {
  await flagged('She married in 1940.', 'She never married.');
  await flagged('He won an Oscar in 1995.', 'He never won an Oscar.');
  await flagged('館内で撮影できます。', '館内での撮影は禁止されています。');
  await flagged('The hotel is near the station.', 'The hotel is far from the station.');
  await flagged('The school is far from the river.', 'The school is near the river.');
  await flagged('ホテルは駅から近いです。', 'ホテルは駅から遠いです。');
  await flagged('The company still produces cars.', 'The company stopped producing cars.');
});

test('controls: real clashes stay flagged, idioms and plain restatements stay supported', async () => {
  await flagged('She married in 1940.', 'She married in 1941.');
  await flagged('The museum is not open on Mondays.', 'The museum is open on Mondays.');
  await flagged('The flight lasts eight hours.', 'The flight takes 7 hours.');
  await flagged('The company produces cars.', 'The company no longer produces cars.');
  await supported('The team has won three titles so far.', 'The team has won three titles so far.');
  await supported('So far, the team has won three titles.', 'The team has won three titles so far.');
  await supported('She never married.', 'She never married.');
  await supported('Photography is not allowed in the museum.', 'Photography is prohibited in the museum.');
  await supported('The town has 3 schools.', 'Accessed 2020-03-15. The town has 3 schools.');
});
