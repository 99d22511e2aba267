import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJapaneseNumber, quantities, sameValue } from '../../src/core/graders/offline/numbers';
import { negations, opposite } from '../../src/core/graders/offline/negation';
import { tokens } from '../../src/core/graders/offline/text';

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

test('numbers: rounding in the claim is allowed, other values are not', () => {
  const [claim] = quantities('about 7 million');
  const [near] = quantities('7,012,000');
  const [far] = quantities('17,000,000');
  assert.ok(sameValue(claim!, near!));
  assert.ok(!sameValue(claim!, far!));
});

test('negation cues in English and Japanese', () => {
  const words = (s: string): string[] => negations(s, tokens(s)).map((c) => c.word);
  assert.deepEqual(words('The drug does not cure it'), ['not']);
  assert.deepEqual(words('He never won'), ['never']);
  assert.deepEqual(words("It doesn't work"), ["doesn't"]);
  assert.deepEqual(words('No survivors were found'), ['No']);
  assert.equal(words('猫はいません').length, 1);
  assert.equal(words('雨は降らなかった').length, 1);
  assert.equal(words('食べない').length, 1);
  assert.deepEqual(words('The drug cures it'), []);
});

test('opposites between a claim and a reference sentence', () => {
  const o = (c: string, r: string) => opposite(c, tokens(c), r, tokens(r));
  assert.deepEqual(o('sales increased in 2020', 'sales decreased in 2020'), { claim: 'increased', reference: 'decreased' });
  assert.deepEqual(o('in the top 1% of schools', 'in the bottom 1% of schools'), { claim: 'top', reference: 'bottom' });
  assert.ok(o('he left before the war', 'he left after the war'));
  assert.ok(o('prices were higher', 'prices were lower'));
  assert.ok(o('the first album', 'the last album'));
  assert.ok(o('男性が立っています', '男性が座っています'));
  assert.equal(o('sales increased', 'sales increased, then decreased'), undefined, 'both words in the reference: no clash');
});

test('lexicon: irregular forms, number words and synonyms share a key', () => {
  const key = (w: string): string => tokens(w)[0]!.key;
  assert.equal(key('won'), key('win'));
  assert.equal(key('seven'), key('7'));
  assert.equal(key('film'), key('movie'));
  assert.notEqual(key('left'), key('leave'), 'left stays a direction');
  assert.equal(key('organised'), key('organized'));
  assert.equal(key('colour'), key('color'));
  assert.equal(key('programme'), key('program'));
  assert.equal(key('rises'), key('rise'));
  assert.equal(key('Ibero-American'), key('Iberoamerican'));
});
