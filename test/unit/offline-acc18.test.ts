// Eighteenth accuracy pass, on JNLI's false "supported" and "unsupported": a Japanese word the passages give only half
// of, in another word's place; two kanji spellings of one word; a count of one as the article "a"; a claim no passage
// shares a word with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { fixed, flagged, notSupported, supported } from './offline-verdicts';

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

test('a Japanese count of one is the article "a": a sentence that names the thing without a count states it', async () => {
  await supported('家の前に茶色い犬が一匹座っています。', '家の前に茶色い犬が座っています。');
  await supported('一人の男性が公園のベンチに座っています。', '男性が公園のベンチに座っています。');
  await supported('青い家の前にバイクが一台止まっています。', '青い家の前にバイクが止まっています。');
});

test('"only one", "not one", another count or "many" is still a count the sentence must give', async () => {
  await flagged('家の前に茶色い犬が一匹だけ座っています。', '家の前に茶色い犬が座っています。');
  await flagged('家の前に茶色い犬が二匹座っています。', '家の前に茶色い犬が座っています。');
  await fixed('家の前に茶色い犬が一匹座っています。', '家の前に茶色い犬が三匹座っています。', '一', '三');
  await notSupported('家の前に茶色い犬が一匹座っています。', '家の前にたくさんの茶色い犬が座っています。', undefined, 'contradicted');
  // Beside another count it is a count too: one adult and two calves.
  await flagged('大人の象が一頭と子どもの象が二頭います。', '大人の象の後ろに子どもの象が二頭います。');
});

test('a claim no passage shares a word with is not supported, in Japanese as in English; small talk stays exempt', async () => {
  const grader = createOfflineGrader();
  const none = (text: string) => grader.grade([{ claim: { text, start: 0, end: text.length }, passages: [] }]).then(([j]) => j!);
  for (const text of ['馬が吠えている。', '象が水を飲んでいます。', 'The horse is barking.']) {
    const j = await none(text);
    assert.equal(j.verdict, 'unsupported', text);
    assert.ok(j.confidence >= 0.8, `${text}: ${j.confidence}`);
  }
  const [yes] = await grader.grade([
    { claim: { text: 'Yes, it is.', start: 0, end: 11 }, passages: [] },
    { claim: { text: 'It opened in 1998.', start: 12, end: 30 }, passages: [] },
  ]);
  assert.equal(yes!.verdict, 'supported');
});
