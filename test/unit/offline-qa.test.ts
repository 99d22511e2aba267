// Verdicts a QA pass found plainly wrong: opposite verbs of change, am/pm and currencies; Japanese weekdays,
// currencies and a place name read inside a longer one; a different doer at the start of a sentence; and a
// bare round number taken for a rounding of another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grade, supported, notSupported } from './offline-verdicts';

test('opposite verbs of change: "reduced" is not "increased"', async () => {
  const ref = 'The drug reduced symptoms in 40% of patients.';
  await notSupported('The drug increased symptoms in 40% of patients.', ref, "reference says 'reduced', claim says 'increased'", 'contradicted');
  await notSupported('The new policy raised costs for small firms.', 'The new policy lowered costs for small firms.', undefined, 'contradicted');
  await supported('The drug reduced symptoms in 40% of patients.', ref);
  await supported('The drug lowered symptoms in 40% of patients.', ref);
  await supported('Symptoms were reduced in 40% of patients by the drug.', ref);
});

test('a time of day: 3 am is not 3 pm', async () => {
  const ref = 'The meeting is on Tuesday at 3 pm.';
  await notSupported('The meeting is on Tuesday at 3 am.', ref, "reference says 'pm', claim says 'am'", 'contradicted');
  await notSupported('The meeting is on Tuesday at 3 a.m.', ref, "reference says 'pm', claim says 'a.m.'", 'contradicted');
  await supported('The meeting is on Tuesday at 3 p.m.', ref);
  await supported('The meeting is on Tuesday at 3pm.', ref);
  // "am" the verb is no time of day.
  await supported('The meeting is on Tuesday at 3 pm.', 'I am glad to say the meeting is on Tuesday at 3 pm.');
});

test('a currency is the unit of its amount: €4.2 billion is not $4.2 billion', async () => {
  const ref = 'Revenue reached $4.2 billion last year.';
  await notSupported('Revenue reached €4.2 billion last year.', ref, 'reference says $4.2 billion, claim says €4.2 billion', 'contradicted');
  await notSupported('Revenue reached £4.2 billion last year.', ref, 'reference says $4.2 billion, claim says £4.2 billion', 'contradicted');
  await supported('Revenue reached 4.2 billion dollars last year.', ref);
  await supported('Revenue reached $4.2 billion last year.', ref);
  await supported('Revenue reached 4.2 billion last year.', ref);
});

test('Japanese: weekdays are a closed class, currencies are units', async () => {
  const meeting = '会議は毎週月曜日に開かれます。';
  await notSupported('会議は毎週火曜日に開かれます。', meeting, "reference says '月曜日', claim says '火曜日'", 'contradicted');
  await supported('会議は毎週月曜に開かれます。', meeting);
  await supported('会議は毎週月曜日に開かれます。', meeting);
  const price = '製品の価格は5000円です。';
  await notSupported('製品の価格は5000ドルです。', price, 'reference says 5000円, claim says 5000ドル', 'contradicted');
  await notSupported('製品の価格は5000ユーロです。', price, undefined, 'contradicted');
  await supported('製品の価格は5000円です。', price);
});

test('Japanese: a place name inside a longer one is another place (京都 in 東京都), 東京 is 東京都', async () => {
  const ref = '株式会社サンプルは1998年に大阪で設立されました。本社は東京都港区にあります。';
  const j = await grade('株式会社サンプルは1998年に京都で設立されました。', ref);
  assert.notEqual(j.verdict, 'supported', j.reason);
  await supported('株式会社サンプルは1998年に大阪で設立されました。', ref);
  await supported('本社は東京にあります。', ref);
  await supported('株式会社サンプルは1998年に東京で設立されました。', '株式会社サンプルは1998年に東京都で設立されました。');
});

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

test('a bare round number is no rounding of another: 300 metres is not 330', async () => {
  await notSupported('The Eiffel Tower is 300 metres tall.', 'The Eiffel Tower is 330 metres tall.', 'reference says 330 metres, claim says 300 metres', 'contradicted');
  await notSupported('The company has 400 employees.', 'The company has 350 employees.');
  await notSupported('The stadium holds 50,000 people.', 'The stadium holds 45,000 people.');
  await notSupported('The ticket costs 300 dollars.', 'The ticket costs 250 dollars.');
  await notSupported('富士山の標高は4000メートルです。', '富士山の標高は3776メートルです。', 'reference says 3776メートル, claim says 4000メートル', 'contradicted');
  // Hedged, in millions or 万, or kept to two digits: a rounding.
  await supported('The Eiffel Tower is about 300 metres tall.', 'The Eiffel Tower is 330 metres tall.');
  await supported('The company has around 400 employees.', 'The company has 350 employees.');
  await supported('富士山の標高は約4000メートルです。', '富士山の標高は3776メートルです。');
  await supported('富士山の標高は3800メートルです。', '富士山の標高は3776メートルです。');
  await supported('The city has 7 million inhabitants.', 'The city has 7,212,000 inhabitants.');
  await supported('The stadium holds 45,000 people.', 'The stadium holds 45,000 people.');
});

test('a number the claim rounds is given, its words too: "7.2 million" of 7,212,000', async () => {
  const ref = 'The city has 7,212,000 inhabitants.';
  await supported('The city has 7.2 million inhabitants.', ref);
  await supported('The city has about 7.2 million inhabitants.', ref);
  await notSupported('The city has 8.2 million inhabitants.', ref, 'reference says 7,212,000, claim says 8.2 million', 'contradicted');
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

test('a comparison told from its other end is the same fact, articles and all; told the other way round it is not (QA)', async () => {
  await supported('The bike is lighter than the car.', 'The car is heavier than the bike.');
  await supported('The bus is slower than the train.', 'The train is faster than the bus.');
  await supported('Mars is lighter than Earth.', 'Earth is heavier than Mars.');
  await notSupported('The bike is heavier than the car.', 'The car is heavier than the bike.', "reference has 'bike' and 'car' the other way round", 'contradicted');
  await notSupported('The bike is larger than the car.', 'The car is larger than the bike.', undefined, 'contradicted');
});

test('京都 where the sentence has 東京都 (its only place) is a swap; 京都府, 東京 and the same word are not', async () => {
  await notSupported('本社は京都にあります。', '本社は東京都にあります。', "reference says '東京都' where the claim says '京都'");
  await notSupported('彼は京都で生まれた。', '彼は東京都で生まれた。', "reference says '東京都' where the claim says '京都'");
  await notSupported('京都は日本の首都です。', '東京都は日本の首都です。');
  await notSupported('京都の人口は多い。', '東京都の人口は多い。');
  await supported('本社は東京都にあります。', '本社は東京都にあります。');
  await supported('本社は東京にあります。', '本社は東京都にあります。');
  await supported('本社は京都にあります。', '本社は京都府にあります。');
  await supported('彼は京都で生まれた。', '彼は京都で生まれた。');
  await supported('東京は日本の首都です。', '東京都は日本の首都です。');
});
