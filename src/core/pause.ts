// Long synchronous work (grading thousands of claims offline, or searching for them) must not hold an
// editor's extension host: this hands the event loop back whenever a stretch has run long enough.
import { throwIfAborted } from './errors';

/** Milliseconds of synchronous work between turns of the event loop. */
const BUDGET_MS = 15;

/**
 * Returns a function to await between items of a long loop: it yields once `budgetMs` have passed since the
 * last yield (nearly free otherwise), and throws there when the signal has fired, so a cancel lands quickly.
 */
export function pauser(budgetMs = BUDGET_MS): (signal?: AbortSignal) => Promise<void> {
  let last = performance.now();
  return async (signal) => {
    if (performance.now() - last >= budgetMs) {
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
    }
    throwIfAborted(signal);
  };
}
