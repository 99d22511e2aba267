// Retries of one request, ours rather than the SDK's: the SDK sleeps as long as a Retry-After header asks
// (an hour, for a spent quota) and its sleep ignores the abort signal, so a CI job hung silently and Ctrl+C
// waited. Here a wait is capped, and cancelled the moment the caller's signal fires.
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';

/** The longest wait ClaimCheck accepts before a retry; an endpoint that asks for more fails the request at once. */
export const MAX_RETRY_WAIT_MS = 60_000;

/** The endpoint asked to wait longer than MAX_RETRY_WAIT_MS before trying again. */
export class RetryWaitTooLongError extends Error {
  override readonly name = 'RetryWaitTooLongError';
  constructor(
    readonly response: APIError,
    readonly waitMs: number,
  ) {
    super(response.message);
  }
}

/** Runs `attempt` until it succeeds, fails in a way a retry cannot mend, or `maxRetries` retries are spent. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  maxRetries: number,
  signal: AbortSignal | undefined,
  onWait?: (ms: number, err: unknown) => void,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (err) {
      if (retry >= maxRetries || signal?.aborted || !retryable(err)) throw err;
      const wait = retryWait(err, retry);
      // Only a server's header asks for long: the backoff stays under 8 s.
      if (wait > MAX_RETRY_WAIT_MS && err instanceof APIError) throw new RetryWaitTooLongError(err, wait);
      onWait?.(wait, err);
      await sleep(wait, signal);
    }
  }
}

/** The SDK's own rule: connection failures and timeouts, 408, 409, 429 and 5xx, unless the server says otherwise. */
export function retryable(err: unknown): boolean {
  if (err instanceof APIUserAbortError) return false;
  if (err instanceof APIConnectionError) return true;
  if (!(err instanceof APIError)) return false;
  const says = header(err, 'x-should-retry');
  if (says === 'true') return true;
  if (says === 'false') return false;
  const status = err.status ?? 0;
  // 501 (not implemented) will not change on a second try.
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status !== 501);
}

/** Milliseconds to wait before retry number `retry` (0-based): what the server asks, else backoff with jitter. */
export function retryWait(err: unknown, retry: number): number {
  if (err instanceof APIError) {
    const ms = Number.parseFloat(header(err, 'retry-after-ms') ?? '');
    if (Number.isFinite(ms) && ms >= 0) return ms;
    const after = header(err, 'retry-after');
    if (after !== undefined) {
      const seconds = Number.parseFloat(after);
      if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
      const date = Date.parse(after);
      if (Number.isFinite(date)) return Math.max(0, date - Date.now());
    }
  }
  // The SDK's backoff: 0.5 s doubling up to 8 s, less up to a quarter so that parallel requests spread out.
  return Math.min(500 * 2 ** retry, 8000) * (1 - Math.random() * 0.25);
}

function header(err: APIError, name: string): string | undefined {
  return err.headers?.get(name) ?? undefined;
}

/** Waits `ms`, or rejects with APIUserAbortError as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
