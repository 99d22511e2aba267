// Grader settings from flags, then .claimcheck.json, then the environment. Secrets only ever come from the environment.
import { join } from 'node:path';
import type { ConfigGraderOptions } from '../core/config';
import type { GraderConfig } from '../core/graders';
import { baseURLProblem, DEFAULT_BASE_URL, isKeyProblem, keyMissing, scrubSecrets, urlOrigin } from '../core/graders/openai';
import { UsageError, type GraderFlags } from './args';

export const CACHE_FILE = join('.claimcheck', 'cache.json');

export function graderConfig(
  flags: GraderFlags,
  fromFile: ConfigGraderOptions | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
  log?: (message: string) => void,
): GraderConfig {
  const kind = flags.grader ?? fromFile?.kind ?? 'offline';
  const config: GraderConfig = { kind, language: flags.lang };
  if (kind !== 'openai') {
    // Said, not silently dropped: the user may think the run used the model they named.
    const unused = [
      flags.model !== undefined && '--model',
      flags.baseURL !== undefined && '--base-url',
      flags.maxRequests !== undefined && '--max-requests',
      flags.timeoutMs !== undefined && '--timeout',
    ].filter(Boolean);
    if (unused.length) log?.(`${unused.join(', ')} ${unused.length === 1 ? 'has' : 'have'} no effect with the offline grader; add --grader openai to use an LLM endpoint`);
    return config;
  }
  // An empty OPENAI_BASE_URL (a CI variable left blank) counts as unset.
  const fromEnv = env.OPENAI_BASE_URL || undefined;
  const baseURL = flags.baseURL ?? fromEnv ?? fromFile?.baseURL;
  // Checked with or without a key: a bad URL is a usage error, not a grading failure per claim.
  if (baseURL !== undefined) checkURL(baseURL, flags.baseURL !== undefined ? '--base-url' : fromEnv !== undefined ? 'OPENAI_BASE_URL' : 'grader.baseURL');
  // OPENAI_API_KEY goes only to an endpoint the user names (--base-url, OPENAI_BASE_URL, else OpenAI's): a
  // repository's .claimcheck.json (a pull request may change it) must not collect the key in CI.
  const chosenByFile = baseURL !== undefined && flags.baseURL === undefined && fromEnv === undefined;
  const keyAllowed = !chosenByFile || urlOrigin(baseURL) === urlOrigin(DEFAULT_BASE_URL);
  const apiKey = keyAllowed ? env.OPENAI_API_KEY || undefined : undefined;
  if (!keyAllowed && env.OPENAI_API_KEY && keyMissing(baseURL, undefined)) {
    const url = scrubSecrets(baseURL);
    throw new UsageError(
      `.claimcheck.json names ${url} as the grader endpoint, and OPENAI_API_KEY is sent only to an endpoint you name yourself: pass --base-url ${url} (or set OPENAI_BASE_URL) to send it there`,
    );
  }
  if (keyMissing(baseURL, apiKey)) {
    throw new UsageError(
      `the openai grader needs an API key for ${scrubSecrets(baseURL ?? DEFAULT_BASE_URL)}: set OPENAI_API_KEY in the environment (a server on this machine needs none; for a server elsewhere that needs none, any value will do)`,
    );
  }
  return {
    kind,
    language: flags.lang,
    baseURL,
    apiKey,
    envKey: false,
    model: flags.model ?? fromFile?.model,
    timeoutMs: flags.timeoutMs ?? fromFile?.timeoutMs,
    maxConcurrency: fromFile?.maxConcurrency,
    maxRequests: flags.maxRequests ?? fromFile?.maxRequests,
    cascade: fromFile?.cascade,
    atomic: fromFile?.atomic,
    cacheFile: flags.noCache ? undefined : join(cwd, CACHE_FILE),
    log,
  };
}

/** Throws a UsageError unless `baseURL` is an http(s) URL; `source` names where it came from. */
export function checkURL(baseURL: string, source = '--base-url'): void {
  const problem = baseURLProblem(baseURL);
  if (problem) throw new UsageError(`${source} ${problem}`);
}

/** A grader failure's reason, with the CLI's way out where it is the key (the engine's reasons name no host). */
export function withKeyHint(reason: string): string {
  return isKeyProblem(reason) ? `${reason}; set OPENAI_API_KEY to a key it accepts` : reason;
}

/** The grader's notices (format fallbacks, cache trouble) go to stderr once each: a long run repeats them. */
export function noticeLog(stderr: (s: string) => void): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    stderr(`claimcheck: note: ${message}\n`);
  };
}
