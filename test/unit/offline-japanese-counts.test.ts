// Japanese counts: one thing against many, whatever the counter (一台/数台, 1羽/群れ), is contradicted; a count of one
// is the article "a", but "only one", another count or "many" is a count the sentence must give; another counter of
// one kind (二頭 = 二匹) is the same count; a count in digits and one in kanji numerals (5人 = 五人) are one count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFeatures, FEATURES, SentenceCache } from '../../src/core/graders/offline/features';
import { tokens } from '../../src/core/graders/offline/text';
import { fixed, flagged, notSupported, supported } from './offline-verdicts';

test('one thing against many, whatever the counter, is contradicted', async () => {
  await notSupported('踏み切りの周辺に車が数台あります。', '踏切の周辺には車が一台あります。', "reference says '一台', claim says '数台'", 'contradicted');
  await notSupported('背の高い木々の周りを鳥の群れが飛んでいます。', '背の高い木々の周りを1羽の鳥が飛んでいます。', "reference says '1羽', claim says '群れ'");
  await notSupported('海の上に船が一艘浮かんでいる。', '海の上にたくさんの船が浮かんでいるところです。', "reference says 'たくさん', claim says '一艘'");
  await notSupported('一種類の料理が盛られた皿があります。', '色んな種類の料理が皿に盛られています。', "reference says '色んな', claim says '一種類'");
  // Controls: one said both ways (１頭 = 一頭), many said both ways, "one of", "another", "alone".
  await supported('草むらに１頭のゾウが佇んでいます。', '草むらに一頭のゾウが佇んでいます。');
  await supported('海の上に複数の船が浮かんでいます。', '海の上に複数の船が浮かんでいるところです。');
  await supported('富士山は日本の多くの山の一つです。', '富士山は日本の多くの山の一つです。');
  await supported('男性が、もう一人の男性に何か話しかけています。', 'たくさんの人の前で男性が、もう一人の男性に何か話しかけています。');
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

test('another counter of one kind after the same number is the same count (二頭 = 二匹, 2台 = 2個), another number still clashes', async () => {
  await supported('水辺に２匹のアヒルがいます。', '水辺に２羽のアヒルがいます。');
  await supported('草原に二匹の象がいます。', '草原に象が二頭います。');
  await supported('机の上に携帯電話が2台あります。', '机の上に携帯電話が2個あります。');
  // Controls: another number in another counter of the kind clashes; 頭 that is no counter is a head.
  await notSupported('草原に三匹の象がいます。', '草原に象が二頭います。', undefined, 'contradicted');
  await notSupported('机の上に携帯電話が3台あります。', '机の上に携帯電話が2個あります。', undefined, 'contradicted');
  assert.equal(tokens('女性が頭を下げています。').find((t) => t.surface === '頭')!.key, '頭');
});

test('a count in digits and one in kanji numerals are one count (5人 = 五人, 3台 = 三台): the claim is covered in full', async () => {
  const covered = (claim: string, ref: string): number => {
    const passages = [{ passage: { id: 'r#0', source: 'r.md', line: 1, text: ref }, score: 1 }];
    return extractFeatures({ claim: { text: claim, start: 0, end: claim.length }, passages }, new SentenceCache()).x[FEATURES.indexOf('covBest')]!;
  };
  assert.equal(covered('公園に5人の子供がいます。', '公園に五人の子供がいます。'), 1);
  assert.equal(covered('公園に五人の子供がいます。', '公園に5人の子供がいます。'), 1);
  assert.equal(covered('草むらに2匹の犬がいます。', '草むらに二匹の犬がいます。'), 1);
  assert.equal(covered('道路に3台の車が止まっています。', '道路に三台の車が止まっています。'), 1);
  assert.equal(covered('道路に三台の車が止まっています。', '道路に3台の車が止まっています。'), 1);
  // Controls: another number, or the same number of another kind of thing, is no cover; the verdicts.
  assert.ok(covered('草むらに2匹の犬がいます。', '草むらに三匹の犬がいます。') < 1);
  assert.ok(covered('公園に五人の子供がいます。', '公園に5匹の子供がいます。') < 1);
  await supported('道路に3台の車が止まっています。', '道路に三台の車が止まっています。');
  await notSupported('公園に五人の子供がいます。', '公園に3人の子供がいます。', undefined, 'contradicted');
  await notSupported('道路に3台の車が止まっています。', '道路に二台の車が止まっています。', undefined, 'contradicted');
  await flagged('大人の象が一頭と子どもの象が二頭います。', '大人の象の後ろに子どもの象が二頭います。');
});
