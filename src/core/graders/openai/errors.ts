// Errors of the OpenAI grader and the one function that turns any failure into a per-claim reason.
// Keys never leave this module inside a message: every reason goes through `scrubSecrets`.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { MAX_RETRY_WAIT_MS, RetryWaitTooLongError } from './retry';

/** The request budget (`maxRequests`) is spent; the claims not yet graded fail with this reason. */
export class BudgetReachedError extends Error {
  override readonly name = 'BudgetReachedError';
  constructor(readonly limit: number) {
    super(`request budget reached (--max-requests ${limit})`);
  }
}

/** No API key for an endpoint that is not on this machine: nothing is sent, every claim fails with this. */
export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';
  constructor(baseURL: string) {
    super(`no API key is set for ${baseURL} (a server on this machine needs none)`);
  }
}

/** The endpoint answered, but not with something we can use (no choices, refusal, prose...). */
export class GraderAnswerError extends Error {
  override readonly name = 'GraderAnswerError';
}

const KEY_PATTERNS = [
  /\bsk-[A-Za-z0-9_*-]{6,}/g, // OpenAI-style keys, also the partly masked ones echoed in 401 bodies
  /\b(Bearer|api-key:?)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /(\/\/)[^/\s:@]+:[^/\s@]+@/g, // credentials inside URLs
  /([?&](?:api[-_]?key|key|token|access_token|auth)=)[^&#\s]+/gi, // and in their query strings
];

/** Removes API keys (the given ones and anything key-shaped) from a message. */
export function scrubSecrets(message: string, secrets: readonly (string | undefined)[] = []): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  // `lead` is the first group where a pattern has one (the offset where it has none).
  const keep = (lead: unknown): string => (lead === '//' ? '//[redacted]@' : typeof lead === 'string' && /^[?&]/.test(lead) ? `${lead}[redacted]` : '[redacted]');
  for (const re of KEY_PATTERNS) out = out.replace(re, (_m, lead: unknown) => keep(lead));
  return out;
}

export interface FailureReason {
  reason: string;
  /** Later requests of the same run would fail the same way (bad key, unknown model, endpoint down). */
  fatal: boolean;
}

/** Turns any error from a grading request into one line a user can act on. */
export function describeFailure(err: unknown, ctx: { baseURL: string; model: string; timeoutMs: number; maxRetries: number }): FailureReason {
  const retries = ctx.maxRetries > 0 ? ` after ${ctx.maxRetries} ${ctx.maxRetries === 1 ? 'retry' : 'retries'}` : '';
  if (err instanceof BudgetReachedError || err instanceof MissingKeyError) return { reason: err.message, fatal: true };
  if (err instanceof GraderAnswerError) return { reason: err.message, fatal: false };
  if (err instanceof APIUserAbortError) return { reason: 'cancelled', fatal: true };
  if (err instanceof RetryWaitTooLongError) {
    const status = err.response.status ?? 0;
    const what = status === 429 ? 'rate limited by the endpoint (429)' : `the endpoint failed (${status})`;
    return { reason: `${what}, and it asks to wait ${formatMs(Math.round(err.waitMs))} before a retry, over ClaimCheck's limit of ${formatMs(MAX_RETRY_WAIT_MS)}: ${shortDetail(err.response.message)}`, fatal: true };
  }
  if (err instanceof APIConnectionTimeoutError) {
    return { reason: `the grader did not answer within ${formatMs(ctx.timeoutMs)}${retries} (timeout)`, fatal: false };
  }
  if (err instanceof APIConnectionError) {
    const cause = causeCode(err);
    return { reason: `cannot reach the grader endpoint ${ctx.baseURL}${cause ? ` (${cause})` : ''}${retries}`, fatal: true };
  }
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    const detail = shortDetail(err.message);
    // Each host says how to set a key its own way (the CLI names OPENAI_API_KEY, the editor offers Set API Key).
    if (status === 401) return { reason: 'the endpoint rejected the API key (401)', fatal: true };
    if (status === 403) return { reason: `the endpoint refused access (403): ${detail}`, fatal: true };
    if (status === 404) {
      const said = detail === NO_BODY ? '' : ` (${detail})`;
      return { reason: `model "${ctx.model}" or its endpoint was not found at ${ctx.baseURL} (404)${said}; check the base URL (usually ending in /v1) and the model name`, fatal: true };
    }
    if (status === 429) return { reason: `rate limited by the endpoint (429)${retries}: ${detail}`, fatal: false };
    if (status >= 500) return { reason: `the endpoint failed (${status})${retries}: ${detail}`, fatal: false };
    return { reason: `the endpoint rejected the request (${status}): ${detail}`, fatal: false };
  }
  // The SDK parses the HTTP body itself: an HTML page or plain text means this is no OpenAI-compatible endpoint.
  if (err instanceof SyntaxError) {
    return { reason: `the endpoint's answer is not JSON: is ${ctx.baseURL} an OpenAI-compatible endpoint (usually ending in /v1)?`, fatal: true };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { reason: `grading failed: ${shortDetail(message)}`, fatal: false };
}

function causeCode(err: Error): string | undefined {
  const cause = (err as { cause?: { code?: unknown; cause?: { code?: unknown } } }).cause;
  const code = cause?.code ?? cause?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'host not found';
  return typeof code === 'string' ? code : undefined;
}

const NO_BODY = 'the response had no body';

function shortDetail(message: string): string {
  const line = message.replace(/^\d{3}\s+/, '').replace(/\s+/g, ' ').trim();
  // The SDK's words for an empty error response read like a fragment.
  if (line === 'status code (no body)') return NO_BODY;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || 'no detail';
}

function formatMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
