// A long document is searched and graded with turns of the event loop between claims, so an editor stays
// responsive and a cancel lands mid-document; the grader still gets the document in one call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, indexReferences } from '../../src/core/check';
import { CancelledError } from '../../src/core/errors';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { pauser } from '../../src/core/pause';
import { passagesFromText } from '../../src/core/references';
import type { Grader } from '../../src/core/types';

const REF = 'The tower is 330 metres tall. It was completed in 1889.';
const DOC = Array.from({ length: 3000 }, (_, i) => `Claim ${i}: the tower is ${300 + (i % 60)} metres tall.`).join('\n\n');
const index = indexReferences(passagesFromText('r.md', REF));

/** Counts turns of the event loop until stopped. */
function ticker(): { stop: () => number } {
  let ticks = 0;
  let running = true;
  const tick = (): void => {
    if (!running) return;
    ticks++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return ticks;
    },
  };
}

test('a long document is graded in one call, while the event loop keeps turning; each claim once and in order', async () => {
  const offline = createOfflineGrader();
  const calls: number[] = [];
  const grader: Grader = { ...offline, grade: (requests, signal) => (calls.push(requests.length), offline.grade(requests, signal)) };
  const t = ticker();
  const findings = await checkText(DOC, index, { grader, format: 'plaintext' });
  const ticks = t.stop();
  assert.deepEqual(calls, [3000]);
  assert.equal(findings.length, 3000);
  assert.ok(ticks > 2, `the event loop turned ${ticks} times`);
  assert.deepEqual(findings.map((f) => f.start), [...findings.map((f) => f.start)].sort((a, b) => a - b));
});

test('a cancel while a long document is graded stops the check, however fast the machine', async () => {
  const controller = new AbortController();
  const offline = createOfflineGrader();
  // Cancelled once grading has begun: the offline grader looks at the signal between claims.
  const grader: Grader = { ...offline, grade: (requests, signal) => (controller.abort(), offline.grade(requests, signal)) };
  await assert.rejects(checkText(DOC, index, { grader, format: 'plaintext', signal: controller.signal }), CancelledError);
});

test('pauser yields only once its budget has run, and throws once the signal fired', async () => {
  const order: string[] = [];
  setImmediate(() => order.push('other work'));
  const never = pauser(60_000);
  await never();
  order.push('no pause');
  const always = pauser(0);
  await always();
  order.push('paused');
  assert.deepEqual(order, ['no pause', 'other work', 'paused']);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(never(controller.signal), CancelledError);
});
