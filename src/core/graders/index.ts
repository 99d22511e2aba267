// One way to get a grader from settings or flags, for the CLI and the extension alike.
// STUB (the OpenAI grader module completes it): only the offline grader is wired.
import type { Grader } from '../types';
import { createOfflineGrader } from './offline';

export interface GraderConfig {
  kind: 'offline' | 'openai';
  /** OpenAI-compatible endpoint; undefined = the SDK's default (or OPENAI_BASE_URL). */
  baseURL?: string;
  model?: string;
  /** Never logged or written anywhere. */
  apiKey?: string;
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
}

export function createGrader(config: GraderConfig): Grader {
  if (config.kind === 'offline') return createOfflineGrader();
  throw new Error('The OpenAI grader is not available yet');
}
