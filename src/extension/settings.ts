// Typed `claimcheck.*` settings, read per resource, sanitised and cached until the configuration or trust changes.
import * as vscode from 'vscode';
import { DEFAULTS as OPENAI_DEFAULTS } from '../core/graders/openai/options';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'ignore';
export type GraderKind = 'offline' | 'openai';

export interface Settings {
  grader: GraderKind;
  openai: { baseUrl: string; model: string; timeoutMs: number; maxConcurrency: number; maxRequests: number };
  cascade: boolean;
  atomic: boolean;
  references: string[];
  include: string[];
  exclude: string[];
  checkOnSave: 'auto' | 'on' | 'off';
  severity: { contradicted: SeverityName; unsupported: SeverityName };
  maxFileSizeKB: number;
  scanConcurrency: number;
}

/** The severity a flagged verdict is shown with ("ignore": neither diagnostic, hover nor Claims view row). */
export function severityFor(severity: Settings['severity'], verdict: 'contradicted' | 'unsupported'): SeverityName {
  return verdict === 'contradicted' ? severity.contradicted : severity.unsupported;
}

/** Whether a verdict is shown at all (diagnostic, hover, Claims view row, status count): not when its severity is "ignore". */
export function isShown(severity: Settings['severity'], verdict: 'supported' | 'contradicted' | 'unsupported'): boolean {
  return verdict === 'supported' || severityFor(severity, verdict) !== 'ignore';
}

/** Settings that choose where document text is sent: in an untrusted workspace, only the user's own values count. */
export const RESTRICTED_SETTINGS = ['grader', 'openai.baseUrl', 'openai.model'] as const;

const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'ignore'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function num(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, value) : fallback;
}

function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : fallback;
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

/** Reads the settings for one resource. When `trusted` is false, restricted settings come from user settings only. */
export function readSettings(scope: vscode.Uri | undefined, trusted: boolean): Settings {
  const c = vscode.workspace.getConfiguration('claimcheck', scope);
  const restricted = (key: (typeof RESTRICTED_SETTINGS)[number]): unknown => {
    if (trusted) return c.get(key);
    const i = c.inspect(key);
    return i?.globalValue ?? i?.defaultValue;
  };
  return {
    grader: oneOf(restricted('grader'), ['offline', 'openai'] as const, 'offline'),
    openai: {
      baseUrl: str(restricted('openai.baseUrl'), ''),
      model: str(restricted('openai.model'), ''),
      timeoutMs: num(c.get('openai.timeoutMs'), OPENAI_DEFAULTS.timeoutMs, 1000),
      maxConcurrency: Math.floor(num(c.get('openai.maxConcurrency'), 4, 1)),
      maxRequests: Math.floor(num(c.get('openai.maxRequests'), 0, 0)),
    },
    cascade: c.get('cascade') === true,
    atomic: c.get('atomic') === true,
    references: strings(c.get('references'), ['references/**', 'refs/**']),
    include: strings(c.get('include'), ['**/*.md', '**/*.markdown', '**/*.txt']),
    exclude: strings(c.get('exclude'), ['**/node_modules/**', '**/.git/**']),
    checkOnSave: oneOf(c.get('checkOnSave'), ['auto', 'on', 'off'] as const, 'auto'),
    severity: {
      contradicted: oneOf(c.get('severity.contradicted'), SEVERITIES, 'warning'),
      unsupported: oneOf(c.get('severity.unsupported'), SEVERITIES, 'information'),
    },
    maxFileSizeKB: num(c.get('maxFileSizeKB'), 1024, 1),
    scanConcurrency: Math.floor(num(c.get('scan.maxConcurrency'), 4, 1)),
  };
}

/** Caches `readSettings` per resource; dropped whenever the `claimcheck` configuration or workspace trust changes. */
export class SettingsCache implements vscode.Disposable {
  private readonly cache = new Map<string, Settings>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimcheck') || e.affectsConfiguration('files.exclude')) this.reset();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reset()),
      this.changed,
    ];
  }

  get(scope: vscode.Uri | undefined): Settings {
    // Resource-scoped settings vary per workspace folder, so that is the cache key.
    const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
    const key = `${vscode.workspace.isTrusted}|${folder?.uri.toString() ?? ''}`;
    let s = this.cache.get(key);
    if (!s) {
      s = readSettings(folder?.uri ?? scope, vscode.workspace.isTrusted);
      this.cache.set(key, s);
    }
    return s;
  }

  private reset(): void {
    this.cache.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
