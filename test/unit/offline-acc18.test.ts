// Eighteenth accuracy pass, on JNLI's false "supported" and FaithBench's: a Japanese word the passages give only half
// of, in another word's place, and two kanji spellings of one word.
import { test } from 'node:test';
import { notSupported, supported } from './offline-verdicts';

test("a Japanese word that shares only half its kanji with the sentence's word in its place is a swap", async () => {
  await notSupported('駅のホームに電車が停車しています。', '駅のホームを電車が通過しています。', "reference says '通過して' where the claim says '停車して'");
  await notSupported('公園の池に白鳥がいます。', '公園の池に水鳥がいます。', "reference says '水鳥' where the claim says '白鳥'");
  await notSupported('海沿いの道を男性が走っています。', '川沿いの道を男性が走っています。');
});

test('a word the sentence holds whole, or writes with its other kanji, stays supported', async () => {
  await supported('道路沿いに女性が立っています。', '道沿いに女性が立っています。');
  await supported('男性が自動車を運転しています。', '男性が車を運転しています。');
  await supported('古い街並みを女性が歩いています。', '古い町並みを女性が歩いています。');
  await supported('街の広場に人が集まっています。', '町の広場に人が集まっています。');
});
