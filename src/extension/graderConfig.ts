// Which grader a document gets, from settings and `.claimcheck.json`, with workspace trust in mind. No `vscode`
// import, so unit tests can check the trust rules directly.
import type { ProjectConfig } from '../core/config';
import type { GraderConfig } from '../core/graders';
import type { Settings } from './settings';

/**
 * What `.claimcheck.json` says first, then the settings. In an untrusted workspace the file's grader options
 * are ignored, and `settings` already holds the user's own endpoint and model (see `readSettings`).
 */
export function graderConfig(settings: Settings, project: ProjectConfig, trusted: boolean): GraderConfig {
  const file = trusted ? (project.grader ?? {}) : {};
  const kind = file.kind ?? settings.grader;
  if (kind === 'offline') return { kind };
  const config: GraderConfig = {
    kind,
    timeoutMs: file.timeoutMs ?? settings.openai.timeoutMs,
    maxConcurrency: file.maxConcurrency ?? settings.openai.maxConcurrency,
    cascade: file.cascade ?? settings.cascade,
    atomic: file.atomic ?? settings.atomic,
  };
  const baseURL = file.baseURL ?? settings.openai.baseUrl;
  const model = file.model ?? settings.openai.model;
  const maxRequests = file.maxRequests ?? settings.openai.maxRequests;
  if (baseURL) config.baseURL = baseURL;
  if (model) config.model = model;
  if (maxRequests > 0) config.maxRequests = maxRequests;
  return config;
}
