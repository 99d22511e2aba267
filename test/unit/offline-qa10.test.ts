// A tenth QA pass: a sign written after the number ("5 degrees below zero"), a mutual relation with a word before it
// ("best friend"), a hedge dropped ("cures" against "might cure"), custody against its end ("arrested" against
// "released"), Japanese compound names with one head (東京ドーム against 札幌ドーム), and a figure the claim adds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities } from '../../src/core/graders/offline/numbers';
import { fixed, grade, notSupported, supported } from './offline-verdicts';

test('"below zero" after a number is its sign, and the fix replaces the whole mention', async () => {
  await supported('It was 5 degrees below zero.', 'It was -5 °C.');
  await supported('It was 5 degrees below zero.', 'It was \u22125 degrees.');
  await supported('The lowest temperature was 5 degrees below zero.', 'The lowest temperature was -5 degrees.');
  await supported('The lowest temperature was -5 degrees.', 'The lowest temperature was 5 degrees below zero.');
  // Against 5 degrees above zero: the fix drops "below zero" with the value, either way round.
  await fixed('It was 5 degrees below zero.', 'It was 5 degrees.', '5 degrees below zero', '5 degrees');
  await fixed('It was 5 degrees.', 'It was 5 degrees below zero.', '5 degrees', '5 degrees below zero');
  await fixed('The lowest temperature was 5 degrees below zero.', 'The lowest temperature was 5 degrees.', '5 degrees below zero', '5 degrees');
  await fixed('The lowest temperature was 5 degrees below zero.', 'The lowest temperature was \u22127 °C.', '5 degrees below zero', '-7 °C');
  assert.deepEqual(quantities('It was 5 below zero, then 3 degrees below zero.').map((q) => [q.value, q.text]), [[-5, '5 below zero'], [-3, '3 degrees below zero']]);
  // Controls: "below" that is no sign.
  assert.deepEqual(quantities('5 floors below the street').map((q) => q.value), [5]);
  await supported('The mine is 300 metres below the surface.', 'The mine is 300 metres below the surface.');
});

test('degrees of no named scale are the scale the other side names: 5度 = 5℃, 零下5度 = -5 °C', async () => {
  await supported('最低気温は零下5度でした。', '最低気温は-5℃でした。');
  await supported('最低気温はマイナス5度でした。', '最低気温は\u22125℃でした。');
  await supported('最低気温は5度でした。', '最低気温は5℃でした。');
  await supported('The high was 30 degrees.', 'The high was 30 °C.');
  await fixed('最低気温は零下5度でした。', '最低気温は5℃でした。', '零下5度', '5℃');
  // A named scale is still no other scale.
  await notSupported('The high was 30 °F.', 'The high was 30 °C.');
});

test('a mutual relation with a word before it holds both ways: best friend, close friend, old colleague', async () => {
  await supported("Bill is Tom's best friend.", "Tom is Bill's best friend.");
  await supported("Bill is Tom's close friend.", "Tom is Bill's close friend.");
  await supported("Bill is Tom's old colleague.", "Tom is Bill's old colleague.");
  await supported('Bill is the best friend of Tom.', 'Tom is the best friend of Bill.');
  // Controls: a relation with a direction, and a word that gives a kin word one.
  await notSupported("Bill is Tom's father.", "Tom is Bill's father.", undefined, 'contradicted');
  await notSupported("Bill is Tom's older brother.", "Tom is Bill's older brother.", undefined, 'contradicted');
  await notSupported("Bill is Tom's little brother.", "Tom is Bill's little brother.", undefined, 'contradicted');
  await notSupported("Bill is Tom's best man.", "Tom is Bill's best man.", undefined, 'contradicted');
});

test('a hedge dropped: "cures" where the reference says "might cure" is flagged, naming the hedge', async () => {
  await notSupported('The drug cures the disease.', 'The drug might cure the disease.', "reference says 'might cure' where the claim says 'cures'", 'unsupported');
  await notSupported('The drug cures the disease.', 'The drug may cure the disease.', "reference says 'may cure' where the claim says 'cures'");
  await notSupported('The drug cures the disease.', 'The drug could cure the disease.', "reference says 'could cure' where the claim says 'cures'");
  await notSupported('Coffee reduces the risk of diabetes.', 'Coffee may reduce the risk of diabetes.');
  await notSupported('The drug cures the disease.', 'The drug may eventually cure the disease.');
  // Controls: the hedge kept or added, and "May" the month.
  await supported('The drug may cure the disease.', 'The drug cures the disease.');
  await supported('The drug might cure the disease.', 'The drug may cure the disease.');
  await supported('The drug could possibly cure the disease.', 'The drug might cure the disease.');
  await supported('The festival opens in May.', 'The festival opens in May.');
  await supported('The trial opened in 2019.', 'The trial opened in May 2019.');
});

