// The OpenAI grader's options, resolved once from GraderConfig with the documented defaults.
import type { ReasonLanguage } from '../../types';
import { InputError } from '../../errors';

export interface OpenAIGraderOptions {
  /** OpenAI-compatible endpoint; undefined = OPENAI_BASE_URL, else https://api.openai.com/v1. */
  baseURL?: string;
  model?: string;
  /** Undefined = OPENAI_API_KEY. Local servers (Ollama, vLLM, llama.cpp) need none. */
  apiKey?: string;
  /** Whether OPENAI_API_KEY stands in for a missing `apiKey` (default true; the editor decides which endpoint a key is for). */
  envKey?: boolean;
  timeoutMs?: number;
  /** The SDK's own retries for 408/409/429/5xx and connection errors (honours Retry-After). */
  maxRetries?: number;
  maxConcurrency?: number;
  maxRequests?: number;
  /** Claims per request. */
  batchSize?: number;
  /** Upper bound on the passage text of one request, in characters. */
  maxBatchChars?: number;
  /** Passages scoring below this fraction of a claim's best passage are not sent (default 0.5; 0 = all). */
  minRelativeScore?: number;
  seed?: number;
  /** Language the model is asked to write its reasons in (default English). */
  language?: ReasonLanguage;
  /** Notices for the host's log (fallbacks, decomposition trouble); never holds a key. */
  log?: (message: string) => void;
}

export interface ResolvedOptions {
  baseURL: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  maxConcurrency: number;
  maxRequests: number | undefined;
  batchSize: number;
  maxBatchChars: number;
  minRelativeScore: number;
  seed: number;
  language: ReasonLanguage;
  log: (message: string) => void;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULTS = {
  // One request's limit, the same in the CLI and the editor (the `claimcheck.openai.timeoutMs` default): an
  // endpoint that accepts a connection and never answers is given up after three tries of 30 s.
  timeoutMs: 30_000,
  maxRetries: 2,
  maxConcurrency: 4,
  batchSize: 20,
  maxBatchChars: 32_000,
  minRelativeScore: 0.5,
  seed: 7,
} as const;

/** The longest delay a Node timer keeps (2^31 - 1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function resolveOptions(o: OpenAIGraderOptions, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  return {
    baseURL: (o.baseURL || env['OPENAI_BASE_URL'] || DEFAULT_BASE_URL).replace(/\/+$/, ''),
    model: o.model || DEFAULT_MODEL,
    apiKey: o.apiKey || (o.envKey === false ? undefined : env['OPENAI_API_KEY']) || undefined,
    // A limit past what a timer holds (from .claimcheck.json or the setting) would give up on every request at once.
    timeoutMs: Math.min(positive(o.timeoutMs, DEFAULTS.timeoutMs), MAX_TIMER_MS),
    maxRetries: o.maxRetries !== undefined && o.maxRetries >= 0 ? Math.floor(o.maxRetries) : DEFAULTS.maxRetries,
    maxConcurrency: positive(o.maxConcurrency, DEFAULTS.maxConcurrency),
    // 0 is no limit, as in the editor's setting: `.claimcheck.json` means the same in the CLI and the editor.
    maxRequests: o.maxRequests !== undefined && o.maxRequests >= 1 ? Math.floor(o.maxRequests) : undefined,
    batchSize: positive(o.batchSize, DEFAULTS.batchSize),
    maxBatchChars: positive(o.maxBatchChars, DEFAULTS.maxBatchChars),
    minRelativeScore: o.minRelativeScore !== undefined && o.minRelativeScore >= 0 ? o.minRelativeScore : DEFAULTS.minRelativeScore,
    seed: o.seed ?? DEFAULTS.seed,
    language: o.language ?? 'en',
    log: o.log ?? (() => undefined),
  };
}

function positive(v: number | undefined, fallback: number): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

/** Servers on this machine (Ollama, LM Studio, llama.cpp, vLLM) need no key; any other endpoint is sent none only by mistake. */
export function isLocalEndpoint(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The part of a base URL a key belongs to: scheme, host and port (the text itself where it is no URL). */
export function urlOrigin(baseURL: string): string {
  try {
    return new URL(baseURL).origin;
  } catch {
    return baseURL;
  }
}

/** Whether requests to `baseURL` (undefined: OpenAI's) without `apiKey` could only be refused with a 401. */
export function keyMissing(baseURL: string | undefined, apiKey: string | undefined): boolean {
  const url = baseURL ?? DEFAULT_BASE_URL;
  // A malformed URL is its own problem, with its own message.
  return !apiKey && !invalidBaseURL(url) && !isLocalEndpoint(new URL(url));
}

/** An endpoint the SDK could never reach: not a URL, or not http(s) ("localhost:11434/v1" parses, with "localhost:" as its scheme). */
export function invalidBaseURL(baseURL: string): boolean {
  try {
    const { protocol, username, password } = new URL(baseURL);
    // fetch refuses a URL with credentials in it: every request would fail as "cannot reach".
    return (protocol !== 'http:' && protocol !== 'https:') || username !== '' || password !== '';
  } catch {
    return true;
  }
}

/** What a host says of a base URL that `invalidBaseURL` refuses, after naming where it was set. */
export function invalidBaseURLProblem(baseURL: string): string {
  return baseURLError('', baseURL).problem;
}

/** A base URL that `invalidBaseURL` refuses, as a problem of `source` (where it was set) that says what to do. */
export function baseURLError(source: string, baseURL: string): InputError {
  let credentials = false;
  try {
    const url = new URL(baseURL);
    credentials = url.username !== '' || url.password !== '';
  } catch {
    // Not a URL at all: the general message.
  }
  return credentials ? new InputError(source, 'baseURLCredentials') : new InputError(source, 'baseURLInvalid', baseURL);
}
