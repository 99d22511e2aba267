// A name, a title or a fact in another's place: a different doer at the start of a sentence, a name that opens the
// claim, a fact moved to the other entity of a two-entity reference, a quoted title; and what is no swap (a plural
// common noun opening a sentence, a claim that joins two facts about one entity). Japanese names in another's place
// are in offline-japanese.test.ts, nationalities in offline-nationality.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokens } from '../../src/core/graders/offline/text';
import { grade, notSupported, supported } from './offline-verdicts';

test('a different doer at the start of the sentence is a swapped name', async () => {
  const ref = 'Microsoft acquired GitHub in 2018. Tokyo hosted the Olympics in 1964.';
  await notSupported('Google acquired GitHub in 2018.', ref, "reference says 'Microsoft' where the claim says 'Google'");
  await notSupported('Osaka hosted the Olympics in 1964.', ref, "reference says 'Tokyo' where the claim says 'Osaka'");
  await notSupported('In 2018, Google acquired GitHub.', ref, "reference says 'Microsoft' where the claim says 'Google'");
  await supported('Microsoft acquired GitHub in 2018.', ref);
  await supported('In 2018, Microsoft bought GitHub.', ref);
  await supported('Tokyo hosted the Olympics in 1964.', ref);
  const curie = 'Marie Curie won the Nobel Prize in Physics in 1903.';
  await notSupported('Pierre Curie won the Nobel Prize in Physics in 1903.', curie, "reference says 'Marie' where the claim says 'Pierre'");
  await supported('Curie won the Nobel Prize in Physics in 1903.', curie);
  await supported('Marie Curie won the Nobel Prize in Physics in 1903.', curie);
  // A name the passages have elsewhere is left to the other checks, not read as an unknown doer.
  await supported('Microsoft acquired GitHub in 2018.', 'In 2018, Microsoft acquired GitHub.');
});

test('a plural opening a sentence is a common noun, not a swapped doer (QA: "Scientists" for "Researchers")', async () => {
  const ref = 'Researchers at Oxford found that the drug cut pain by 30%. Officials closed the road on Monday.';
  await supported('Scientists at Oxford found that the drug cut pain by 30%.', ref);
  await supported('Authorities closed the road on Monday.', ref);
  await supported('Workers from Leeds built the bridge.', 'Engineers from Leeds built the bridge.');
  // Names still swap there.
  await notSupported('Google acquired GitHub in 2018.', 'Microsoft acquired GitHub in 2018.', "reference says 'Microsoft' where the claim says 'Google'");
  await notSupported('Paris hosted the Olympics in 1964.', 'Tokyo hosted the Olympics in 1964.');
});

test('a name that opens the claim, the subject of its verb, counts as a name', async () => {
  await notSupported('Seattle is where Gustave Eiffel moved in 1889.', 'Gustave Eiffel moved to Portland in 1889.', "reference never mentions 'Seattle'", 'unsupported');
  // Controls: a name the reference has, and an opening word that is no subject.
  await supported('Portland is where Gustave Eiffel moved in 1889.', 'Gustave Eiffel moved to Portland in 1889.');
  await supported('Despite this, Gustave Eiffel moved to Portland in 1889.', 'Gustave Eiffel moved to Portland in 1889.');
  await supported('Eventually Gustave Eiffel moved to Portland in 1889.', 'Gustave Eiffel moved to Portland in 1889.');
});

test('a name or word moved to the other entity is not supported', async () => {
  const places = 'Smith was born in Leeds. Jones was born in York.';
  await notSupported('Smith was born in York.', places, "reference says 'Leeds' where the claim says 'York'");
  await notSupported('Jones was born in Leeds.', places, "reference says 'York' where the claim says 'Leeds'");
  await notSupported('Smith was born in York.', 'Smith was born in Leeds. He later moved to Hull. Jones was born in York.');
  await notSupported(
    'Python was created by Matsumoto.',
    'Python was created by Guido van Rossum. Ruby was created by Yukihiro Matsumoto.',
    "reference says 'Guido van Rossum' where the claim says 'Matsumoto'",
  );
  await notSupported('Microsoft was founded by Steve Jobs.', 'Microsoft was founded by Bill Gates. Apple was founded by Steve Jobs.');
  await notSupported('Paris is the capital of Spain.', 'Paris is the capital of France. Madrid is the capital of Spain.');
  await notSupported('The novel was written by Dickens.', 'The novel was written by Austen. The play was written by Dickens.', "reference says 'Austen' where the claim says 'Dickens'");
  await notSupported('Anna manages the sales team.', 'Anna manages the marketing team. Ben manages the sales team.', "reference says 'marketing' where the claim says 'sales'");
  await notSupported('Tom drives a truck.', 'Tom drives a van. Sarah drives a truck.');
  await notSupported('The river flows into the Baltic.', 'The river flows into the North Sea. The canal flows into the Baltic.');
});

test('Japanese: a place, a job or a name moved to the other person', async () => {
  await notSupported('田中さんは大阪に住んでいます。', '田中さんは東京に住んでいます。鈴木さんは大阪に住んでいます。', "reference says '東京' where the claim says '大阪'");
  await notSupported('佐藤さんは医者です。', '佐藤さんは教師です。山田さんは医者です。');
  await notSupported('この橋は丹下健三が設計しました。', 'この橋は安藤忠雄が設計しました。あの駅は丹下健三が設計しました。', "reference says '安藤忠雄' where the claim says '丹下健三'");
});

