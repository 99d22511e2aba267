// A century is the hundred years it names: "the 19th century" is 1800 to 1899, as are "nineteenth-century" and 19世紀.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities } from '../../src/core/graders/offline/numbers';
import { grade, notSupported, supported } from './offline-verdicts';

test('a century is read as the years it spans', () => {
  const read = (text: string) => quantities(text).map((q) => [q.text, q.kind, q.value, q.span]);
  assert.deepEqual(read('She was born in the 19th century.'), [['19th century', 'year', 1800, 100]]);
  assert.deepEqual(read('a nineteenth-century painter'), [['nineteenth-century', 'year', 1800, 100]]);
  assert.deepEqual(read('19世紀に建てられ、十九世紀の城'), [['19世紀', 'year', 1800, 100], ['十九世紀', 'year', 1800, 100]]);
  // Control: a rank is still a rank.
  assert.deepEqual(read('He came 19th in the race.'), [['19th', 'ordinal', 19, undefined]]);
});

test('a year in the century gives it; a year outside contradicts it', async () => {
  const ref = 'Marie Curie was a Polish physicist. She was born in Warsaw in 1867 and died in 1934 in Passy, France.';
  await supported('Marie Curie was born in the 19th century.', ref);
  await supported('Marie Curie died in the twentieth century.', ref);
  await notSupported('Marie Curie was born in the 18th century.', ref, 'reference says 1867, claim says 18th century', 'contradicted');
  await supported('この城は19世紀に建てられた。', 'この城は1867年に建てられた。');
  await notSupported('この城は18世紀に建てられた。', 'この城は1867年に建てられた。', 'reference says 1867年, claim says 18世紀', 'contradicted');
});

test('a year the reference gives only as its century is no clash', async () => {
  const ref = 'Marie Curie was born in Warsaw in the 19th century.';
  const j = await grade('Marie Curie was born in 1867.', ref);
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  await notSupported('Marie Curie was born in 1767.', ref, 'reference says 19th century, claim says 1767', 'contradicted');
});
