// What the claim adds that no passage gives: a figure, a rank in digits, a year added to a list, a cause, an example
// ("such as"), a consequence ("so", "which means"), a colour or another quality (古い, 大きな), a judgement of worth, a
// superlative ("the most affordable");
// each beside the same detail given, which stays supported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexReferences } from '../../src/core/check';
import { extractFeatures, FEATURES, SentenceCache } from '../../src/core/graders/offline/features';
import { saysTotal } from '../../src/core/graders/offline/numbers';
import { passagesFromText } from '../../src/core/references';
import { fixed, flagged, grade, notSupported, supported } from './offline-verdicts';

const strikes = 'The maximum score is 300, which is achieved by getting 12 strikes in a row.';
const fivePin = 'Five-pin bowling is a bowling variant which is played in Canada, where many bowling alleys offer it.';

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

test('a sum or difference the claim works out from the sentence\'s numbers is stated by it: no figure never given, no word missing', () => {
  const features = (claim: string, ref: string): Record<'numUnmatched' | 'factMiss' | 'covBest', number> => {
    const passages = indexReferences(passagesFromText('r.md', ref)).search(claim, 5);
    const x = extractFeatures({ claim: { text: claim, start: 0, end: claim.length }, passages }, new SentenceCache()).x;
    return { numUnmatched: x[FEATURES.indexOf('numUnmatched')]!, factMiss: x[FEATURES.indexOf('factMiss')]!, covBest: x[FEATURES.indexOf('covBest')]! };
  };
  const stated = { numUnmatched: 0, factMiss: 0, covBest: 1 };
  const sales = 'Sales fell from 1.2 GB to 700 MB.';
  const prices = 'The car costs 40 dollars and the mirror costs 90 dollars.';
  // The difference after "by", the total with its word ("together"): the sentence gives both, so the claim is all stated.
  assert.deepEqual(features('Sales fell by 500 MB.', sales), stated);
  assert.deepEqual(features('The car and the mirror cost 130 dollars together.', prices), stated);
  // Controls: a wrong difference or total, and a total without a word that says it is one, are figures never given.
  assert.equal(features('Sales fell by 400 MB.', sales).numUnmatched, 1);
  assert.equal(features('The car and the mirror cost 150 dollars together.', prices).numUnmatched, 1);
  assert.ok(features('The car and the mirror cost 150 dollars together.', prices).covBest < 1);
  assert.equal(features('The car and the mirror cost 130 dollars.', prices).numUnmatched, 1);
  // The word for a total is a whole word: 合計 and 計 are, 時計 (a clock) is not.
  assert.deepEqual(['together', '合計', '計', '時計', 'summer'].map(saysTotal), [true, true, true, false, false]);
});

test('a rank in digits the claim adds, the rest stated, is not supported; one a passage writes as a word is', async () => {
  await notSupported('They had four albums among the top albums of the 10th decade.', 'They had four albums among the top albums of the decade.', 'reference never gives 10th', 'unsupported');
  await notSupported('The album reached 10th place in the chart.', 'The album reached a high place in the chart.', 'reference never gives 10th');
  await notSupported('He was the 44th president of the United States.', 'He was president of the United States.', 'reference never gives 44th');
  // Controls: the rank given in digits, as a word (with or without a rank cue before it), as "number 10"; another
  // rank in its place is a clash.
  await supported('The album reached 10th place in the chart.', 'The album reached 10th place in the chart.');
  await supported('The album reached 10th place in the chart.', 'The album reached tenth place in the chart.');
  await supported('The album reached 10th place in the chart.', 'The album reached the tenth place in the chart.');
  await supported('He finished 3rd in the race.', 'He finished third in the race.');
  // A century is its years, no rank: "the 19th century" is the model's to judge where no passage dates the thing.
  await supported('The church was built in the 19th century.', 'The church was built in 1867.');
  await fixed('The album reached 10th place in the chart.', 'The album reached 12th place in the chart.', '10th', '12th');
});

test('"employs 300 engineers" meets a plain "employs engineers", so the added figure is flagged', async () => {
  await notSupported('Acme employs 300 engineers.', 'Acme is a software company based in Oslo. It employs engineers across Europe.', 'reference never gives 300', 'unsupported');
  await notSupported('Acme employs 300 engineers.', 'Acme employs engineers. It was founded in 1998.', 'reference never gives 300');
  // Controls: the figure given, by "employs" or by "work at"; a claim without the figure; another figure is a clash.
  await supported('Acme employs 300 engineers.', 'Acme employs 300 engineers in Oslo.');
  await supported('Acme employs 300 workers.', '300 people work at Acme.');
  await supported('Acme employs engineers.', 'Acme employs 300 engineers.');
  await fixed('Acme employs 600 engineers.', 'Acme employs 300 engineers.', '600', '300');
});

