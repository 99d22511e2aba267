// Negation: one negation spelled two ways (never = did not, 禁止です = できません, unavailable = not available), a
// positive event against a negated one, "nothing there" and "nobody there" against a sentence that names something
// there, a negation another sentence states, a verb of failure, and a "not" (or a ぬ) that denies nothing; and the
// cues the reader takes for a negation ("no 74" is a rank, しか…ない is "only").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negations } from '../../src/core/graders/offline/negation';
import { tokens } from '../../src/core/graders/offline/text';
import { flagged, grade, notSupported, supported } from './offline-verdicts';

test('one negation, two spellings: never = did not, stopped = no longer', async () => {
  await supported('She did not marry.', 'She never married.');
  await supported('He never married.', 'He did not marry.');
  await supported('The company has stopped producing cars.', 'The company no longer produces cars.');
  await supported('The bank no longer offers loans.', 'The bank stopped offering loans.');
  await supported('The factory ceased making toys.', 'The factory no longer makes toys.');
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

test('a word against its negative prefix: "available" / "unavailable", 完成 / 未完成', async () => {
  await notSupported('The service is available in Canada.', 'The service is unavailable in Canada.', "reference says 'unavailable', claim says 'available'", 'contradicted');
  await flagged('The room is smoking.', 'The room is non-smoking.');
  await flagged('The substance is toxic.', 'The substance is non-toxic.');
  await flagged('The board was informal.', 'The board was formal.');
  await flagged('工事は完成しました。', '工事は未完成です。');
  await flagged('この情報は公開されています。', 'この情報は非公開です。');
  await flagged('彼はその事件と関係がある。', '彼はその事件とは無関係だ。');
  // One negation, two spellings; both words in the sentence; "non arching" written apart.
  await supported('The service is not available in Canada.', 'The service is unavailable in Canada.');
  await supported('The service is unavailable in Canada.', 'The service is not available in Canada.');
  await supported('The service is available in Canada.', 'The service is available in Canada and unavailable in Peru.');
  await supported('They wore a non arching ski.', 'They wore a non-arching ski.');
  await supported('この情報は非公開です。', 'この情報は非公開です。');
});

test('a negation another sentence states, the same cue before the same words, is no clash', async () => {
  const ref = 'There were no immediate reports of injuries or damage. Italy is prone to earthquakes. Phone lines were down and power supplies were cut in the Garfagnana area, Italian news agency Ansa reports.';
  const j = await grade('While there were no immediate reports of injuries or damage, phone lines and power supplies were cut in the Garfagnana area.', ref);
  assert.equal(j.verdict, 'supported', j.reason);
  // Controls: no sentence negates it; another sentence negates other words.
  await notSupported('There were no reports of damage in the Garfagnana area.', 'Phone lines were down in the Garfagnana area, Ansa reports of damage.', undefined, 'contradicted');
  await notSupported('The museum did not reopen in 2019.', 'The museum reopened in 2019. The shop did not reopen.', undefined, 'contradicted');
});

test('a negation in the second aligned sentence counts only where the word it negates is the claim’s', async () => {
  // The second sentence gives the claim's "reported", but what it negates is "immediate reports" of injuries.
  await supported('The institute reported the quake at 15:48.', 'The institute said the quake struck at 15:48. There were no immediate reports of injuries or damage.');
  // Controls: the negated word is the claim's ("invite", "national capital", "charged").
  const invite = 'Moonves flew to Idaho for the Allen and Co. conference. Weinstein, a regular at the conference, did not get an invite this year.';
  await notSupported('He was invited to speak at the Allen and Co. conference.', invite, undefined, 'contradicted');
  const porto = 'Porto is the second-largest city in Portugal, after Lisbon. The city is not the national capital; that role belongs to Lisbon.';
  await notSupported('Porto is the national capital of Portugal.', porto, undefined, 'contradicted');
  await notSupported('The museum opened in 1990 and charges an entry fee.', 'The museum opened in 1990. It has never charged an entry fee.', undefined, 'contradicted');
});

test('a verb of failure says what the sentence says with a negated verb', async () => {
  const j = await grade('Villegas lost the title to Kevin Streelman in a playoff.', "Villegas could n't quite land the title , losing out to Kevin Streelman in a play-off .");
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  await supported('Villegas lost the title in a playoff.', "Villegas could n't land the title in a playoff.");
  // Controls: the negated verb is the claim's own; no verb of failure in the claim.
  await notSupported('Villegas lost the title in a playoff.', 'Villegas did not lose the title in a playoff.', undefined, 'contradicted');
  await notSupported('Villegas won the title in a playoff.', "Villegas could n't win the title in a playoff.", undefined, 'contradicted');
  await notSupported('The lost dog was found by the police.', 'The lost dog was not found by the police.', undefined, 'contradicted');
});

test("a 'not' that denies nothing is no word the reference must say", async () => {
  const title = "In some countries 'paramedic' is a protected title and accountable to a professional regulatory body.";
  await supported('I am not sure, but in some countries it is a protected title.', title);
  const only = await grade('The museum is not only a gallery but also a library.', 'The museum is a gallery and a library.');
  assert.equal(only.verdict, 'supported');
  assert.ok(only.confidence > 0.75, `${only.confidence}`);
  // A real negation still clashes, after the hedge or without it.
  for (const claim of ['In some countries it is not a protected title.', "I'm not sure, but it is not a protected title in some countries."]) {
    const j = await grade(claim, title);
    assert.equal(j.verdict, 'contradicted', `${claim}: ${j.reason}`);
  }
});

test("an opening 'Not really, but' answers a question and denies nothing after 'but'", async () => {
  const pins = 'In pin bowling variations, the target is usually to knock over pins at the end of a lane.';
  for (const claim of ['not a lot but i do know that in pin bowling the target is usually to knock over the pins at the end of the lane', 'Not really, but in pin bowling the target is usually to knock over pins at the end of a lane.']) {
    const j = await grade(claim, pins);
    assert.equal(j.verdict, 'supported', `${claim}: ${j.reason}`);
    assert.ok(j.confidence > 0.6, `${claim}: ${j.confidence}`);
  }
  // Controls: a "not" inside the statement, after the answer or without it, still clashes; one mid-sentence before
  // "really" is no answer.
  for (const claim of ['Not really, but in pin bowling the target is usually not to knock over pins at the end of a lane.', 'In pin bowling the target is not really to knock over pins at the end of a lane.']) {
    const j = await grade(claim, pins);
    assert.equal(j.verdict, 'contradicted', `${claim}: ${j.reason}`);
  }
});

test('a prohibition said two ways in Japanese: 禁止です = できません', async () => {
  await supported('館内での撮影は禁止です。', '館内では撮影できません。');
  await supported('館内では撮影できません。', '館内での撮影は禁止です。');
  await flagged('館内での撮影は禁止です。', '館内で撮影できます。');
  await flagged('館内での飲食は禁止です。', '館内での撮影は禁止です。');
});

test('"nothing there" (何もない, 何もありません) against a sentence that names something there is contradicted', async () => {
  await notSupported('お肉の塊の横にはなにもない。', 'お肉の塊の横にいろいろな野菜が添えられています。', "claim says 'ない', the reference does not negate this", 'contradicted');
  await notSupported('パソコンの前にはなにもありません。', 'パソコンの前にタイマーがついた電子機器が置いてあります。', "claim says 'ありません', the reference does not negate this");
  // Controls: nothing there, said both sides in two ways.
  await supported('テーブルの上には何もありません。', 'テーブルの上には何もない。');
  await supported('パソコンの前にはなにもありません。', 'パソコンの前にはなにもありません。');
});

test('ありません is ある\'s negative as ない is: its stem ありま is no word a sentence must cover', async () => {
  const content = (s: string): string[] => tokens(s).filter((t) => !t.stop).map((t) => t.surface);
  assert.deepEqual(content('テーブルの上には何もありません。'), content('テーブルの上には何もない。'));
  assert.deepEqual(content('机の上に本があります。'), ['机', '上', '本']);
  // Controls: what is there, or not there, still counts.
  await flagged('テーブルの上にペンがありません。', 'テーブルの上に本がありません。');
  await flagged('テーブルの上に本があります。', 'テーブルの上には何もない。');
});

test('"nobody there" (誰もいない, 無人です) against a sentence that names someone there is contradicted', async () => {
  await notSupported('看板の前には誰もいない。', '街角の看板の前に乗り物にのった男性がいます。', "claim says 'ない', the reference does not negate this", 'contradicted');
  await notSupported('店の中で店番をしている人がいます。', '店の中は無人である。', "reference says '無人', claim drops the negation", 'contradicted');
  await notSupported('店の中は無人である。', '店の中で店番をしている人がいます。', "claim says '無人', the reference does not negate this", 'contradicted');
  // Controls: nobody there, said both sides in two ways; 無人島, a kind of place, said both sides; 何か, 誰か.
  await supported('看板の前には誰もいない。', '看板の前には誰もいません。');
  await supported('無人島に船が着きました。', '無人島に船が着きました。');
  await supported('男性がもう一人の男性に何か話しかけています。', '男性がもう一人の男性に何か話しかけています。');
});

test('ぬ of ぬいぐるみ and いぬ is no negation; 果物 = フルーツ', async () => {
  const j = await grade('黒い犬に熊のぬいぐるみがもたれさせてあります。', '黒い犬に寄り掛かっている熊のぬいぐるみ。');
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  await supported('ベッドの上にいぬがいます。', 'ベッドの上にいぬがいます。');
  await supported('テーブルの上に果物があります。', 'テーブルの上にフルーツがあります。');
  // Controls: 知らぬ negates; 果物 is not 野菜.
  await notSupported('その本は知らぬ間に消えた。', 'その本は知っている間に消えた。', undefined, 'contradicted');
  await notSupported('テーブルの上に果物があります。', 'テーブルの上に野菜があります。');
});

test('negation cues in English and Japanese', () => {
  const words = (s: string): string[] => negations(s, tokens(s)).map((c) => c.word);
  assert.deepEqual(words('The drug does not cure it'), ['not']);
  assert.deepEqual(words('He never won'), ['never']);
  assert.deepEqual(words("It doesn't work"), ["doesn't"]);
  assert.deepEqual(words('No survivors were found'), ['No']);
  assert.equal(words('猫はいません').length, 1);
  assert.equal(words('雨は降らなかった').length, 1);
  assert.equal(words('食べない').length, 1);
  assert.deepEqual(words('The drug cures it'), []);
  assert.deepEqual(words('losing out to world no 74 Kevin Streelman'), [], '"no 74" is a rank');
  assert.deepEqual(words('This was not the only ace of the day'), [], '"not the only" asserts more, not less');
  assert.deepEqual(words('三十三年に一度しか公開されない'), [], 'しか…ない is "only"');
  assert.equal(words('一度しか見ていない。今は公開されない').length, 1, 'a later clause keeps its own negation');
});
