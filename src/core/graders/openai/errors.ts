// Errors of the OpenAI grader and the one function that turns any failure into a per-claim reason.
// Keys never leave this module inside a message: every reason goes through `scrubSecrets`.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ReasonLanguage } from '../../types';
import type { ParseProblem } from './parse';
import { MAX_RETRY_WAIT_MS, RetryWaitTooLongError } from './retry';

/** The request budget (`maxRequests`) is spent; the claims not yet graded fail with this reason. */
export class BudgetReachedError extends Error {
  override readonly name = 'BudgetReachedError';
  constructor(readonly limit: number) {
    super(TEXT.en.budget(limit));
  }
}

/** No API key for an endpoint that is not on this machine: nothing is sent, every claim fails with this. */
export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';
  constructor(readonly baseURL: string) {
    super(TEXT.en.noKey(scrubSecrets(baseURL)));
  }
}

/** What was wrong with a model's answer as a whole; describeFailure says it in the UI's language. */
export type AnswerProblem =
  | { kind: 'unusable'; problem: ParseProblem }
  | { kind: 'refused'; said: string }
  | { kind: 'filtered' }
  | { kind: 'empty' };

/** The endpoint answered, but not with something we can use (no choices, refusal, prose...). */
export class GraderAnswerError extends Error {
  override readonly name = 'GraderAnswerError';
  constructor(readonly problem: AnswerProblem) {
    super(answerProblem(EN, problem));
  }
}

function answerProblem(t: typeof EN, p: AnswerProblem): string {
  switch (p.kind) {
    case 'unusable':
      return t.unusable(parseProblem(t, p.problem));
    case 'refused':
      return t.refused(p.said);
    case 'filtered':
      return t.filtered;
    case 'empty':
      return t.empty;
  }
}

function parseProblem(t: typeof EN, p: ParseProblem): string {
  switch (p.kind) {
    case 'noArray':
      return t.noArray(p.key);
    case 'invalid':
      return t.invalidJson(p.detail);
    default:
      return t[p.kind === 'empty' ? 'emptyAnswer' : p.kind];
  }
}

/** Why an answer could not be read, in the UI's language (the atomic split says it in its notice). */
export function describeParseProblem(p: ParseProblem, language: ReasonLanguage = 'en'): string {
  return parseProblem(TEXT[language], p);
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

/** Whether a reason is about the API key (none set, or rejected), in either language: hosts offer their way to set one. */
export function isKeyProblem(reason: string): boolean {
  return /\(401\)|API key|API キー/.test(reason);
}

export interface FailureReason {
  reason: string;
  /** Later requests of the same run would fail the same way (bad key, unknown model, endpoint down). */
  fatal: boolean;
}

export interface FailureContext {
  baseURL: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  /** The language of the reasons (the UI's, or --lang); English when unset. */
  language?: ReasonLanguage;
  /** Scrubbed from the endpoint's words before they are cut short: a key cut in two would no longer be found. */
  apiKey?: string;
}

/** Turns any error from a grading request into one line a user can act on, in the user's language. */
export function describeFailure(err: unknown, ctx: FailureContext): FailureReason {
  const t = TEXT[ctx.language ?? 'en'];
  const retries = ctx.maxRetries > 0 ? t.retries(ctx.maxRetries) : '';
  if (err instanceof BudgetReachedError) return { reason: t.budget(err.limit), fatal: true };
  if (err instanceof MissingKeyError) return { reason: t.noKey(scrubSecrets(err.baseURL)), fatal: true };
  if (err instanceof GraderAnswerError) return { reason: answerProblem(t, err.problem), fatal: false };
  if (err instanceof APIUserAbortError) return { reason: t.cancelled, fatal: true };
  if (err instanceof RetryWaitTooLongError) {
    const status = err.response.status ?? 0;
    const what = status === 429 ? t.rateLimited('') : t.failed(status, '');
    return { reason: t.waitTooLong(what, formatMs(Math.round(err.waitMs)), formatMs(MAX_RETRY_WAIT_MS), shortDetail(err.response.message, ctx.apiKey)), fatal: true };
  }
  if (err instanceof APIConnectionTimeoutError) return { reason: t.timeout(formatMs(ctx.timeoutMs), retries), fatal: false };
  if (err instanceof APIConnectionError) {
    const cause = causeCode(err);
    return { reason: t.unreachable(ctx.baseURL, cause ? ` (${cause})` : '', retries), fatal: true };
  }
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    const detail = shortDetail(err.message, ctx.apiKey);
    // Each host says how to set a key its own way (the CLI names OPENAI_API_KEY, the editor offers Set API Key).
    if (status === 401) return { reason: t.keyRejected, fatal: true };
    if (status === 403) return { reason: t.forbidden(detail), fatal: true };
    if (status === 404) return { reason: t.notFound(ctx.model, ctx.baseURL, detail === NO_BODY ? '' : ` (${detail})`), fatal: true };
    if (status === 429) return { reason: `${t.rateLimited(retries)}: ${detail}`, fatal: false };
    if (status >= 500) return { reason: `${t.failed(status, retries)}: ${detail}`, fatal: false };
    return { reason: t.rejected(status, detail), fatal: false };
  }
  // The SDK parses the HTTP body itself: an HTML page or plain text means this is no OpenAI-compatible endpoint.
  if (err instanceof SyntaxError) return { reason: t.notJson(ctx.baseURL), fatal: true };
  const message = err instanceof Error ? err.message : String(err);
  return { reason: t.other(shortDetail(message, ctx.apiKey)), fatal: false };
}

