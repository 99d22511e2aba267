// Measure Grader's rows and tally (the pure part behind the command): the rows `claimcheck eval` accepts, and a
// tally that stays quick on a file of 100,000 rows.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EvalPrediction } from '../../src/core/eval';
import { parseRows } from '../../src/cli/eval';
import { parseLabelledRows, tallyPredictions, type LabelledRow } from '../../src/extension/labelledRows';
import type { Translate } from '../../src/extension/statusView';

const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
const row = (o: object): string => JSON.stringify({ reference: 'A is B.', response: 'A is B.', label: 'supported', ...o });

test('a line that is JSON but no object is said to be no row, not broken JSON (QA: `null` read "not valid JSON")', () => {
  const { rows, problems } = parseLabelledRows(['null', '42', '[1]', '{oops', row({})].join('\n'), t);
  assert.equal(rows.length, 1);
  assert.deepEqual(problems, ['line 1: a row must be a JSON object', 'line 2: a row must be a JSON object', 'line 3: a row must be a JSON object', 'line 4: not valid JSON']);
});

test('an empty reference list is refused, as `claimcheck eval` refuses it (QA: it was measured as a row)', () => {
  const { rows, problems } = parseLabelledRows([row({ reference: [] }), row({ reference: ['A is B.', 3] }), row({ response: 7 }), row({ reference: ['A is B.'] })].join('\r\n'), t);
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]!.reference, ['A is B.']);
  assert.equal(problems.length, 3);
  for (const [i, p] of problems.entries()) assert.match(p, new RegExp(`^line ${i + 1}: needs "reference" \\(a text or a non-empty list of texts\\) and "response"`));
});

test('a dataset that is no text groups the row under the file, as `claimcheck eval` does (QA: the number 5 became a dataset)', () => {
  const { rows } = parseLabelledRows([row({ dataset: 5 }), row({ dataset: '' }), row({ dataset: 'demo' }), row({ label: 'contradicted', id: 'x' })].join('\n'), t);
  assert.deepEqual(
    rows.map((r) => [r.id, r.dataset, r.label]),
    [
      ['1', undefined, 'supported'],
      ['2', undefined, 'supported'],
      ['3', 'demo', 'supported'],
      ['x', undefined, 'unsupported'],
    ],
  );
  const { pairs } = tallyPredictions(rows, rows.map((r) => prediction(r.id, 'supported')), 'file');
  assert.deepEqual([...pairs.keys()], ['file', 'demo']);
  assert.equal(pairs.get('file')!.length, 3);
});

test('rows the grader could not judge stay out of the pairs, with their reasons; rows not tried are skipped', () => {
  const rows = parseLabelledRows([row({}), row({ label: 'unsupported' }), row({})].join('\n'), t).rows;
  const { pairs, failed } = tallyPredictions(rows, [prediction('1', 'supported'), { ...prediction('2', 'unsupported'), failed: 'key rejected' }, undefined], 'f');
  assert.deepEqual(failed, ['key rejected']);
  assert.deepEqual(pairs.get('f'), [{ gold: 'supported', predicted: 'supported' }]);
});

test('tallies 200,000 rows of one dataset at once (QA: the tally copied the list per row, minutes of a frozen extension host)', () => {
  const n = 200_000;
  const rows: LabelledRow[] = Array.from({ length: n }, (_, i) => ({ id: String(i), reference: 'A is B.', response: 'A is B.', label: i % 2 ? 'supported' : 'unsupported' }));
  const predictions = rows.map((r) => prediction(r.id, 'supported'));
  const started = performance.now();
  const { pairs } = tallyPredictions(rows, predictions, 'big');
  const ms = performance.now() - started;
  assert.equal(pairs.get('big')!.length, n);
  // Linear: well under a second even on a loaded machine; copying the list per row took minutes.
  assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
});

function prediction(id: string, verdict: EvalPrediction['verdict']): EvalPrediction {
  return { id, verdict, score: verdict === 'supported' ? 0 : 1, claims: [] };
}

test('Measure Grader refuses the rows `claimcheck eval` refuses: one reader serves both (an object as "id" was measured)', () => {
  const lines = ['{oops', 'null', row({ id: { a: 1 } }), row({ response: 7 }), row({ reference: [] }), row({ id: 7 })];
  const { rows, problems } = parseLabelledRows(lines.join('\n'), t);
  assert.deepEqual(rows.map((r) => r.id), ['7']);
  assert.equal(problems.length, 5);
  assert.match(problems[2]!, /^line 3: "id" must be a text or a number/);
  const cli: string[] = [];
  const cliRows = parseRows(lines.join('\n'), 'data.jsonl', (m) => cli.push(m));
  assert.deepEqual(cliRows.map((r) => r.id), ['7']);
  assert.deepEqual(cli.map((m) => m.split(':')[1]), ['1', '2', '3', '4', '5'], 'the same lines refused, by number');
});
