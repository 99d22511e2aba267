// Progress in steps, reported sparingly (QA: Measure Grader sent one report per row, 20,000 on a file of 20,000 rows).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { STEP_REPORT_MS, stepReporter } from '../../src/extension/steps';

test('a burst of steps is one report; the bar still ends at 100% and the last count is shown', () => {
  const reports: { message: string; increment: number }[] = [];
  let clock = 0;
  const step = stepReporter((u) => reports.push(u), 20_000, (n) => `${n} of 20000 rows`, () => clock);
  for (let done = 1; done <= 20_000; done++) {
    if (done % 5000 === 0) clock += STEP_REPORT_MS;
    step(done);
  }
  assert.ok(reports.length <= 6, `${reports.length} reports`);
  assert.equal(reports.at(-1)!.message, '20000 of 20000 rows');
  assert.ok(Math.abs(reports.reduce((n, r) => n + r.increment, 0) - 100) < 1e-9);
});

test('slow steps are each reported', () => {
  const reports: string[] = [];
  let clock = 0;
  const step = stepReporter((u) => reports.push(u.message), 3, (n) => `${n}/3`, () => (clock += STEP_REPORT_MS));
  [1, 2, 3].forEach(step);
  assert.deepEqual(reports, ['1/3', '2/3', '3/3']);
});
