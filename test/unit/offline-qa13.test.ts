// A thirteenth QA pass: JNLI's leftovers from the twelfth (男性 and 女性 exchanged across a list, 誰もいない against a
// sentence that names who is there, 無人 against 人がいます) and a FaithBench false contradiction ("Eugene lost to Doha"
// against "Doha beat Eugene", the same fact told from its other end).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grade, notSupported, supported } from './offline-verdicts';

test('both words of a pair in the claim, each where the sentence has its mate, is contradicted', async () => {
  await notSupported('ネクタイを締める女性やヘッドホンをした女性、物を運ぶ男性などが集まっています。', 'ネクタイを締める男性やヘッドホンをした男性、物を運ぶ女性などが集まっています。', "reference says '男性', claim says '女性'", 'contradicted');
  await notSupported('男性がIT機器を見せながら、もう一人の女性に何か話しかけています。', '男性がIT機器を見せながら、もう一人の男性に何か話しかけています。', "reference says '男性', claim says '女性'", 'contradicted');
  // Controls: the same words in another order; the sentence word for word.
  await supported('男性と女性が並んで立っています。', '女性と男性が並んで立っています。');
  await supported('ベットの上で、横になっている男性と、立っている女性がいます。', 'ベットの上で、横になっている男性と、立っている女性がいます。');
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

test('an opposite with the two ends on its other sides is the same fact, the rest reworded', async () => {
  // No clash (the model may still ask about "previously bid", which no passage says).
  const j = await grade('Eugene had previously bid for the 2019 event, but lost to Doha, Qatar.', 'Qatar capital Doha, home to the Aspire Dome, beat Eugene to host the 2019 event.');
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  await supported('Tom beat Bill in the final.', 'Bill lost to Tom in the final.');
  await supported('Mars is smaller than Earth.', 'Earth, the third planet, is larger than Mars.');
  // Still contradicted: the ends on the same sides, or only one of them crossed.
  await notSupported('Spain lost to France in the final.', 'Spain beat France in the final.', "reference says 'beat', claim says 'lost'", 'contradicted');
  await notSupported('In the final, Tom lost to Bill.', 'Tom beat Bill in the final.', undefined, 'contradicted');
  await notSupported('Mars is larger than Earth.', 'Mars, the fourth planet, is smaller than Earth.', undefined, 'contradicted');
});
