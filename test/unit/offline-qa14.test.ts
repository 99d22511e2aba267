// A fourteenth QA pass: false alarms, claims a reader takes as stated that were contradicted or unsupported
// (FaithBench, BEGIN, WiCE and JNLI rows gold-supported and flagged).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grade, notSupported, supported } from './offline-verdicts';

test('a negation another sentence states, the same cue before the same words, is no clash', async () => {
  const ref = 'There were no immediate reports of injuries or damage. Italy is prone to earthquakes. Phone lines were down and power supplies were cut in the Garfagnana area, Italian news agency Ansa reports.';
  const j = await grade('While there were no immediate reports of injuries or damage, phone lines and power supplies were cut in the Garfagnana area.', ref);
  assert.equal(j.verdict, 'supported', j.reason);
  // Controls: no sentence negates it; another sentence negates other words.
  await notSupported('There were no reports of damage in the Garfagnana area.', 'Phone lines were down in the Garfagnana area, Ansa reports of damage.', undefined, 'contradicted');
  await notSupported('The museum did not reopen in 2019.', 'The museum reopened in 2019. The shop did not reopen.', undefined, 'contradicted');
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

test('a number clash comes from a sentence about the claim’s names, where another sentence has them', async () => {
  const j = await grade("Nottingham's David Ling scored a goal to make it 4-3.", "Mike Forney's powerplay breakaway goal make it 2-1 with Andy Bohmback equalising. Later David Ling scored for Nottingham.");
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  // Controls: the sentence with the names gives another score; no other sentence has the names.
  await notSupported('David Ling scored a goal to make it 4-3.', 'David Ling scored a goal to make it 4-2.', 'reference says 2, claim says 3', 'contradicted');
  await notSupported('David Ling scored a goal to make it 4-3.', 'A late goal made it 4-2.');
});

test('a letter written with a separate accent is the composed letter, and accents come and go in names', async () => {
  await supported('François Truffaut directed the film in 1959.', 'Franc\u0327ois Truffaut directed the film in 1959.');
  await supported('Franc\u0327ois Truffaut directed the film in 1959.', 'François Truffaut directed the film in 1959.');
  await supported('The plane landed in Sao Paulo in 2019.', 'The plane landed in São Paulo in 2019.');
  // The fix still points at the written text: the decomposed letter is one letter, not cut in two.
  const j = await grade('Franc\u0327ois Truffaut directed the film in 1958.', 'François Truffaut directed the film in 1959.');
  assert.equal(j.verdict, 'contradicted', j.reason);
  // Control: another name is another name.
  await notSupported('The plane landed in Rio in 2019.', 'The plane landed in São Paulo in 2019.');
});

test('"used", "uses", "using" are "use", not the U.S.', async () => {
  await supported('The players use three balls per frame instead of two.', 'Each player uses three balls per frame, rather than two.');
  // Control: the U.S. is still the U.S.
  await supported('The company moved to the US in 2019.', 'The company moved to the United States in 2019.');
});

test('"the finished version" is the product, not the end of an act', async () => {
  const j = await grade('The company began to sell the Canadian version.', 'The company will sell the finished Canadian version.');
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  // Control: finishing is still not beginning.
  await notSupported('The company began the Canadian version.', 'The company finished the Canadian version.', undefined, 'contradicted');
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
