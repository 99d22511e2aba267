// Bounded concurrency: tasks of one call with at most `n` in flight, and slots shared by every call of a grader.
import { CancelledError } from '../../errors';

export async function runLimited<T>(items: readonly T[], n: number, task: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/**
 * At most `n` holders at once, across calls: a run joins documents into several grade calls at a time, and each
 * call's own limit would multiply with their number. Waiters are served in order; one whose signal fires leaves.
 */
export class Slots {
  private free: number;
  private readonly queue: (() => void)[] = [];

  constructor(n: number) {
    this.free = Math.max(1, n);
  }

  /** Resolves with the function that gives the slot back. */
  take(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const release = (): void => {
      const next = this.queue.shift();
      if (next) next();
      else this.free++;
    };
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(once(release));
      };
      const onAbort = (): void => {
        const at = this.queue.indexOf(grant);
        if (at >= 0) this.queue.splice(at, 1);
        reject(new CancelledError());
      };
      this.queue.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (!done) (done = true), f();
  };
}
