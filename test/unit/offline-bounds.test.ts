// Bounds: "more than 300 metres", "under 5%", "before 1960", 100人以上 are kept by a value past them and broken by one
// short of them; neither is a rounding of the number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities, sameValue } from '../../src/core/graders/offline/numbers';
import { fixed, grade, notSupported, supported } from './offline-verdicts';

test('a bound is read with its words, on the side they say', () => {
  const bound = (text: string) => quantities(text).map((q) => [q.text, q.bound?.side, q.bound?.strict]);
  assert.deepEqual(bound('The bridge is more than 300 metres long.'), [['more than 300 metres', 'min', true]]);
  assert.deepEqual(bound('No more than 20 students passed.'), [['No more than 20', 'max', false]]);
  assert.deepEqual(bound('At least 500 people came, under 5% of the town.'), [['At least 500', 'min', false], ['under 5%', 'max', true]]);
  assert.deepEqual(bound('He died after 1900, before 1910.'), [['after 1900', 'min', true], ['before 1910', 'max', true]]);
  assert.deepEqual(bound('100人以上が集まり、1600年より前に建てられた。'), [['100人以上', 'min', false], ['1600年より前', 'max', true]]);
  // "over" and "under" bound no year; "before" and "after" bound nothing but years.
  assert.deepEqual(bound('The rain went on over 1990 and before 300 fans.'), [['1990', undefined, undefined], ['300', undefined, undefined]]);
  assert.deepEqual(bound('Sales grew after 2010 and the 300 metres after it.'), [['after 2010', 'min', true], ['300 metres', undefined, undefined]]);
});

test('a value past the bound gives it', async () => {
  await supported('The bridge is more than 300 metres long.', 'The bridge is 320 metres long.');
  await supported('Unemployment fell to under 5%.', 'Unemployment fell to 4.2%.');
  await supported('He died after 1900.', 'He died in 1905.');
  await supported('At least 500 people attended.', '520 people attended.');
  await supported('The bridge is more than 300 metres long.', 'The bridge is over 320 metres long.');
  await supported('会場には100人以上が集まった。', '会場には120人が集まった。');
  await supported('この寺は1600年より前に建てられた。', 'この寺は1590年に建てられた。');
});

test('a value short of the bound contradicts it, and the fix replaces the bound whole', async () => {
  await fixed('The bridge is more than 300 metres long.', 'The bridge is 280 metres long.', 'more than 300 metres', '280 metres');
  await fixed('The city has fewer than 2 million inhabitants.', 'The city has 2.1 million inhabitants.', 'fewer than 2 million', '2.1 million');
  await fixed('Unemployment fell to under 5%.', 'Unemployment fell to 5.4%.', 'under 5%', '5.4%');
  await notSupported('No more than 20 students passed.', 'Only 25 students passed.', 'reference says 25, claim says No more than 20', 'contradicted');
  await notSupported('He died after 1900.', 'He died in 1895.', 'reference says 1895, claim says after 1900', 'contradicted');
  await notSupported('会場には100人以上が集まった。', '会場には80人が集まった。', 'reference says 80人, claim says 100人以上', 'contradicted');
  await notSupported('この寺は1600年より前に建てられた。', 'この寺は1620年に建てられた。', 'reference says 1620年, claim says 1600年より前', 'contradicted');
});

test('a bound another bound may or may not keep is unsupported, not contradicted', async () => {
  for (const [claim, ref] of [
    ['The bridge is more than 300 metres long.', 'The bridge is under 400 metres long.'],
    ['The bridge is 350 metres long.', 'The bridge is more than 320 metres long.'],
    ['The tower attracts over 7 million visitors a year.', 'The tower attracts about 7 million visitors a year.'],
  ]) {
    const j = await grade(claim!, ref!);
    assert.equal(j.verdict, 'unsupported', `${claim}: ${j.reason}`);
  }
  // Control: a value the reference's bound rules out is still contradicted.
  await notSupported('The bridge is 300 metres long.', 'The bridge is more than 320 metres long.', undefined, 'contradicted');
});

test('a bound is kept only by a number of the same thing', async () => {
  // 78,629 is more than 25, but it counts cases, not countries.
  const j = await grade('Cases were confirmed in over 25 other countries.', 'By February, 78,629 cases were confirmed, in more than two dozen other countries.');
  assert.equal(j.verdict, 'unsupported', j.reason);
  await supported('Cases were confirmed in over 25 countries.', 'Cases were confirmed in 31 countries.');
});

test('a decade is kept by a bound on years whole or not at all', () => {
  const [before] = quantities('It was built before 1960.');
  const decade = (text: string) => quantities(text)[0]!;
  assert.equal(sameValue(before!, decade('It was built in the 1950s.')), true);
  assert.equal(sameValue(before!, decade('It was built in the 1960s.')), false);
  assert.equal(sameValue(quantities('It was built after 1960.')[0]!, decade('It was built in the 1970s.')), true);
});

test('a bound in the reference gives no value of the claim', async () => {
  await notSupported('The tower is 300 metres tall.', 'The tower is more than 300 metres tall.', 'reference never gives 300 metres');
  await notSupported('The tower is 300 metres tall.', 'The tower is at least 300 metres tall.', 'reference never gives 300 metres');
  // Control: the value itself.
  await supported('The tower is 300 metres tall.', 'The tower is 300 metres tall.');
});

test('a strict bound is broken by its own value, a bound that holds it is kept', async () => {
  await notSupported('He died after 1900.', 'He died in 1900.', 'reference says 1900, claim says after 1900', 'contradicted');
  await notSupported('He died before 1900.', 'He died in 1900.', 'reference says 1900, claim says before 1900', 'contradicted');
  // Controls: "at least" and "no more than" hold their own value.
  await supported('At least 500 people attended.', '500 people attended.');
  await supported('No more than 20 students passed.', 'Only 20 students passed.');
});

test('bounds: "no more than" = "at most", "no less than" = "at least", and the two clash', async () => {
  await supported('The ride takes no less than 20 minutes.', 'The ride takes at least 20 minutes.');
  await supported('The ride takes no more than 20 minutes.', 'The ride takes at most 20 minutes.');
  await notSupported('The ride takes no more than 20 minutes.', 'The ride takes at least 20 minutes.', undefined, 'contradicted');
  await notSupported('The ride takes at most 20 minutes.', 'The ride takes at least 20 minutes.', undefined, 'contradicted');
  await notSupported('The ride takes not more than 20 minutes.', 'The ride takes more than 20 minutes.', undefined, 'contradicted');
});
