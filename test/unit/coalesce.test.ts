// The coalescer that lets a run's small documents share a batching grader's requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coalescing } from '../../src/core/graders/coalesce';
import type { GradeRequest, Grader, Judgement } from '../../src/core/types';

/** A grader that records each call's claims and answers each claim with its own text as the reason. */
function recording(options: { hold?: Promise<void>; fail?: Error } = {}): Grader & { calls: string[][]; inFlight: number; maxInFlight: number } {
  const g = {
    calls: [] as string[][],
    inFlight: 0,
    maxInFlight: 0,
    info: { id: 'openai' as const },
    batchSize: 3,
    usage: () => ({ requests: g.calls.length, promptTokens: 0, completionTokens: 0 }),
    async grade(requests: readonly GradeRequest[]): Promise<Judgement[]> {
      g.calls.push(requests.map((r) => r.claim.text));
      g.inFlight++;
      g.maxInFlight = Math.max(g.maxInFlight, g.inFlight);
      await options.hold;
      g.inFlight--;
      if (options.fail) throw options.fail;
      return requests.map((r) => ({ verdict: 'unsupported', confidence: 0.5, evidence: [], reason: r.claim.text }));
    },
  };
  return g;
}

const asks = (...texts: string[]): GradeRequest[] => texts.map((text) => ({ claim: { text, start: 0, end: text.length }, passages: [] }));
const reasons = (js: Judgement[]): string[] => js.map((j) => j.reason);

describe('coalescing', () => {
  it('joins calls that arrive together into one, and gives each caller its own answers in order', async () => {
    const inner = recording();
    const g = coalescing(inner, { claims: 10, maxCalls: 1 });
    const [a, b, c] = await Promise.all([g.grade(asks('a1', 'a2')), g.grade(asks('b1')), g.grade(asks('c1', 'c2', 'c3'))]);
    assert.deepEqual(inner.calls, [['a1', 'a2', 'b1', 'c1', 'c2', 'c3']]);
    assert.deepEqual([reasons(a!), reasons(b!), reasons(c!)], [['a1', 'a2'], ['b1'], ['c1', 'c2', 'c3']]);
  });

  it('sends as soon as enough claims wait, without waiting out the timer', { timeout: 5000 }, async () => {
    const inner = recording();
    const g = coalescing(inner, { claims: 3, maxCalls: 2, waitMs: 60_000 });
    const answers = await Promise.all([g.grade(asks('a1', 'a2')), g.grade(asks('b1'))]);
    assert.deepEqual(answers.map(reasons), [['a1', 'a2'], ['b1']]);
  });

  it('keeps at most maxCalls calls at once; what arrives meanwhile goes in the next calls, a batch\'s worth each', async () => {
    let release!: () => void;
    const inner = recording({ hold: new Promise((r) => (release = r)) });
    const g = coalescing(inner, { claims: 2, maxCalls: 1, waitMs: 1 });
    const first = g.grade(asks('a1', 'a2'));
    const later = [g.grade(asks('b1')), g.grade(asks('c1')), g.grade(asks('d1'))];
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(inner.calls, [['a1', 'a2']], 'nothing else was sent while the one call allowed was out');
    release();
    assert.deepEqual(reasons(await first), ['a1', 'a2']);
    assert.deepEqual((await Promise.all(later)).map(reasons), [['b1'], ['c1'], ['d1']]);
    assert.deepEqual(inner.calls, [['a1', 'a2'], ['b1', 'c1'], ['d1']]);
    assert.equal(inner.maxInFlight, 1);
  });

  it('joins atomic decomposition the same way, one list of atomic claims per claim given', async () => {
    const split: string[][] = [];
    const inner: Grader = {
      ...recording(),
      async decompose(claims) {
        split.push(claims.map((c) => c.text));
        return claims.map((c) => c.text.split(' and ').map((text) => ({ text, start: c.start, end: c.start + text.length })));
      },
    };
    const g = coalescing(inner, { claims: 10, maxCalls: 1, waitMs: 1 });
    const [a, b] = await Promise.all([g.decompose!(asks('x and y').map((r) => r.claim)), g.decompose!(asks('z', 'u and v').map((r) => r.claim))]);
    assert.deepEqual(split, [['x and y', 'z', 'u and v']]);
    assert.deepEqual([a!.map((l) => l.map((c) => c.text)), b!.map((l) => l.map((c) => c.text))], [[['x', 'y']], [['z'], ['u', 'v']]]);
  });

  it('a failed call fails every caller joined in it, and the grader is still usable', async () => {
    const inner = recording({ fail: new Error('boom') });
    const g = coalescing(inner, { claims: 5, maxCalls: 1, waitMs: 1 });
    const results = await Promise.allSettled([g.grade(asks('a')), g.grade(asks('b'))]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.equal(inner.calls.length, 1);
    await assert.rejects(g.grade(asks('c')), /boom/);
    assert.deepEqual(await g.grade([]), []);
    assert.equal(g.batchSize, 3);
  });
});