test('a figure no passage gives, in a claim the passages state less than 60% of, is unsupported by rule', async () => {
  await notSupported('The bakery ships its bread to 14 cities.', 'The bakery opened in 2003 in Leeds. Its ovens run all night.', 'reference never gives 14');
  await notSupported('Rivera signed for the club in 2016 after a trial.', 'Rivera joined the academy as a teenager and later captained the side.', 'reference never gives 2016');
  // Controls: the figure given; the claim stated but for the figure is the model's to judge (a figure a summary adds).
  await supported('The bakery ships its bread to 14 cities.', 'The bakery ships its bread to 14 cities across the north.');
  await supported('The bakery in Leeds ships its bread to many cities.', 'The bakery in Leeds ships its bread to many cities, 14 of them abroad.');
});

test('a year added to a list beside a year the sentence gives is not supported', async () => {
  await notSupported('The team won the title in 2004 and 2006.', 'The team won the title in 2004.', 'reference never gives 2006', 'unsupported');
  await notSupported('The team won the title in 2004, 2005 and 2006.', 'The team won the title in 2004 and 2005.', 'reference never gives 2006');
  await notSupported('The team won the title in 2004 or 2006.', 'The team won the title in 2004.', 'reference never gives 2006');
  // Controls: every year given, or fewer; another year in the list's place is a clash.
  await supported('The team won the title in 2004 and 2006.', 'The team won the title in 2004 and 2006.');
  await supported('The team won the title in 2004 and 2006.', 'The team won the title twice, in 2004 and again in 2006.');
  await supported('The team won the title in 2004.', 'The team won the title in 2004 and 2006.');
  await fixed('The team won the title in 2004 and 2006.', 'The team won the title in 2004 and 2005.', '2006', '2005');
});

test('a cause the references never mention is not supported; one they give is', async () => {
  await notSupported('The bridge closed in 2019 because of the flood.', 'The bridge closed in 2019.', "reference gives no cause: it never mentions 'because of the flood'");
  await notSupported('The bridge closed in 2019 due to the flood.', 'The bridge closed in 2019 for repairs.');
  await notSupported('橋は洪水のため2019年に閉鎖された。', '橋は2019年に閉鎖された。');
  await supported('The bridge closed in 2019 because of the flood.', 'Because of the flood, the bridge closed in 2019.');
  await supported('The bridge closed in 2019.', 'The bridge closed in 2019 because of the flood.');
  await supported('橋は洪水のため2019年に閉鎖された。', '2019年の洪水で、橋は閉鎖された。');
});

test('an example the claim gives ("such as", "including", ", like") that no passage names is unsupported', async () => {
  await notSupported('The festival draws visitors from many countries, such as Norway.', 'The festival draws visitors from many countries across Europe.', "reference never mentions 'Norway'");
  await notSupported('The band toured with other groups, including Oasis.', 'The band toured with other groups throughout the decade.', "reference never mentions 'Oasis'");
  await notSupported('Teams compete in several events, like the Boston Marathon.', 'Teams compete in several events each year, from relays to sprints.');
  // Controls: the example is the reference's; "like" as a verb is no example.
  await supported('The festival draws visitors from many countries, such as Norway.', 'The festival draws visitors from many countries, including Norway and Chile.');
  await supported('Children like the museum in Oslo.', 'Children like the museum in Oslo.');
});

test('a consequence the claim draws that no passage draws is not supported', async () => {
  const scope = 'The scope of the role varies widely across the world, having originally developed as a paraprofession in the United States.';
  await notSupported(
    'The scope of the role varies widely across the world, so it can be hard to agree on a definition.',
    scope,
    "reference draws no such consequence: it never mentions 'so it can be hard to agree on a defin...'",
  );
  await notSupported('The company is the biggest candy store in the world, which means there are multiple branches.', 'The company is the biggest candy store in the world.');
  // The consequence the reference draws itself, and a plain claim, stay supported.
  const hair = 'Because of the dye, her hair started to fall out, so she got a short haircut and wore a wig.';
  await supported('Her hair started to fall out, so she got a short haircut.', hair);
  await supported('The scope of the role varies widely across the world.', scope);
  // A cause keeps its own reason.
  await notSupported('The bridge closed in 2019 because of the flood.', 'The bridge closed in 2019.', "reference gives no cause: it never mentions 'because of the flood'");
});

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

test('a quality the claim adds that no passage gives (an adjective, a size) is not supported, as a colour is', async () => {
  await notSupported('公園に古いベンチがあります。', '公園にベンチがあります。', "reference never mentions '古い'");
  await notSupported('広大な草原に馬がいます。', '草原に馬がいます。', "reference never mentions '広大'");
  await notSupported('庭に大きな犬がいます。', '庭に犬がいます。', "reference never mentions '大きな'");
  await notSupported('空にカラフルな凧が揚がっています。', '空に凧が揚がっています。', "reference never mentions 'カラフル'");
});

