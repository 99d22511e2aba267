// The grader for a document: settings, `.claimcheck.json` and the SecretStorage key, merged with trust in mind.
import * as vscode from 'vscode';
import { JsonFileCacheStore } from '../core/cache';
import { createGrader, estimateCost, unusableReason, type GraderConfig } from '../core/graders';
import { baseURLError, invalidBaseURL, scrubSecrets, type CostEstimate } from '../core/graders/openai';
import type { GradeRequest, Grader, ReasonLanguage } from '../core/types';
import { graderConfig } from './graderConfig';
import { endpointOrigin, keyFor, parseKeyRing, withKey, type KeyRing } from './keyring';
import type { ProjectConfig } from './projectConfig';
import type { Settings } from './settings';

/** The SecretStorage entry under which `claimcheck.setApiKey` keeps the API keys, one per endpoint (see keyring.ts). */
export const API_KEY_SECRET = 'claimcheck.openai.apiKey';

/** The language of reasons in this UI: Japanese in a Japanese VS Code, English otherwise. */
export function uiLanguage(): ReasonLanguage {
  return vscode.env.language.startsWith('ja') ? 'ja' : 'en';
}

/** One grader per distinct configuration, so its usage counters live across checks; one persisted cache for all. */
export class GraderProvider implements vscode.Disposable {
  private readonly graders = new Map<string, Grader>();
  private readonly subscriptions: vscode.Disposable[];
  private store: JsonFileCacheStore | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    onSettingsChange: vscode.Event<void>,
  ) {
    this.subscriptions = [
      onSettingsChange(() => this.graders.clear()),
      context.secrets.onDidChange((e) => {
        if (e.key === API_KEY_SECRET) this.graders.clear();
      }),
    ];
  }

  config(settings: Settings, project: ProjectConfig): GraderConfig {
    // The offline grader's reasons in the UI's language.
    return { ...graderConfig(settings, project, vscode.workspace.isTrusted), language: uiLanguage() };
  }

  async get(settings: Settings, project: ProjectConfig): Promise<Grader> {
    const config = this.config(settings, project);
    if (config.baseURL !== undefined && invalidBaseURL(config.baseURL)) {
      // Said once, naming the setting, rather than as "Invalid URL" on every claim.
      const source = vscode.workspace.isTrusted && project.grader?.baseURL !== undefined ? 'grader.baseURL (.claimcheck.json)' : 'claimcheck.openai.baseUrl';
      throw baseURLError(source, scrubSecrets(config.baseURL));
    }
    const key = JSON.stringify(config);
    let grader = this.graders.get(key);
    if (!grader) {
      if (config.kind === 'openai') {
        // OPENAI_API_KEY only where keyFor allows it: for the environment's own endpoint.
        config.apiKey = keyFor(await this.ring(), config.baseURL).key;
        config.envKey = false;
        config.cacheStore = await this.cacheStore();
        config.log = (m) => this.log.info(m);
      }
      grader = createGrader(config);
      this.graders.set(key, grader);
    }
    return grader;
  }

  /** Why the configured grader cannot run at all (no key for an endpoint off this machine), before a check starts. */
  async unusable(settings: Settings, project: ProjectConfig): Promise<string | undefined> {
    const config = this.config(settings, project);
    if (config.kind !== 'openai') return undefined;
    const { key, elsewhere } = keyFor(await this.ring(), config.baseURL);
    const reason = unusableReason({ ...config, apiKey: key, envKey: false });
    if (!reason || !elsewhere.length) return reason;
    return vscode.l10n.t('the API key you set is for {0}, not for {1} (ClaimCheck sends a key only to the endpoint it was set for)', elsewhere.join(', '), this.endpoint(settings, project));
  }

  /** The endpoint (scheme, host and port) that keys set now are for: the one this configuration sends to. */
  endpoint(settings: Settings, project: ProjectConfig): string {
    const config = this.config(settings, project);
    return endpointOrigin(config.kind === 'openai' ? config.baseURL : settings.openai.baseUrl);
  }

  /** Stores (or, when empty, removes) the key for one endpoint. */
  async setKey(endpoint: string, key: string): Promise<void> {
    const ring = withKey(await this.ring(), endpoint, key);
    if (Object.keys(ring).length) await this.context.secrets.store(API_KEY_SECRET, JSON.stringify(ring));
    else await this.context.secrets.delete(API_KEY_SECRET);
  }

  private async ring(): Promise<KeyRing> {
    // A key stored before keys were bound belongs to the endpoint of the user's own settings.
    const own = vscode.workspace.getConfiguration('claimcheck').inspect<string>('openai.baseUrl')?.globalValue;
    return parseKeyRing(await this.context.secrets.get(API_KEY_SECRET), endpointOrigin(own));
  }

  /** Requests and tokens grading these requests would spend (claims already in the cache cost nothing). */
  async estimate(requests: readonly GradeRequest[], config: GraderConfig): Promise<CostEstimate> {
    return estimateCost(requests, config, config.kind === 'openai' ? await this.cacheStore() : undefined);
  }

  /** Whether checks run on save: 'auto' means on for the offline grader only. */
  checkOnSave(settings: Settings, project: ProjectConfig): boolean {
    if (settings.checkOnSave !== 'auto') return settings.checkOnSave === 'on';
    return this.config(settings, project).kind === 'offline';
  }

  private async cacheStore(): Promise<JsonFileCacheStore> {
    if (!this.store) {
      await vscode.workspace.fs.createDirectory(this.context.globalStorageUri);
      const file = vscode.Uri.joinPath(this.context.globalStorageUri, 'openai-cache.json').fsPath;
      this.store = new JsonFileCacheStore(file, { log: (m) => this.log.warn(m), language: uiLanguage() });
    }
    return this.store;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.graders.clear();
  }
}
