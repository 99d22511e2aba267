// Numbers: how the grader reads them (separators, magnitudes, units, Japanese numerals, ordinals, dates, rounding)
// and the verdicts they give (a currency, a bare round number, a rounding, a head count said two ways, a change by an
// amount, free against a price). Signs are in offline-signs.test.ts, bounds in offline-bounds.test.ts, number
// contradictions and their fixes in offline-contradictions.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { givesValue, parseJapaneseNumber, quantities, sameValue } from '../../src/core/graders/offline/numbers';
import { opposite } from '../../src/core/graders/offline/negation';
import { tokens } from '../../src/core/graders/offline/text';
import { flagged, grade, notSupported, supported } from './offline-verdicts';

const values = (s: string): number[] => quantities(s).map((q) => q.value);

test('numbers: separators, magnitudes, percentages and currency', () => {
  assert.deepEqual(values('1,000 people'), [1000]);
  assert.deepEqual(values('1000 people'), [1000]);
  assert.deepEqual(values('7 million users'), [7_000_000]);
  assert.deepEqual(values('7,000,000 users'), [7_000_000]);
  assert.deepEqual(values('$2.5 billion'), [2.5e9]);
  assert.deepEqual(values('the top 10% of earners'), [10]);
  assert.equal(quantities('the top 10% of earners')[0]!.kind, 'percent');
  assert.equal(quantities('founded in 1998')[0]!.kind, 'year');
  assert.deepEqual(values('three children and twenty dogs'), [3, 20]);
});

test('numbers: ranges are kept exact, not confused with codes', () => {
  assert.deepEqual(values('the A320 and v2 models'), []);
  assert.equal(quantities('17 million')[0]!.text, '17 million');
});

test('numbers: Japanese numerals with 万, 億, 兆 and kanji digits', () => {
  assert.equal(parseJapaneseNumber('三'), 3);
  assert.equal(parseJapaneseNumber('二千五百'), 2500);
  assert.equal(parseJapaneseNumber('7万'), 70_000);
  assert.equal(parseJapaneseNumber('1億2000万'), 120_000_000);
  assert.equal(parseJapaneseNumber('三兆'), 3e12);
  assert.deepEqual(values('人口は1億2000万人です'), [120_000_000]);
  assert.deepEqual(values('２人の男女'), [2]);
  assert.deepEqual(values('猫が三匹います'), [3]);
  assert.deepEqual(values('彼と一緒に統一した'), [], 'kanji inside ordinary words are not numbers');
});

test('numbers: English number words, compounds and magnitudes', () => {
  assert.deepEqual(values('every ten years'), [10]);
  assert.deepEqual(values('one person, twenty-one days, a dozen eggs, three hundred thousand fans'), [1, 21, 12, 300_000]);
  assert.deepEqual(values('eleven players and nineteen coaches'), [11, 19]);
  assert.deepEqual(values('a thousand cranes, two billion users'), [1000, 2e9]);
  assert.deepEqual(values('It is one of the most visited sites; no one knows why.'), [], '"one of", "no one" are no counts');
  assert.deepEqual(values('a hole-in-one'), []);
  assert.deepEqual(values('hundreds of thousands'), []);
});

test('numbers: ordinals are ranks, after a determiner', () => {
  const ranks = (s: string) => quantities(s).map((q) => [q.value, q.kind]);
  assert.deepEqual(ranks('restaurants on the first and second levels'), [[1, 'ordinal'], [2, 'ordinal']]);
  // A century is the years it spans (2000 to 2099), not a rank.
  assert.deepEqual(ranks('their 3rd album, the 21st century'), [[3, 'ordinal'], [2000, 'year']]);
  assert.deepEqual(ranks('it was first performed in 1990'), [[1990, 'year']]);
  const [eighth] = quantities('St Mirren are eighth');
  const [eight] = quantities('8 points');
  assert.ok(givesValue(eighth!, eight!), 'a rank and a count of the same value agree');
});

