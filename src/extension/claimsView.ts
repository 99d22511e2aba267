// The Claims view (Explorer): every checked document and each of its claims with its verdict, supported ones
// too, so a reviewer sees what was verified and against which reference, one click from the text.
import * as vscode from 'vscode';
import type { Verdict } from '../core/types';
import { shorten, verdictLabel } from './diagnostics';
import type { DocResult, ResultStore, StoredFinding } from './results';
import type { SettingsCache, SeverityName } from './settings';

type Node = { kind: 'document'; result: DocResult } | { kind: 'claim'; result: DocResult; stored: StoredFinding };

/** What a test (or another extension) can read of the view: its rows, as shown. */
export interface ClaimsSnapshot {
  document: string;
  description: string;
  claims: { label: string; description: string; verdict: Verdict; notJudged: boolean }[];
}

// A flagged claim wears its diagnostic's severity, as in the Problems panel.
const ICON: Record<SeverityName | 'supported' | 'failed', vscode.ThemeIcon> = {
  supported: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
  ignore: new vscode.ThemeIcon('circle-outline'), // not listed (see shown), typed for completeness
  failed: new vscode.ThemeIcon('circle-slash'),
};

export class ClaimsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: ResultStore,
    private readonly settings: SettingsCache,
  ) {
    // Typing moves every claim of the document: one refresh per pause, not per keystroke.
    const refresh = (): void => {
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.changed.fire(undefined), 150);
    };
    this.subscriptions = [this.changed, store.onDidChange(refresh), settings.onDidChange(refresh)];
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return this.store
        .all()
        .filter((r) => this.shown(r).length)
        .sort((a, b) => (vscode.workspace.asRelativePath(a.uri) < vscode.workspace.asRelativePath(b.uri) ? -1 : 1))
        .map((result) => ({ kind: 'document', result }));
    }
    return node.kind === 'document' ? this.shown(node.result).map((stored) => ({ kind: 'claim', result: node.result, stored })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'document') {
      const item = new vscode.TreeItem(node.result.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.description = this.documentDescription(node.result);
      item.contextValue = 'claimcheck.document';
      return item;
    }
    const { finding: f, range } = node.stored;
    const item = new vscode.TreeItem(shorten(f.text, 100), vscode.TreeItemCollapsibleState.None);
    item.description = claimDescription(f.verdict, f.confidence, !!f.failed);
    item.iconPath = ICON[f.failed ? 'failed' : f.verdict === 'supported' ? 'supported' : this.severity(node.result, f.verdict)];
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Go to Claim'), arguments: [node.result.uri, { selection: range, preserveFocus: false }] };
    // Menus key on these: Open Evidence where there is some, Accept Claim where the claim is flagged.
    item.contextValue = `claimcheck.claim${f.verdict !== 'supported' ? '.flagged' : ''}${f.evidence.length ? '.evidence' : ''}`;
    return item;
  }

  /** The reason and the first evidence quote, made when the pointer rests on a row (not for thousands of rows). */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind !== 'claim') return item;
    const f = node.stored.finding;
    const tip = new vscode.MarkdownString();
    tip.appendText(f.reason);
    for (const e of f.evidence.slice(0, 1)) {
      tip.appendMarkdown('\n\n> ');
      tip.appendText(shorten(e.quote, 300));
      tip.appendMarkdown('\n\n');
      tip.appendText(`${e.source}:${e.line}`);
    }
    item.tooltip = tip;
    return item;
  }

  /** The view's rows as they read, for tests and scripts. */
  snapshot(): ClaimsSnapshot[] {
    return this.getChildren().map((doc) => ({
      document: vscode.workspace.asRelativePath((doc as { result: DocResult }).result.uri),
      description: String(this.getTreeItem(doc).description),
      claims: this.getChildren(doc).map((n) => {
        const { finding } = (n as { stored: StoredFinding }).stored;
        const item = this.getTreeItem(n);
        return { label: String(item.label), description: String(item.description), verdict: finding.verdict, notJudged: !!finding.failed };
      }),
    }));
  }

  /** The claims a document shows: a verdict whose severity is "ignore" stays quiet here too. */
  private shown(result: DocResult): StoredFinding[] {
    return result.findings.filter((s) => s.finding.verdict === 'supported' || this.severity(result, s.finding.verdict) !== 'ignore');
  }

  private severity(result: DocResult, verdict: Exclude<Verdict, 'supported'>): SeverityName {
    const { severity } = this.settings.get(result.uri);
    return verdict === 'contradicted' ? severity.contradicted : severity.unsupported;
  }

  /** Counts of the rows shown (an accepted claim or an ignored verdict is not one). */
  private documentDescription(result: DocResult): string {
    const shown = this.shown(result);
    const flagged = shown.filter((s) => s.finding.verdict !== 'supported').length;
    const text = shown.length === 1 ? vscode.l10n.t('1 claim, {0} flagged', flagged) : vscode.l10n.t('{0} claims, {1} flagged', shown.length, flagged);
    return result.stale ? `${text} · ${vscode.l10n.t('out of date')}` : text;
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const d of this.subscriptions) d.dispose();
  }
}

function claimDescription(verdict: Verdict, confidence: number, failed: boolean): string {
  return failed ? vscode.l10n.t('Not judged') : `${verdictLabel(verdict)} ${Math.round(confidence * 100)}%`;
}

/** The claim a context-menu command was invoked on, if it came from this view. */
export function claimNode(arg: unknown): { result: DocResult; stored: StoredFinding } | undefined {
  const n = arg as Partial<Node> | undefined;
  return n && typeof n === 'object' && n.kind === 'claim' && n.stored && n.result ? { result: n.result, stored: n.stored } : undefined;
}
