// Joins the grade calls of documents checked side by side into fuller calls. A batching grader asked once per
// document sends one request per document, however few claims it has: 300 one-paragraph files were 300
// requests. Joined, their claims share requests (20 to a request by default), as the cost preview assumes.
import type { GradeRequest, Grader, Judgement } from '../types';

export interface CoalesceOptions {
  /** Claims that fill a call: a call is sent as soon as this many wait. */
  claims: number;
  /** Calls to the grader at once; the rest wait and join the next call. */
  maxCalls: number;
  /** How long a call under `claims` waits for others to join it. Short beside a request's round trip. */
  waitMs?: number;
  /** The run's signal: every call joined shares one (a run's documents all stop together). */
  signal?: AbortSignal;
}

interface Waiting {
  requests: readonly GradeRequest[];
  resolve: (judgements: Judgement[]) => void;
  reject: (err: unknown) => void;
}

export const COALESCE_WAIT_MS = 30;

/** A grader that answers each call as `grader` would, sending calls that arrive close together as one. */
export function coalescing(grader: Grader, options: CoalesceOptions): Grader {
  const waitMs = options.waitMs ?? COALESCE_WAIT_MS;
  let waiting: Waiting[] = [];
  let waitingClaims = 0;
  let running = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!waiting.length || running >= options.maxCalls) return;
    const group = waiting;
    waiting = [];
    waitingClaims = 0;
    running++;
    grader
      .grade(
        group.flatMap((w) => w.requests),
        options.signal,
      )
      .then(
        (judgements) => {
          let at = 0;
          for (const w of group) {
            w.resolve(judgements.slice(at, at + w.requests.length));
            at += w.requests.length;
          }
        },
        (err: unknown) => group.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        running--;
        schedule();
      });
  };

  const schedule = (): void => {
    if (!waiting.length || running >= options.maxCalls) return;
    if (waitingClaims >= options.claims) send();
    else timer ??= setTimeout(send, waitMs);
  };

  return {
    info: grader.info,
    batchSize: grader.batchSize,
    usage: () => grader.usage(),
    ...(grader.decompose ? { decompose: grader.decompose.bind(grader) } : {}),
    grade(requests) {
      if (!requests.length) return Promise.resolve([]);
      return new Promise<Judgement[]>((resolve, reject) => {
        waiting.push({ requests, resolve, reject });
        waitingClaims += requests.length;
        schedule();
      });
    },
  };
}