test('numbers: small counts and years are exact, rounded values are not', () => {
  const q = (s: string) => quantities(s)[0]!;
  assert.ok(!sameValue(q('every 10 years'), q('every seven years')), '10 is not 7');
  assert.ok(!sameValue(q('every ten years'), q('every 7 years')));
  assert.ok(sameValue(q('every seven years'), q('every 7 years')));
  assert.ok(!sameValue(q('in 1900'), q('in 1889')), 'years are exact');
  assert.ok(sameValue(q('about 40 years'), q('41 years')), 'a hedged small count may round');
  assert.ok(sameValue(q('in the 1880s'), q('in 1889')), 'a decade holds its years');
  assert.ok(!sameValue(q('in the 1880s'), q('in 1891')));
});

test('numbers: units are part of the value, converted within a dimension', () => {
  const q = (s: string) => quantities(s)[0]!;
  assert.equal(q('330 metres tall').text, '330 metres');
  assert.ok(!sameValue(q('330 feet'), q('330 metres')), 'feet are not metres');
  assert.ok(sameValue(q('1,083 feet'), q('330 metres')), '330 m is 1,083 ft');
  assert.ok(sameValue(q('2.5 km'), q('2,500 m')));
  assert.ok(!givesValue(q('330 kg'), q('330 metres')), 'a mass is no length');
  assert.deepEqual(values('Class 6A player, a 3D film'), [], 'a number glued to letters is a code');
  assert.deepEqual(quantities('recorded in 2014 (6mins 22secs)').map((x) => x.unit?.dim), [undefined, 'time', 'time'], '"6mins" is a duration, no length in metres');
  // Durations, frequencies, power and data compare within their dimension; units glued to Japanese text count.
  assert.ok(!sameValue(q('12 months'), q('12 weeks')));
  assert.ok(!sameValue(q('3 metres'), q('3 floors')), 'a count of things is no measurement');
  assert.ok(sameValue(q('3 floors'), q('three floors')));
  assert.ok(sameValue(q('90 minutes'), q('1.5 hours')));
  assert.ok(!sameValue(q('20 MHz'), q('20 kHz')));
  assert.ok(sameValue(q('1,200ワット'), q('1200W')));
  assert.ok(!sameValue(q('46フィート'), q('46メートル')));
  assert.deepEqual(quantities('内釜の厚さは5mmです').map((x) => x.text), ['5mm']);
  assert.deepEqual(quantities('高さはおよそ三十一メートルです').map((x) => x.value), [31]);
});

test('numbers: Japanese dates, units and counters', () => {
  const q = (s: string) => quantities(s).map((x) => [x.text, x.value, x.kind, x.unit?.dim ?? '']);
  assert.deepEqual(q('最後の噴火は1707年の宝永大噴火である。'), [['1707年', 1707, 'year', '']]);
  assert.deepEqual(q('標高は3776メートルである。'), [['3776メートル', 3776, 'number', 'length']]);
  assert.deepEqual(q('約20万人が山頂を目指す'), [['20万人', 200_000, 'number', 'people']]);
  assert.deepEqual(q('3月5日に2人が来た'), [['3月', 3, 'month', ''], ['5日', 5, 'number', 'day'], ['2人', 2, 'number', 'people']]);
  assert.deepEqual(q('人口は1億2000万人'), [['1億2000万人', 120_000_000, 'number', 'people']]);
  const [a] = quantities('最後の噴火は1807年です');
  const [b] = quantities('最後の噴火は1707年である');
  assert.ok(!sameValue(a!, b!));
});

test('numbers: rounding in the claim is allowed, other values are not', () => {
  const [claim] = quantities('about 7 million');
  const [near] = quantities('7,012,000');
  const [far] = quantities('17,000,000');
  assert.ok(sameValue(claim!, near!));
  assert.ok(!sameValue(claim!, far!));
  // A round "10 million" is not a rounding of 7 million, nor "about 100" of 140; "about 100" of 96 is.
  const q = (s: string) => quantities(s)[0]!;
  assert.ok(!sameValue(q('10 million'), q('about 7 million')));
  assert.ok(!sameValue(q('about 100'), q('140')));
  assert.ok(sameValue(q('about 100'), q('96')));
  assert.ok(sameValue(q('about 300'), q('320')));
});

