// SerialQueue: the renames the extension follows in .claimcheck.json run one at a time, in order; one that fails is
// reported and the later ones still run (a rejected promise in a plain .then chain skipped every later step).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SerialQueue } from '../../src/extension/serial';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

describe('SerialQueue', () => {
  it('runs tasks one at a time, in the order they were added (control)', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task = (name: string) => async (): Promise<void> => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    const errors: unknown[] = [];
    queue.add(task('a'), (e) => errors.push(e));
    await queue.add(task('b'), (e) => errors.push(e));
    assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b']);
    assert.deepEqual(errors, []);
  });

  it('a task that throws or rejects is reported to its own handler, and the tasks after it still run', async () => {
    const queue = new SerialQueue();
    const ran: string[] = [];
    const reported: string[] = [];
    const report = (task: string) => (e: unknown): void => void reported.push(`${task}: ${(e as Error).message}`);
    const done = [
      queue.add(async () => void ran.push('first'), report('first')),
      queue.add(async () => {
        throw new Error('broken step');
      }, report('second')),
      queue.add(() => Promise.reject(new Error('rejected step')), report('third')),
      queue.add(async () => void ran.push('fourth'), report('fourth')),
    ];
    // Every promise resolves: a caller that does not wait (void) leaves no unhandled rejection.
    await Promise.all(done);
    assert.deepEqual(ran, ['first', 'fourth']);
    assert.deepEqual(reported, ['second: broken step', 'third: rejected step']);
  });

  it('a handler that throws does not stop the queue either', async () => {
    const queue = new SerialQueue();
    let ran = false;
    await queue.add(
      () => Promise.reject(new Error('x')),
      () => {
        throw new Error('the notification failed');
      },
    );
    await queue.add(async () => void (ran = true), () => undefined);
    assert.equal(ran, true);
  });
});
