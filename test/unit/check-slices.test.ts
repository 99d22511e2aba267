// A long document is graded in slices with a turn of the event loop between them, so an editor stays
// responsive and a cancel lands mid-document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, indexReferences } from '../../src/core/check';
import { CancelledError } from '../../src/core/errors';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { passagesFromText } from '../../src/core/references';
import type { Grader } from '../../src/core/types';

const REF = 'The tower is 330 metres tall. It was completed in 1889.';
const DOC = Array.from({ length: 600 }, (_, i) => `Claim ${i}: the tower is 330 metres tall.`).join('\n\n');

test('a long document is graded in slices, each request graded once and in order', async () => {
  const offline = createOfflineGrader();
  const sizes: number[] = [];
  const grader: Grader = { ...offline, grade: (requests, signal) => (sizes.push(requests.length), offline.grade(requests, signal)) };
  const findings = await checkText(DOC, indexReferences(passagesFromText('r.md', REF)), { grader, format: 'plaintext' });
  assert.equal(findings.length, 600);
  assert.ok(sizes.length > 1, `one slice of ${sizes[0]}`);
  assert.equal(sizes.reduce((a, b) => a + b, 0), 600);
  assert.deepEqual(findings.map((f) => f.start), [...findings.map((f) => f.start)].sort((a, b) => a - b));
});

test('a cancel between slices stops the check: the rest is never graded', async () => {
  const offline = createOfflineGrader();
  const controller = new AbortController();
  let graded = 0;
  const grader: Grader = {
    ...offline,
    grade: async (requests, signal) => {
      graded += requests.length;
      controller.abort();
      return offline.grade(requests, signal);
    },
  };
  await assert.rejects(checkText(DOC, indexReferences(passagesFromText('r.md', REF)), { grader, format: 'plaintext', signal: controller.signal }), CancelledError);
  assert.ok(graded < 600, `graded ${graded}`);
});
