// One way to get a grader from settings or flags, for the CLI and the extension alike:
// offline, or the OpenAI-compatible grader wrapped with its cache and, on request, the offline cascade.
import { gradeCacheKey, JsonFileCacheStore, withCache, type CacheStore } from '../cache';
import type { Claim, GradeRequest, Grader, ReasonLanguage } from '../types';
import { DEFAULT_CASCADE_THRESHOLD, withCascade } from './cascade';
import { createOfflineGrader } from './offline';
import { createOpenAIGrader, decomposeWith, estimateCost as estimateOpenAICost, promptVersion, type CostEstimate, type OpenAIUsage } from './openai';
import { describeFailure, MissingKeyError } from './openai/errors';
import { keyMissing, resolveOptions } from './openai/options';

export { createRequestRecorder, type CostEstimate, type RequestRecorder } from './openai';
export type { CacheStore } from '../cache';

export interface GraderConfig {
  kind: 'offline' | 'openai';
  /** OpenAI-compatible endpoint; undefined = the SDK's default (or OPENAI_BASE_URL). */
  baseURL?: string;
  model?: string;
  /** Never logged or written anywhere. Undefined = OPENAI_API_KEY; local servers need none. */
  apiKey?: string;
  /** Whether OPENAI_API_KEY stands in for a missing `apiKey` (default true). */
  envKey?: boolean;
  timeoutMs?: number;
  maxConcurrency?: number;
  /** Stop cleanly after this many requests. */
  maxRequests?: number;
  /** Let the offline grader decide the claims it is confident about. */
  cascade?: boolean;
  /** Split sentences into atomic claims with one extra call. */
  atomic?: boolean;
  /** Persisted cache file; undefined = no persistence. */
  cacheFile?: string;
  /** A cache store of the host's own (takes precedence over `cacheFile`). */
  cacheStore?: CacheStore;
  /** Offline confidence at or above which the cascade keeps the offline verdict (default 0.9). */
  cascadeThreshold?: number;
  /** The SDK's retries on 408/409/429/5xx and connection errors (default 2; honours Retry-After). */
  maxRetries?: number;
  /** Claims per request (default 20). */
  batchSize?: number;
  /** Seed sent with every request where the endpoint takes one (default 7). */
  seed?: number;
  /** Language of the offline grader's reasons (default English); a model writes its own. */
  language?: ReasonLanguage;
  /** Notices for the host's log (format fallbacks, cache trouble), in `language`. Never carries the key. */
  log?: (message: string) => void;
}

/** What createGrader returns: a Grader whose usage carries cached prompt tokens; `decompose` is there when `atomic` is on. */
export interface ConfiguredGrader extends Grader {
  usage(): OpenAIUsage;
}

/** Why this configuration cannot grade at all, said before anything is sent: an endpoint off this machine without a key. */
export function unusableReason(config: GraderConfig): string | undefined {
  if (config.kind !== 'openai') return undefined;
  const options = resolveOptions(config);
  return keyMissing(options.baseURL, options.apiKey) ? describeFailure(new MissingKeyError(options.baseURL), options).reason : undefined;
}

export function createGrader(config: GraderConfig): ConfiguredGrader {
  if (config.kind === 'offline') {
    const offline = createOfflineGrader({ language: config.language });
    return { info: offline.info, grade: (r, s) => offline.grade(r, s), usage: () => ({ ...offline.usage(), cachedPromptTokens: 0 }) };
  }
  // One offline grader (and its sentence cache) serves the cascade and the cross-check of "supported" verdicts.
  const offline = createOfflineGrader({ language: config.language });
  const model = createOpenAIGrader(config, offline);
  const store = config.cacheStore ?? (config.cacheFile ? new JsonFileCacheStore(config.cacheFile, { log: config.log, language: config.language }) : undefined);
  let grader: Grader = store ? withCache(model, store, { log: config.log, language: config.language, endpoint: model.options.baseURL }) : model;
  if (config.cascade) grader = withCascade(offline, grader, config.cascadeThreshold ?? DEFAULT_CASCADE_THRESHOLD);
  const wired = grader;
  return {
    info: model.info,
    batchSize: model.batchSize,
    usage: () => model.usage(),
    grade: (requests, signal) => wired.grade(requests, signal),
    ...(config.atomic ? { decompose: (claims: readonly Claim[], signal?: AbortSignal) => decomposeWith({ client: model.client, options: model.options, store }, claims, signal) } : {}),
  };
}

/** The pipeline's decomposition hook: per claim, its atomic claims when the grader offers them, else the claim itself. */
export async function decomposeClaims(claims: readonly Claim[], grader: Grader, signal?: AbortSignal): Promise<Claim[][]> {
  return grader.decompose ? grader.decompose(claims, signal) : claims.map((c) => [c]);
}

/** Requests and tokens a scan would spend with this config (zero for the offline grader), for a cost preview. */
export function estimateCost(requests: readonly GradeRequest[], config: GraderConfig, store?: CacheStore): CostEstimate {
  if (config.kind === 'offline') return { requests: 0, claims: requests.length, promptTokens: 0, completionTokens: 0 };
  const estimate = estimateOpenAICost(requests, config, store ? { isCached: (r) => isCachedIn(store, r, config) } : {});
  if (!config.atomic) return estimate;
  // Decomposition adds about one request per 20 sentences, and each sentence yields about two claims.
  const extra = Math.ceil(requests.length / 20);
  return { ...estimate, requests: estimate.requests * 2 + extra, promptTokens: estimate.promptTokens * 2, claims: estimate.claims * 2 };
}

function isCachedIn(store: CacheStore, request: GradeRequest, config: GraderConfig): boolean {
  const { model, language, baseURL } = resolveOptions(config);
  return store.get(gradeCacheKey(request, { grader: 'openai', model, promptVersion: promptVersion(language), endpoint: baseURL })) !== undefined;
}
