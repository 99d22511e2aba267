// Grader settings from flags, then .claimcheck.json, then the environment. Secrets only ever come from the environment.
import { join } from 'node:path';
import type { ConfigGraderOptions } from '../core/config';
import type { GraderConfig } from '../core/graders';
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
  const config: GraderConfig = { kind };
  if (kind !== 'openai') return config;
  const baseURL = flags.baseURL ?? env.OPENAI_BASE_URL ?? fromFile?.baseURL;
  const apiKey = env.OPENAI_API_KEY || undefined;
  if (!apiKey && !(baseURL && isLocal(baseURL))) {
    throw new UsageError(
      '--grader openai needs an API key: set OPENAI_API_KEY in the environment (or point --base-url at a local server such as http://localhost:11434/v1)',
    );
  }
  return {
    kind,
    baseURL,
    apiKey,
    model: flags.model ?? fromFile?.model,
    timeoutMs: fromFile?.timeoutMs,
    maxConcurrency: fromFile?.maxConcurrency,
    maxRequests: flags.maxRequests ?? fromFile?.maxRequests,
    cascade: fromFile?.cascade,
    atomic: fromFile?.atomic,
    cacheFile: flags.noCache ? undefined : join(cwd, CACHE_FILE),
    log,
  };
}

/** Local model servers (Ollama, LM Studio, llama.cpp, vLLM on this machine) need no key. */
export function isLocal(baseURL: string): boolean {
  let host: string;
  try {
    host = new URL(baseURL).hostname.replace(/^\[|\]$/g, '');
  } catch {
    throw new UsageError(`--base-url must be a URL such as http://localhost:11434/v1, not '${baseURL}'`);
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^127\./.test(host);
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
