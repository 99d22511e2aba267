// A fifteenth QA pass: BEGIN's false "supported", claims that add or change a detail the knowledge never states.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grade, notSupported, supported } from './offline-verdicts';

test('an example the claim gives ("such as", "including", ", like") that no passage names is unsupported', async () => {
  await notSupported('The festival draws visitors from many countries, such as Norway.', 'The festival draws visitors from many countries across Europe.', "reference never mentions 'Norway'");
  await notSupported('The band toured with other groups, including Oasis.', 'The band toured with other groups throughout the decade.', "reference never mentions 'Oasis'");
  await notSupported('Teams compete in several events, like the Boston Marathon.', 'Teams compete in several events each year, from relays to sprints.');
  // Controls: the example is the reference's; "like" as a verb is no example.
  await supported('The festival draws visitors from many countries, such as Norway.', 'The festival draws visitors from many countries, including Norway and Chile.');
  await supported('Children like the museum in Oslo.', 'Children like the museum in Oslo.');
});

test('a Japanese run of words in another run’s place, the words before and after the same, is a swap', async () => {
  await notSupported('公園の池のそばにトラックが止まっています。', '公園の池のそばに二階建てバスが止まっています。', "reference says '二階建てバス' where the claim says 'トラック'");
  await notSupported('台所の棚の上にパソコンがあります。', '台所の棚の上に鍋とフライパンがあります。', "reference says '鍋とフライパン' where the claim says 'パソコン'");
  await notSupported('机の上にノートとペンが置いてあります。', '机の上に花瓶が置いてあります。');
  // Controls: one of the sentence's things; a word the claim adds; a first word reworded (no word before both).
  await supported('台所の棚の上に鍋があります。', '台所の棚の上に鍋とフライパンがあります。');
  await supported('公園の池のそばに大型のバスが止まっています。', '公園の池のそばに大型のバスが二台止まっています。');
  const j = await grade('公園で犬がボールで遊んでいます。', '広い芝生で、犬がボールで遊んでいます。');
  assert.ok(!/where the claim says/.test(j.reason), j.reason);
});

test('a lexicon phrase matches its one-word mate either way round ("USA" = "united states")', async () => {
  await supported('The company was founded in the USA in 1998.', 'The company was founded in the United States in 1998.');
  await supported('the sport was first played in the usa in 1891.', 'the sport was first played in the united states in 1891.');
  await supported('The firm moved its offices to the United States in 2001.', 'The firm moved its offices to the USA in 2001.');
  // Control: another country.
  await notSupported('The firm moved its offices to the United States in 2001.', 'The firm moved its offices to the UK in 2001.');
});

test('a figure no passage gives, in a claim the passages state less than 60% of, is unsupported by rule', async () => {
  await notSupported('The bakery ships its bread to 14 cities.', 'The bakery opened in 2003 in Leeds. Its ovens run all night.', 'reference never gives 14');
  await notSupported('Rivera signed for the club in 2016 after a trial.', 'Rivera joined the academy as a teenager and later captained the side.', 'reference never gives 2016');
  // Controls: the figure given; the claim stated but for the figure is the model's to judge (a figure a summary adds).
  await supported('The bakery ships its bread to 14 cities.', 'The bakery ships its bread to 14 cities across the north.');
  await supported('The bakery in Leeds ships its bread to many cities.', 'The bakery in Leeds ships its bread to many cities, 14 of them abroad.');
});

test('an adverb is its adjective’s pole ("cheaply" against "expensive"), and the original version is no modern one', async () => {
  await notSupported('Paper cups are more expensive to make than glass cups.', 'Paper cups can be made very cheaply compared to glass cups.', undefined, 'contradicted');
  await notSupported('The original model of the lamp has no switch.', 'A more modern model of the lamp has no switch.', undefined, 'contradicted');
  // Controls: the same pole either way; an adverb whose sense is not its adjective's ("shortly").
  await supported('Paper cups are cheap to make.', 'Paper cups can be made very cheaply.');
  await supported('The ferry left shortly after noon.', 'The ferry left soon after noon, a long crossing.');
});