/** The reasons of describeFailure, in each language the UI speaks. */
const EN = {
  retries: (n: number) => ` after ${n} ${n === 1 ? 'retry' : 'retries'}`,
  budget: (n: number) => `request budget reached (--max-requests ${n})`,
  noKey: (url: string) => `no API key is set for ${url} (a server on this machine needs none)`,
  cancelled: 'cancelled',
  waitTooLong: (what: string, wait: string, limit: string, detail: string) => `${what}, and it asks to wait ${wait} before a retry, over ClaimCheck's limit of ${limit}: ${detail}`,
  timeout: (within: string, retries: string) => `the grader did not answer within ${within}${retries} (timeout)`,
  unreachable: (url: string, cause: string, retries: string) => `cannot reach the grader endpoint ${url}${cause}${retries}`,
  keyRejected: 'the endpoint rejected the API key (401)',
  forbidden: (detail: string) => `the endpoint refused access (403): ${detail}`,
  notFound: (model: string, url: string, said: string) => `model "${model}" or its endpoint was not found at ${url} (404)${said}; check the base URL (usually ending in /v1) and the model name`,
  rateLimited: (retries: string) => `rate limited by the endpoint (429)${retries}`,
  failed: (status: number, retries: string) => `the endpoint failed (${status})${retries}`,
  rejected: (status: number, detail: string) => `the endpoint rejected the request (${status}): ${detail}`,
  notJson: (url: string) => `the endpoint's answer is not JSON: is ${url} an OpenAI-compatible endpoint (usually ending in /v1)?`,
  other: (detail: string) => `grading failed: ${detail}`,
  unusable: (problem: string) => `grader's answer unusable: ${problem}, also after one re-ask`,
  refused: (said: string) => `the model refused to grade: "${said}"`,
  filtered: 'the endpoint withheld the answer (content filter)',
  empty: 'the endpoint returned no answer (no choices)',
  emptyAnswer: 'the answer was empty',
  incomplete: "the answer's JSON was incomplete (it stops before its closing bracket)",
  prose: 'the answer was prose, not JSON',
  noArray: (key: string) => `the answer had no "${key}" array`,
  invalidJson: (detail: string) => `the answer was not valid JSON (${detail})`,
};
const TEXT: Record<ReasonLanguage, typeof EN> = {
  en: EN,
  ja: {
    retries: (n: number) => `（${n} 回再試行）`,
    budget: (n: number) => `リクエストの上限に達しました（--max-requests ${n}）`,
    noKey: (url: string) => `${url} の API キーが設定されていません（このマシン上のサーバーには不要です）`,
    cancelled: 'キャンセルされました',
    waitTooLong: (what: string, wait: string, limit: string, detail: string) => `${what}。再試行まで ${wait} 待つよう求められましたが、ClaimCheck の上限 ${limit} を超えています: ${detail}`,
    timeout: (within: string, retries: string) => `判定器が ${within} 以内に応答しませんでした${retries}（タイムアウト）`,
    unreachable: (url: string, cause: string, retries: string) => `判定器のエンドポイント ${url} に接続できません${cause}${retries}`,
    keyRejected: 'エンドポイントが API キーを拒否しました（401）',
    forbidden: (detail: string) => `エンドポイントがアクセスを拒否しました（403）: ${detail}`,
    notFound: (model: string, url: string, said: string) => `モデル「${model}」またはそのエンドポイントが ${url} に見つかりません（404）${said}。ベース URL（通常 /v1 で終わる）とモデル名を確認してください`,
    rateLimited: (retries: string) => `エンドポイントのレート制限です（429）${retries}`,
    failed: (status: number, retries: string) => `エンドポイントでエラーが発生しました（${status}）${retries}`,
    rejected: (status: number, detail: string) => `エンドポイントがリクエストを拒否しました（${status}）: ${detail}`,
    notJson: (url: string) => `エンドポイントの応答が JSON ではありません: ${url} は OpenAI 互換のエンドポイント（通常 /v1 で終わる）ですか？`,
    other: (detail: string) => `判定に失敗しました: ${detail}`,
    unusable: (problem: string) => `判定器の応答を読めません（再質問後も）: ${problem}`,
    refused: (said: string) => `モデルが判定を断りました:「${said}」`,
    filtered: 'エンドポイントが応答を差し止めました（コンテンツフィルター）',
    empty: 'エンドポイントが応答を返しませんでした（choices がありません）',
    emptyAnswer: '応答が空でした',
    incomplete: '応答の JSON が途中で切れています（閉じ括弧の前で終わっています）',
    prose: '応答が JSON ではなく文章でした',
    noArray: (key: string) => `応答に "${key}" 配列がありません`,
    invalidJson: (detail: string) => `応答が正しい JSON ではありません（${detail}）`,
  },
};

function causeCode(err: Error): string | undefined {
  const cause = (err as { cause?: { code?: unknown; cause?: { code?: unknown } } }).cause;
  const code = cause?.code ?? cause?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'host not found';
  return typeof code === 'string' ? code : undefined;
}

const NO_BODY = 'the response had no body';

function shortDetail(message: string, apiKey: string | undefined): string {
  const line = scrubSecrets(message, [apiKey]).replace(/^\d{3}\s+/, '').replace(/\s+/g, ' ').trim();
  // The SDK's words for an empty error response read like a fragment.
  if (line === 'status code (no body)') return NO_BODY;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || 'no detail';
}

function formatMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