test('words that point at the source ("The passage discusses") need no support', () => {
  assert.ok(tokens('The passage discusses the harbour').slice(0, 3).every((t) => t.stop));
});

test('a designation is no number, a number word in a compound is its numeral, a colour is one colour in any form', () => {
  assert.deepEqual(values('The KX-500 cooker, the Su-24 jet and COVID-19'), []);
  assert.deepEqual(values('in the mid-1990s'), [1990]);
  assert.equal(tokens('a ten-minute charge')[1]!.key, tokens('a 10-minute charge')[1]!.key);
  assert.notEqual(tokens('twenty-one')[0]!.key, '201');
  assert.ok(!opposite('外壁が白く美しい', tokens('外壁が白く美しい'), '白い外壁の美しさ', tokens('白い外壁の美しさ')), '白く and 白い are one colour');
  assert.ok(opposite('外壁が白く美しい', tokens('外壁が白く美しい'), '黒い外壁の美しさ', tokens('黒い外壁の美しさ')), '白く and 黒い are not');
  const o = (a: string, b: string): boolean => opposite(a, tokens(a), b, tokens(b)) !== undefined;
  assert.ok(o('ピンク色の建物があります', '茶色い建物があります'), 'ピンク色 is ピンク, not 茶色');
  assert.ok(o('シルバーの換気塔があります', 'ゴールドの換気塔があります'), 'シルバー is not ゴールド');
  assert.ok(!o('グレーの車があります', '灰色の車があります'), 'グレー is 灰色');
  assert.ok(!o('緑色のバスです', '緑のバスです'), '緑色 is 緑');
  assert.ok(!o('ホワイトの壁です', '白い壁です'), 'ホワイト is 白');
});

test('numbers: a year written with its month is that month\'s year', () => {
  const monthOf = (s: string): (number | undefined)[] => quantities(s).filter((q) => q.kind === 'year').map((q) => q.month);
  assert.deepEqual(monthOf('on 5 October 2021'), [10]);
  assert.deepEqual(monthOf('on October 5, 2021'), [10]);
  assert.deepEqual(monthOf('2021年10月5日に'), [10]);
  assert.deepEqual(monthOf('in 2021, October was wet'), [undefined]);
  const year = (s: string) => quantities(s).find((q) => q.kind === 'year')!;
  assert.ok(!sameValue(year('5 October 2021'), year('in August 2021')));
  assert.ok(sameValue(year('5 October 2021'), year('in 2021')));
  assert.ok(sameValue(year('in 2021'), year('5 October 2021')));
});

test('numbers: a number of years is a duration, not a count of things', () => {
  const [years] = quantities('it lasts three years');
  const [colours] = quantities('in three colours');
  const [yrs] = quantities('for 3 years');
  assert.ok(!sameValue(years!, colours!));
  assert.ok(sameValue(years!, yrs!));
});

test('numbers: a unit reads the same in plain ASCII text and beside other characters', () => {
  // Plain ASCII text is matched in lower case, other text by the case-insensitive Unicode pattern: one reading.
  const unitOf = (s: string): string | undefined => {
    const q = quantities(s)[0];
    return q?.unit && `${q.unit.dim} ${q.unit.factor} ${q.text}`;
  };
  for (const [ascii, other] of [
    ['The tower is 330 Metres tall.', 'The tower is 330 Metres tall — “yes”.'],
    ['It reached 120 Km/H at best.', 'It reached 120 Km/H at best … é'],
    ['It weighs 5 KG.', 'It weighs 5 KG. Ça va.'],
    ['a 5G network', 'a 5G network, ça va'],
    ['3 Lives left', '3 Lives left, ça va'],
  ] as const) {
    assert.equal(unitOf(other), unitOf(ascii), ascii);
  }
  assert.equal(unitOf('The tower is 330 Metres tall.'), 'length 1 330 Metres');
  assert.equal(unitOf('It weighs 5 KG.'), undefined); // a short abbreviation in capitals is no unit
});

