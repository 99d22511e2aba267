// Twentieth accuracy pass, Japanese (JNLI): a colour the claim adds that no passage gives; words written in kana that
// the segmenter cuts into particles (すわっています, のんで, ひと, まえ); a run that opens the claim in another's place;
// `noPassage` as a rule-only flag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODEL } from '../../src/core/graders/offline/model';
import { tokens } from '../../src/core/graders/offline/text';
import { notSupported, supported } from './offline-verdicts';

test('a colour the claim adds that no passage gives is not supported', async () => {
  await notSupported('白い大型トラックが赤信号で停まっています。', '赤信号で大型トラックが停まっています。', "reference never mentions '白い'");
  await notSupported('お皿の上に茶色いケーキが乗っています。', 'お皿の上にケーキが乗っています。', "reference never mentions '茶色い'");
  await notSupported('赤色の列車が線路の上を走っています。', '列車が線路の上を走っています。');
});

test('a colour the passage gives in another spelling or inside a word, or a word that only holds a colour kanji, stays supported', async () => {
  await supported('椅子の上で白い猫が寝ています。', '椅子の上で白猫が寝ています。');
  await supported('赤い車が止まっています。', 'レッドの車が止まっています。');
  await supported('青年がベンチに座っています。', 'ベンチに青年が座っています。');
});

test('a verb written in kana is the verb: another posture or act in its place is caught', async () => {
  await notSupported('シャッターの前に人がすわっています。', 'シャッターの前に人が立っています。', "reference says '立っ', claim says 'すわっ'", 'contradicted');
  await notSupported('ウシがミルクをのんでいます。', 'ウシがミルクを沸かしています。', "reference says '沸かして' where the claim says 'のんで'");
  await notSupported('シャッターのまえにひとがすわっています。', 'シャッターのまえに猫がすわっています。', "reference says '猫' where the claim says 'ひと'");
});

test('a word written in kana meets its kanji spelling', async () => {
  await supported('窓辺に猫がすわっています。', '窓辺に猫が座っています。');
  await supported('男性がはしっています。', '男性が走っています。');
  await supported('机のうえにパソコンがあります。', '机の上にパソコンがあります。');
});

test('kana that only begin another word, or follow one, are not read as a kana word', () => {
  const keys = (text: string): string[] => tokens(text).filter((t) => !t.stop).map((t) => t.key);
  assert.deepEqual(keys('すべての人が笑っています。'), ['すべて', '人', '笑']); // すべて ("all"), not 滑
  assert.ok(!keys('ひとつのりんご').includes('人')); // ひとつ ("one"), not ひと
  assert.ok(!keys('ボールを投げようとしています').includes('人'));
  assert.deepEqual(keys('猫がすわっています'), ['猫', '座']);
});

test('a run that opens the claim where the sentence has another, four content words after it the same, is a swap', async () => {
  await notSupported('テニスコートで男性プレイヤーがボールを打ち返しています。', '野球場で男性プレイヤーがボールを打ち返しています。', "reference says '野球場' where the claim says 'テニスコート'");
  await notSupported('雪の上をフライングディスクを咥えた犬が走っています。', '砂浜でフライングディスクを咥えた犬が走っています。');
  // Three words after it: a place said otherwise is a rewording as often as not.
  await supported('原っぱで犬がフリスビーで遊んでいます。', '広い芝生で、犬がフリスビーで遊んでいます。');
});

test('a claim no passage shares a word with is a rule, not a weight: the floor acts, the model gives the flag no weight', () => {
  const weight = (name: string): number => MODEL.weights[MODEL.features.indexOf(name)]!;
  assert.equal(weight('noPassage'), 0);
  assert.notEqual(weight('covBest'), 0);
});