test('one entity, two sentences: still supported', async () => {
  await supported('Smith was born in Leeds.', 'Smith was born in Leeds. Jones was born in York.');
  await supported('Jones was born in York.', 'Smith was born in Leeds. Jones was born in York.');
  await supported('Smith was born in Leeds and moved to York.', 'Smith was born in Leeds. In 1990 Smith moved to York.');
  await supported('Smith lived in York.', 'Smith was born in Leeds. He later lived in York.');
  await supported('Maria lives in Vienna and works in Berlin.', 'Maria lives in Vienna. She works in Berlin.');
  await supported('Leeds and York are cities in England.', 'Leeds is a city in England. York is a city in England.');
  await supported('Ruby was created by Matsumoto.', 'Python was created by Guido van Rossum. Ruby was created by Yukihiro Matsumoto.');
  await supported('Tom drives a van and Sarah drives a truck.', 'Tom drives a van. Sarah drives a truck.');
  await supported('Paris is the capital of France, and Madrid is the capital of Spain.', 'Paris is the capital of France. Madrid is the capital of Spain.');
  await supported('田中さんは東京に住んでいます。', '田中さんは東京に住んでいます。鈴木さんは大阪に住んでいます。');
  await supported('花子さんは奈良で生まれ、京都に住んでいます。', '花子さんは奈良で生まれました。彼女は京都に住んでいます。');
});

test('a fact moved to the other entity where both sentences also carry a year', async () => {
  const deals = 'Microsoft acquired GitHub in 2018. Google acquired Fitbit in 2021.';
  await notSupported('Microsoft acquired Fitbit in 2021.', deals, "reference says 'GitHub' where the claim says 'Fitbit'");
  await notSupported('Microsoft acquired Fitbit.', deals, "reference says 'GitHub' where the claim says 'Fitbit'");
  await notSupported('Google acquired GitHub in 2018.', deals);
  await notSupported('Smith was born in Leeds in 1960.', 'Smith was born in York in 1950. Jones was born in Leeds in 1960.', "reference says 'York' where the claim says 'Leeds'");
  await notSupported('Alice wrote the play in 1995.', 'Alice wrote the novel in 1990. Bob wrote the play in 1995.', "reference says 'novel' where the claim says 'play'");
  await notSupported('Alice wrote the play.', 'Alice wrote the novel in 1990. Bob wrote the play in 1995.');
  await notSupported('Tesla opened a factory in Berlin in 2022.', 'Tesla opened a factory in Shanghai in 2019. BMW opened a factory in Berlin in 2022.');
  // One entity, or either sentence restated: still supported.
  await supported('Microsoft acquired GitHub in 2018 and LinkedIn in 2016.', 'Microsoft acquired GitHub in 2018. Microsoft acquired LinkedIn in 2016.');
  await supported('Microsoft acquired GitHub in 2018.', deals);
  await supported('Google acquired Fitbit in 2021.', deals);
  await supported('Google acquired Fitbit.', deals);
  await supported('Alice wrote the novel in 1990 and the play in 1995.', 'Alice wrote the novel in 1990. She wrote the play in 1995.');
  await supported('Smith was born in York in 1950 and moved to Leeds in 1960.', 'Smith was born in York in 1950. He moved to Leeds in 1960.');
  await supported('Tom bought a van in 2008 and a truck in 2010.', 'Tom bought a van in 2008. Tom bought a truck in 2010.');
  await supported('Tesla opened factories in Shanghai and Berlin.', 'Tesla opened a factory in Shanghai in 2019. It opened a factory in Berlin in 2022.');
});

test('a quoted title in another title\'s place is a swap; the same title, or one the references give elsewhere, is not (QA)', async () => {
  const soseki = '夏目漱石は『吾輩は猫である』を書きました。';
  await notSupported('夏目漱石は『こころ』を書きました。', soseki, "reference says '吾輩は猫である' where the claim says 'こころ'");
  await notSupported('Frank Herbert wrote “Emma” in 1965.', 'Frank Herbert wrote “Dune” in 1965.', "reference says 'Dune' where the claim says 'Emma'");
  await supported('夏目漱石は『吾輩は猫である』を書きました。', soseki);
  await supported('Frank Herbert wrote “Dune” in 1965.', 'Frank Herbert wrote “Dune” in 1965.');
  // A title the references give, beside another: no swap for the rule to find (the model judges the pairing).
  await supported('夏目漱石は『こころ』を書きました。', '夏目漱石は『こころ』を書きました。夏目漱石は『吾輩は猫である』も書きました。');
});

test('a name joined by an ampersand is one name ("AT&T", "R&D"), whose letters alone are stop words', async () => {
  const eiffel = "The Eiffel Tower was built by Gustave Eiffel's company for the 1889 World's Fair.";
  // Read as "AT" and "T" (both stop words) the claim had one word, "built", and passed.
  const j = await grade('AT&T built it.', eiffel);
  assert.equal(j.verdict, 'unsupported');
  assert.equal(j.reason, "reference never mentions 'AT&T'");
  assert.deepEqual(tokens('R&D at H&M, not Tom & Jerry').map((t) => t.surface), ['R&D', 'at', 'H&M', 'not', 'Tom', 'Jerry']);
  // Controls: the name the reference gives, and an ampersand between words, which joins nothing.
  await supported('AT&T built the network in 1990.', 'The network was built by AT&T in 1990.');
  await supported('Tom and Jerry first aired in 1940.', 'Tom & Jerry first aired in 1940.');
  await supported('Tom & Jerry first aired in 1940.', 'Tom and Jerry first aired in 1940.');
});
