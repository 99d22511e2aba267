// Grader settings from flags, then .claimcheck.json, then the environment. Secrets only ever come from the environment.
import { join } from 'node:path';
import type { ConfigGraderOptions } from '../core/config';
import type { GraderConfig } from '../core/graders';
import { baseURLError, DEFAULT_BASE_URL, invalidBaseURL, isKeyProblem, keyMissing, scrubSecrets, urlOrigin } from '../core/graders/openai';
import { sayProblem } from '../core/problems';
import { messages } from '../core/report/messages';
import type { ReasonLanguage } from '../core/types';
import { UsageError, type GraderFlags } from './args';
import { complain } from './io';

export const CACHE_FILE = join('.claimcheck', 'cache.json');

export function graderConfig(
  flags: GraderFlags,
  fromFile: ConfigGraderOptions | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
  log?: (message: string) => void,
): GraderConfig {
  const say = messages(flags.lang);
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
    if (unused.length) log?.(say.unusedFlags(unused as string[]));
    return config;
  }
  // An empty OPENAI_BASE_URL (a CI variable left blank) counts as unset.
  const fromEnv = env.OPENAI_BASE_URL || undefined;
  const baseURL = flags.baseURL ?? fromEnv ?? fromFile?.baseURL;
  // Checked with or without a key: a bad URL is a usage error, not a grading failure per claim.
  if (baseURL !== undefined) checkURL(baseURL, flags.baseURL !== undefined ? '--base-url' : fromEnv !== undefined ? 'OPENAI_BASE_URL' : 'grader.baseURL', flags.lang);
  // OPENAI_API_KEY goes only to an endpoint the user names (--base-url, OPENAI_BASE_URL, else OpenAI's): a
  // repository's .claimcheck.json (a pull request may change it) must not collect the key in CI.
  const chosenByFile = baseURL !== undefined && flags.baseURL === undefined && fromEnv === undefined;
  const keyAllowed = !chosenByFile || urlOrigin(baseURL) === urlOrigin(DEFAULT_BASE_URL);
  const apiKey = keyAllowed ? env.OPENAI_API_KEY || undefined : undefined;
  if (!keyAllowed && env.OPENAI_API_KEY && keyMissing(baseURL, undefined)) {
    throw new UsageError(say.keyForConfigEndpoint(scrubSecrets(baseURL)));
  }
  if (keyMissing(baseURL, apiKey)) throw new UsageError(say.keyMissing(scrubSecrets(baseURL ?? DEFAULT_BASE_URL)));
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
export function checkURL(baseURL: string, source = '--base-url', lang: ReasonLanguage = 'en'): void {
  if (!invalidBaseURL(baseURL)) return;
  // Only what is wrong: the problem's hint is about the editor's setting.
  const err = baseURLError(source, scrubSecrets(baseURL));
  throw new UsageError(messages(lang).badBaseURL(source, sayProblem(err.kind, err.file, err.args, lang).problem));
}

/** A grader failure's reason, with the CLI's way out where it is the key (the engine's reasons name no host). */
export function withKeyHint(reason: string, lang: ReasonLanguage = 'en'): string {
  return isKeyProblem(reason) ? messages(lang).keyHint(reason) : reason;
}

/** The grader's notices (format fallbacks, cache trouble) go to stderr once each: a long run repeats them. */
export function noticeLog(stderr: (s: string) => void, lang: ReasonLanguage = 'en'): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    complain(stderr, messages(lang).note(message));
  };
}