test('a quality a passage gives (in a kanji of its word, as colours), or no adjective at all, raises no flag', () => {
  const flag = (claim: string, ref: string): number => {
    const passages = indexReferences(passagesFromText('r.md', ref)).search(claim, 5);
    return extractFeatures({ claim: { text: claim, start: 0, end: claim.length }, passages }, new SentenceCache()).x[FEATURES.indexOf('qualityUnseenJa')]!;
  };
  assert.equal(flag('公園に古いベンチがあります。', '公園にベンチがあります。'), 1);
  // 小熊 is a small bear; two colours make a thing colourful.
  assert.equal(flag('女性が小さな熊を抱いています。', '女性が小熊を抱いています。'), 0);
  assert.equal(flag('カラフルな凧が空に揚がっています。', '赤と青の凧が空に揚がっています。'), 0);
  // A verb's stem that ends in い (向い|て) and a noun (囲い|の) are no adjectives.
  assert.equal(flag('男性が右を向いて立っています。', '男性が右を見て立っています。'), 0);
  assert.equal(flag('囲いの中に馬がいます。', '柵の中に馬がいます。'), 0);
  // "Many" (様々な) is a count, which other checks read, not a quality.
  assert.equal(flag('様々な便器が並んでいます。', '便器が並んでいます。'), 0);
});

test('a judgement of worth, difficulty or importance the reference does not make is an opinion', async () => {
  await flagged('The hardest thing to do is to get 12 strikes in a row.', strikes);
  const j = await grade('Five-pin bowling is the traditional type of bowling that is played in Canada.', fivePin);
  assert.equal(j.verdict, 'unsupported');
  assert.equal(j.reason, "the reference does not say 'traditional': an opinion, not something it states");
  // Said of a thing the claim names, the rest stated, it is a rule's (the judgement floor, `offline-small-talk`); said of
  // "he", it is soft, as every opinion word is: the claim's confidence drops, the verdict is the model's.
  await notSupported('Deshane Beckford is a talented 17-year-old forward from Jamaica.', 'Deshane Beckford is a 17-year-old forward from Jamaica.');
  const talented = await grade('He is a talented 17-year-old forward from Jamaica.', 'Deshane Beckford is a 17-year-old forward from Jamaica.');
  const plain = await grade('He is a 17-year-old forward from Jamaica.', 'Deshane Beckford is a 17-year-old forward from Jamaica.');
  assert.ok(talented.confidence < plain.confidence - 0.2, `${talented.confidence} vs ${plain.confidence}`);
});

test('a judgement the reference makes itself stays supported', async () => {
  await supported('Cod is popular as a food with a mild flavour.', 'Cod is popular as a food with a mild flavour and a dense, flaky, white flesh.');
  await supported('The dish was popularised in the United States.', 'This type of sausage was culturally imported from Germany and popularized in the United States.');
  await supported('He is one of the greatest quarterbacks of all time.', 'He is considered to be one of the greatest quarterbacks of all time.');
  await supported('The bridge is a famous landmark of the city.', 'The bridge is a famous landmark of the city and opened in 1932.');
  // A price compared is a fact, not a judgement: "expensive" is no opinion word.
  await supported('The tickets are expensive.', 'The tickets are expensive.');
});

test('a superlative of a quality no passage names is a rank the claim adds', async () => {
  const tickets = 'Season tickets at the stadium will start at 289 pounds.';
  await notSupported('Season tickets at the stadium start at 289 pounds, making them the most affordable in the league.', tickets, "reference never mentions 'affordable', 'league'", 'unsupported');
  await notSupported('The museum opened in 1929 and is the least visited of the four.', 'The museum opened in 1929, one of four trailside museums.');
  // Controls: the superlative given; the quality given, so the model judges the rank; "one of the most" a passage gives.
  await supported('Season tickets at the stadium start at 289 pounds, making them the most affordable in the league.', 'Season tickets at the stadium will start at 289 pounds, the most affordable in the league.');
  await supported('Cod is one of the most common ingredients in fish and chips.', 'Atlantic cod is one of the most common ingredients in fish and chips.');
  await supported('The most common bees in the north are the sweat bees.', 'In the north, the most common bees are the sweat bees.');
});

test('a statement of its own joined to a stated one, its words in no passage, is not supported', async () => {
  const venue = 'The ski jumping venue consists of a jumping ramp, a take-off table and a landing hill.';
  const cheer = 'Cheerleading originated in the United States and remains predominantly in America.';
  await notSupported('The ski jumping venue consists of a jumping ramp, a take-off table and a landing hill, and we will test them at the Olympics.', venue, "reference never mentions 'Olympics'", 'unsupported');
  await notSupported("It's all over the world now, but cheerleading originated in the United States.", cheer, "reference never mentions 'world now'", 'unsupported');
  // Controls: the joined statement given; a clause without a subject of its own, a detail of the stated one, is the
  // model's to weigh.
  await supported('Cheerleading originated in the United States, and it remains predominantly in America.', cheer);
  await supported('Cheerleading originated in the United States but remains predominantly in America.', cheer);
  await supported('The ski jumping venue consists of a jumping ramp, a take-off table and a landing hill, and hosted skiers.', venue);
});
