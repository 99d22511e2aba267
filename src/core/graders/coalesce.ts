// Joins the grade calls of documents checked side by side into fuller calls. A batching grader asked once per
// document sends one request per document, however few claims it has: 300 one-paragraph files were 300
// requests. Joined, their claims share requests (20 to a request by default), as the cost preview assumes.
import type { Claim, GradeRequest, Grader } from '../types';

export interface CoalesceOptions {
  /** Claims (or sentences to split) that fill a call: a call is sent as soon as this many wait. */
  claims: number;
  /** Calls to the grader at once; the rest wait and join the next call. */
  maxCalls: number;
  /** How long a call under `claims` waits for others to join it. Short beside a request's round trip. */
  waitMs?: number;
  /** The run's signal: every call joined shares one (a run's documents all stop together). */
  signal?: AbortSignal;
}

interface Waiting<T, R> {
  items: readonly T[];
  resolve: (results: R[]) => void;
  reject: (err: unknown) => void;
}

const COALESCE_WAIT_MS = 30;

/**
 * A grader that answers each call as `grader` would, sending calls that arrive close together as one: grading,
 * and the atomic decomposition that comes before it.
 */
export function coalescing(grader: Grader, options: CoalesceOptions): Grader {
  const grade = joinCalls((requests: GradeRequest[]) => grader.grade(requests, options.signal), options);
  const decompose = grader.decompose && joinCalls((claims: Claim[]) => grader.decompose!(claims, options.signal), options);
  return {
    info: grader.info,
    batchSize: grader.batchSize,
    usage: () => grader.usage(),
    grade: (requests) => grade(requests),
    ...(decompose ? { decompose: (claims: readonly Claim[]) => decompose(claims) } : {}),
  };
}

/** `call` over items, one result per item, with calls that arrive close together joined into one. */
function joinCalls<T, R>(call: (items: T[]) => Promise<R[]>, options: CoalesceOptions): (items: readonly T[]) => Promise<R[]> {
  const waitMs = options.waitMs ?? COALESCE_WAIT_MS;
  let waiting: Waiting<T, R>[] = [];
  let waitingItems = 0;
  let running = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!waiting.length || running >= options.maxCalls) return;
    // Calls in order up to one batch's worth (a call larger than that goes alone): 21 claims would go as 11 + 10.
    let take = 0;
    let items = 0;
    while (take < waiting.length && (take === 0 || items + waiting[take]!.items.length <= options.claims)) items += waiting[take++]!.items.length;
    const group = waiting.slice(0, take);
    waiting = waiting.slice(take);
    waitingItems -= items;
    running++;
    call(group.flatMap((w) => w.items))
      .then(
        (results) => {
          let at = 0;
          for (const w of group) {
            w.resolve(results.slice(at, at + w.items.length));
            at += w.items.length;
          }
        },
        (err: unknown) => group.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        running--;
        schedule();
      });
    schedule();
  };

  const schedule = (): void => {
    if (!waiting.length || running >= options.maxCalls) return;
    if (waitingItems >= options.claims) send();
    else timer ??= setTimeout(send, waitMs);
  };

  return (items) => {
    if (!items.length) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      waiting.push({ items, resolve, reject });
      waitingItems += items.length;
      schedule();
    });
  };
}