test('"arrested" against "released" in the same frame is contradicted; a product release is no custody', async () => {
  await notSupported('The man was arrested in 2019.', 'The man was released in 2019.', "reference says 'released', claim says 'arrested'", 'contradicted');
  await notSupported('Police arrested the man on Monday.', 'Police released the man on Monday.', undefined, 'contradicted');
  await notSupported('The man was released in 2019.', 'The man was detained in 2019.', undefined, 'contradicted');
  await notSupported('男は2019年に逮捕された。', '男は2019年に釈放された。', "reference says '釈放', claim says '逮捕'", 'contradicted');
  // Controls: a launch, and custody said two ways.
  await supported('Apple released the iPhone in 2007.', 'Apple launched the iPhone in 2007.');
  await supported('The man was released in 2019.', 'The man was freed in 2019.');
  await supported('The man was jailed in 2019.', 'The man was imprisoned in 2019.');
  for (const [claim, ref] of [
    ['The rapper was arrested in 2019.', "The rapper's album was released in 2019."],
    ['The singer released an album in 2019.', 'The singer was arrested in 2019.'],
  ] as const) {
    const j = await grade(claim, ref);
    assert.notEqual(j.verdict, 'contradicted', `${claim}: ${j.reason}`);
  }
});

test('Japanese compound names with one head and another first part are contradicted', async () => {
  await notSupported('試合は東京ドームで行われた。', '試合は札幌ドームで行われた。', "reference says '札幌ドーム', claim says '東京ドーム'", 'contradicted');
  await notSupported('本社は大阪府にあります。', '本社は京都府にあります。', "reference says '京都府', claim says '大阪府'", 'contradicted');
  await notSupported('本社は神奈川県にあります。', '本社は千葉県にあります。', undefined, 'contradicted');
  // Controls: the same place; a place inside another's name; one word each for one thing (草原, 野原); no name.
  await supported('試合は東京ドームで行われた。', '試合は東京ドームで午後に行われた。');
  await supported('本社は京都府にあります。', '本社は京都府にあります。');
  await supported('彼は白いシャツを着ている。', '彼は白いTシャツを着ている。');
  for (const [claim, ref] of [
    ['大阪駅で降りた。', '新大阪駅で降りた。'],
    ['キリンが草原を歩いています。', 'キリンが野原を歩いています。'],
    ['本社は福岡にあります。', '本社は名古屋にあります。'],
  ] as const) {
    const j = await grade(claim, ref);
    assert.notEqual(j.verdict, 'contradicted', `${claim}: ${j.reason}`);
  }
});

test('a figure the claim adds, the rest stated, is not supported', async () => {
  await notSupported('The company was founded in 1998 with 300 engineers.', 'The company was founded in 1998.', 'reference never gives 300', 'unsupported');
  await notSupported('The company was founded in 1998 with 300 engineers.', 'The company was founded in 1998 by a group of engineers in Oslo.', 'reference never gives 300');
  await notSupported('The bridge opened in 1932 and has 6 lanes.', 'The bridge opened in 1932 and carries road traffic across the harbour.');
  await notSupported('He scored 2 goals in the 2010 final.', 'He scored in the 2010 final.', 'reference never gives 2');
  // Controls: the figure given, in other words or units; a figure worked out from the sentence.
  await supported('The company was founded in 1998 with 300 engineers.', 'The company was founded in 1998 with three hundred engineers.');
  await supported('The company was founded in 1998 with 300 engineers.', 'The company was founded in 1998; 300 engineers joined at once.');
  await supported('The tower is 330 metres tall.', 'The tower is 1,083 feet tall.');
  await supported('Sales fell by 500 MB.', 'Sales fell from 1.2 GB to 700 MB.');
  await supported('The company was founded in 1998.', 'The company was founded in 1998 with 300 engineers.');
});
