// Coverage: the statements of the references an answer leaves out, said in part, or states.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { coverage } from '../../src/core/coverage';
import { passagesFromText } from '../../src/core/references';

const REF = [
  '# Tower',
  '',
  'The Eiffel Tower is 330 metres tall.',
  'Construction began in January 1887 and was completed in March 1889 for the World Fair.',
  'The tower is repainted every seven years with about 60 tonnes of paint.',
  '',
  'The Eiffel Tower is 330 metres tall.',
].join('\n');
const passages = passagesFromText('refs/tower.md', REF);

test('each reference statement once: stated, said in part (a detail left out), or left out, with its line', async () => {
  const r = await coverage('The Eiffel Tower is 330 metres tall. Construction began in 1887 and ended in 1889.', passages);
  assert.equal(r.statements, 3, 'the repeated sentence counts once');
  assert.equal(r.covered, 1);
  assert.deepEqual(
    r.leftOut.map((l) => [l.line, l.partly, l.text.slice(0, 24)]),
    [
      [4, true, 'Construction began in Ja'],
      [5, false, 'The tower is repainted e'],
    ],
  );
  assert.equal(r.skipped, 0);
});

test('a sentence the grader can barely place beside a statement does not say it "in part"', async () => {
  const refs = passagesFromText('refs/tower.md', 'The tower is repainted every seven years to protect it from rust; about 60 tonnes of paint are used each time.\n');
  const r = await coverage('About 7 million people visit the tower every year.', refs);
  assert.deepEqual(r.leftOut.map((l) => [l.line, l.partly]), [[1, false]]);
});

test("another value is not the reference's statement: a time series is not covered by its last row", async () => {
  const refs = passagesFromText('refs/acme.md', "In 2019, Acme's revenue was 5 million dollars.\nIn 2020, Acme's revenue was 7 million dollars.\nIn 2021, Acme's revenue was 9 million dollars.\n");
  const r = await coverage("In 2021, Acme's revenue was 9 million dollars.", refs);
  assert.equal(r.covered, 1);
  assert.deepEqual(r.leftOut.map((l) => l.line), [1, 2]);
});

test('at most maxStatements are looked at; the rest are counted as skipped', async () => {
  const r = await coverage('Nothing related.', passages, { maxStatements: 2 });
  assert.equal(r.statements, 2);
  assert.equal(r.skipped, 1);
});

test('Japanese references too', async () => {
  const ja = passagesFromText('refs/fuji.md', '富士山の標高は3776メートルである。\n最後の噴火は1707年の宝永大噴火である。\n');
  const r = await coverage('富士山の標高は3776メートルです。', ja);
  assert.equal(r.statements, 2);
  assert.deepEqual(r.leftOut.map((l) => l.line), [2]);
});

test('sharing a subject is not saying part of a statement; neither is a heading or a question', async () => {
  const refs = passagesFromText('refs/acme.md', 'Acme Widgets was founded in 1987.\nAcme sells its widgets in 12 countries.\n富士山の標高は3776メートルである。\n');
  const r = await coverage('# What does Acme do?\n\nAcme Widgets was founded in 1987.\n', refs);
  assert.deepEqual(r.leftOut.map((l) => [l.line, l.partly]), [[2, false], [3, false]]);
});
