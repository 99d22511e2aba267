// Many documents or labelled rows graded side by side, the one way a run does it (`check` and Check Workspace,
// `eval` and Measure Grader): a bounded number of grade calls at once, a batching grader's calls joined
// across items, and a stop when the grader fails the same way item after item.
import { isCancellation, throwIfAborted } from './errors';
import { coalescing } from './graders/coalesce';
import { FailureStreak } from './streak';
import type { Grader } from './types';

export interface GradeEachOptions<R> {
  /** Grade calls at once (items in flight, unless a batching grader joins them). */
  concurrency: number;
  signal?: AbortSignal;
  /** Why an item was not judged (endpoint down, budget spent), or undefined: the same reason for GIVE_UP_AFTER items in a row stops the run. */
  failure: (result: R) => string | undefined;
  /** After each item, done (`result`) or left without a result. */
  onDone?: (done: number, index: number, result: R | undefined) => void;
}

export interface GradeEachResult<R> {
  /** By item; undefined where an item was not done (cancelled, never tried) or the task gave nothing. */
  results: (R | undefined)[];
  cancelled: boolean;
  gaveUp?: { reason: string; untried: number };
}

/**
 * Runs `task` over the items with the grader it should use. Cancellation ends the run with what finished;
 * any other error from a task rejects the whole run (a task that should go on past a bad item catches it).
 */
export async function gradeEach<T, R>(items: readonly T[], grader: Grader, task: (item: T, grader: Grader) => Promise<R | undefined>, options: GradeEachOptions<R>): Promise<GradeEachResult<R>> {
  const concurrency = Math.max(1, options.concurrency);
  // A batching grader gets the claims of several items per call, as many calls at once as items were in flight
  // before; an item waiting for a call costs only its text, so enough are started to fill those calls.
  const batchSize = items.length > 1 ? grader.batchSize : undefined;
  const joined = batchSize ? coalescing(grader, { claims: batchSize, maxCalls: concurrency, signal: options.signal }) : grader;
  const results = new Array<R | undefined>(items.length);
  const streak = new FailureStreak();
  let gaveUp: string | undefined;
  let cancelled = false;
  let next = 0;
  let started = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length && !gaveUp && !cancelled; i = next++) {
      started++;
      let result: R | undefined;
      try {
        throwIfAborted(options.signal);
        result = await task(items[i]!, joined);
        results[i] = result;
        if (result !== undefined) gaveUp ??= streak.record(options.failure(result));
      } catch (err) {
        if (!isCancellation(err)) throw err;
        cancelled = true;
        return;
      }
      options.onDone?.(++done, i, result);
    }
  };
  // Enough items under way to keep `concurrency` full calls going when each item holds a single claim.
  const workers = Math.min(batchSize ? concurrency * batchSize : concurrency, items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  const untried = items.length - started;
  return { results, cancelled: cancelled || Boolean(options.signal?.aborted), ...(gaveUp && untried ? { gaveUp: { reason: gaveUp, untried } } : {}) };
}
