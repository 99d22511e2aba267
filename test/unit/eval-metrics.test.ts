import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointToUtf16, f1Percent, formatMetrics, goldLabel, measure, predictRow, spanCounts, spanF1, wholeClaim } from '../../src/core/eval';
import { createOfflineGrader } from '../../src/core/graders/offline';

test('measure: balanced accuracy, per-class F1, confusion', () => {
  const m = measure('toy', [
    { gold: 'supported', predicted: 'supported' },
    { gold: 'supported', predicted: 'unsupported' },
    { gold: 'unsupported', predicted: 'unsupported' },
    { gold: 'unsupported', predicted: 'unsupported' },
  ]);
  assert.equal(m.balancedAccuracy, 0.75);
  assert.deepEqual(m.confusion, { supported: { supported: 1, unsupported: 1 }, unsupported: { supported: 0, unsupported: 2 } });
  const text = formatMetrics(m);
  assert.match(text, /toy: 4 rows, balanced accuracy  75\.0%/);
  assert.match(text, /supported +1 +1/);
  assert.match(text, /unsupported +0 +2/);
});

test('a class no row has, or none predicted, reads n/a; one row is "1 row"', () => {
  const text = formatMetrics(measure('one', [{ gold: 'supported', predicted: 'supported' }]));
  assert.match(text, /one: 1 row, balanced accuracy 100\.0%/);
  assert.match(text, /supported +P 100\.0 +R 100\.0 +F1 100\.0/);
  assert.match(text, /unsupported +P +n\/a +R +n\/a +F1 +n\/a/);
  const m = measure('one', [{ gold: 'supported', predicted: 'supported' }]);
  assert.equal(f1Percent(m, 'supported'), '100.0%');
  assert.equal(f1Percent(m, 'unsupported'), 'n/a');
});

test('gold labels: "contradicted" is measured as unsupported, anything else is no label', () => {
  assert.equal(goldLabel('supported'), 'supported');
  assert.equal(goldLabel('unsupported'), 'unsupported');
  assert.equal(goldLabel('contradicted'), 'unsupported');
  assert.equal(goldLabel('maybe'), undefined);
  assert.equal(goldLabel(undefined), undefined);
});

test('code points to UTF-16: emoji before a span shift it by one', () => {
  const s = '😀 ab';
  assert.equal(codePointToUtf16(s, 2), 3);
  assert.equal(s.slice(codePointToUtf16(s, 2), codePointToUtf16(s, 4)), 'ab');
});

test('span counts: character overlap of flagged claims and gold spans, whitespace ignored', () => {
  const row = { id: 'x', reference: '', response: 'Good part. Bad part.', spans: [[11, 20]] as [number, number][] };
  const pred = { id: 'x', verdict: 'unsupported' as const, score: 1, claims: [
    { start: 0, end: 10, verdict: 'supported', confidence: 1 },
    { start: 11, end: 20, verdict: 'unsupported', confidence: 1 },
  ] };
  const c = spanCounts(row, pred);
  assert.deepEqual(c, { overlap: 8, flagged: 8, gold: 8 });
  assert.equal(spanF1([c]).f1, 1);
});

test('wholeClaim trims and keeps offsets', () => {
  assert.deepEqual(wholeClaim('  what is it?  '), { text: 'what is it?', start: 2, end: 13 });
  assert.equal(wholeClaim('   '), undefined);
});

test('predictRow: a response with nothing checkable is still judged as a whole', async () => {
  const p = await predictRow({ id: 'q', reference: 'Paris is the capital of France.', response: 'what do you like about it?' }, createOfflineGrader());
  assert.equal(p.claims.length, 1);
  assert.equal(p.verdict, 'unsupported');
});

test('predictRow: supported row, score is the highest not-supported probability', async () => {
  const p = await predictRow({ id: 's', reference: ['Paris is the capital of France.', 'It has 2.1 million inhabitants.'], response: 'Paris is the capital of France.' }, createOfflineGrader());
  assert.equal(p.verdict, 'supported');
  assert.ok(p.score < 0.5);
});

test('balanced accuracy averages the classes the rows have: a one-class file graded right scores 100%', () => {
  const m = measure('one-class', [
    { gold: 'supported', predicted: 'supported' },
    { gold: 'supported', predicted: 'supported' },
  ]);
  assert.equal(m.balancedAccuracy, 1);
  assert.equal(measure('one-class', [{ gold: 'unsupported', predicted: 'supported' }]).balancedAccuracy, 0);
  assert.equal(measure('empty', []).balancedAccuracy, 0);
});