test('a currency is the unit of its amount: €4.2 billion is not $4.2 billion', async () => {
  const ref = 'Revenue reached $4.2 billion last year.';
  await notSupported('Revenue reached €4.2 billion last year.', ref, 'reference says $4.2 billion, claim says €4.2 billion', 'contradicted');
  await notSupported('Revenue reached £4.2 billion last year.', ref, 'reference says $4.2 billion, claim says £4.2 billion', 'contradicted');
  await supported('Revenue reached 4.2 billion dollars last year.', ref);
  await supported('Revenue reached $4.2 billion last year.', ref);
  await supported('Revenue reached 4.2 billion last year.', ref);
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

test('one head count, two wordings: "employs 500 workers" = "500 people work at"', async () => {
  await supported('The factory employs 500 workers.', '500 people work at the factory.');
  await supported('500 people work at the factory.', 'The factory employs 500 workers.');
  await supported('The firm has 1,200 employees.', 'About 1,200 people work for the firm.');
  // Another count of people is still another number, in the same slot.
  await notSupported('The factory employs 600 workers.', '500 people work at the factory.', 'reference says 500, claim says 600', 'contradicted');
  await flagged('The factory employs robots.', '500 people work at the factory.');
});

test('a change by an amount is not a change to it; a tournament stage is not another', async () => {
  await notSupported('Unemployment rose by 5 percent.', 'Unemployment rose to 5 percent.', undefined, 'contradicted');
  await supported('Unemployment rose to 5 percent.', 'Unemployment rose to 5 percent in May.');
  await supported('Prices fell to 3 dollars.', 'Prices fell by 2 dollars to 3 dollars.');
  await flagged('The team won the final.', 'The team won the semi-final.');
  await supported('The team won the semi-final.', 'The team won the semi-final.');
  await supported('He scored in the final minute.', 'He scored in the final minute of the semi-final.');
});

test('free of charge, said several ways, and against a price', async () => {
  await supported('Entry costs nothing.', 'Entry is free.');
  await supported('Entry is free.', 'Entry costs nothing.');
  await supported('Entry is free of charge.', 'Entry is free.');
  await supported('Admission to the museum is free.', 'Admission to the museum costs nothing.');
  await supported('入場は無料です。', '入場は0円です。');
  await supported('入場は0円です。', '入場は無料です。');
  await supported('入場は無料です。', '入場はただです。');
  // A price where the other side is free, either way round; a negated "free" is still a negation.
  await notSupported('Entry costs nothing.', 'Entry costs 5 dollars.', "reference says '5 dollars', claim says 'costs nothing'", 'contradicted');
  await notSupported('Entry costs 10 dollars.', 'Entry is free.', undefined, 'contradicted');
  await notSupported('入場は無料です。', '入場は500円です。', "reference says '500円', claim says '無料'", 'contradicted');
  await notSupported('入場料は500円です。', '入場はただです。', undefined, 'contradicted');
  await notSupported('Entry costs nothing.', 'Entry is not free.', undefined, 'contradicted');
  // "a free agent" is no price.
  await supported('He was a free agent in 2019.', 'He was a free agent in 2019, then signed for $5 million.');
});

test('a number clash comes from a sentence about the claim’s names, where another sentence has them', async () => {
  const j = await grade("Nottingham's David Ling scored a goal to make it 4-3.", "Mike Forney's powerplay breakaway goal make it 2-1 with Andy Bohmback equalising. Later David Ling scored for Nottingham.");
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  // Controls: the sentence with the names gives another score; no other sentence has the names.
  await notSupported('David Ling scored a goal to make it 4-3.', 'David Ling scored a goal to make it 4-2.', 'reference says 2, claim says 3', 'contradicted');
  await notSupported('David Ling scored a goal to make it 4-3.', 'A late goal made it 4-2.');
});
