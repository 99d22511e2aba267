// The Claims view (Explorer): every checked document and each of its claims with its verdict, supported ones
// too, so a reviewer sees what was verified and against which reference, one click from the text.
import * as vscode from 'vscode';
import type { Verdict } from '../core/types';
import { shorten, verdictLabel } from './diagnostics';
import type { DocResult, ResultStore, StoredFinding } from './results';
import { isShown, severityFor, type SettingsCache, type SeverityName } from './settings';

/**
 * A row. A claim is named by its hash and which of the document's claims with that hash it is: rows are built
 * once per change of the list, and a claim that only moved is found again where it is now.
 */
type Node =
  | { kind: 'document'; result: DocResult }
  | { kind: 'claim'; result: DocResult; stored: StoredFinding; nth: number }
  | { kind: 'more'; result: DocResult; count: number };

/** Rows listed per document at most: beyond that, the flagged claims only (the Problems panel has them all). */
export const MAX_ROWS = 500;

/** What a test (or another extension) can read of the view: its rows, as shown. */
export interface ClaimsSnapshot {
  document: string;
  description: string;
  claims: { label: string; description: string; verdict: Verdict; notJudged: boolean }[];
}

/** Paths as the Explorer orders them: case aside, numbers by value (one collator, not one per comparison). */
const BY_PATH = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

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
  /** Per document, the `rows` of the result the view last listed. */
  private listed = new Map<string, number>();

  constructor(
    private readonly store: ResultStore,
    private readonly settings: SettingsCache,
  ) {
    // Typing moves every claim of the document without changing the list: the view is rebuilt only when the
    // list changes (rebuilding thousands of rows per keystroke held the extension host for seconds).
    const refresh = (): void => {
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.changed.fire(undefined), 150);
    };
    const onStore = (): void => {
      const now = new Map(this.store.all().map((r) => [r.uri.toString(), r.rows]));
      if (now.size !== this.listed.size || [...now].some(([k, v]) => this.listed.get(k) !== v)) refresh();
    };
    this.subscriptions = [this.changed, store.onDidChange(onStore), settings.onDidChange(refresh)];
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const results = this.store.all();
      this.listed = new Map(results.map((r) => [r.uri.toString(), r.rows]));
      return results
        .filter((r) => r.findings.some(this.visible(r)))
        .map((result) => ({ result, path: vscode.workspace.asRelativePath(result.uri), inside: !!vscode.workspace.getWorkspaceFolder(result.uri) }))
        // As the Explorer orders them (case aside, numbers by value); files outside the folders (untitled, elsewhere) last.
        .sort((a, b) => Number(b.inside) - Number(a.inside) || BY_PATH.compare(a.path, b.path))
        .map(({ result }) => ({ kind: 'document', result }));
    }
    if (node.kind !== 'document') return [];
    const shown = this.shown(node.result);
    // Numbered among all the document's claims, as `current` finds them again (hidden ones count too).
    const position = new Map<StoredFinding, number>();
    const seen = new Map<string, number>();
    for (const f of node.result.findings) {
      const n = seen.get(f.hash) ?? 0;
      seen.set(f.hash, n + 1);
      position.set(f, n);
    }
    const nth = (s: StoredFinding): number => position.get(s) ?? 0;
    const row = (stored: StoredFinding): Node => ({ kind: 'claim', result: node.result, stored, nth: nth(stored) });
    if (shown.length <= MAX_ROWS) return shown.map(row);
    // Over the limit, the flagged claims only (a row is made only for those listed: 21,000 claims is common).
    const flagged: Node[] = [];
    for (const stored of shown) {
      if (flagged.length >= MAX_ROWS) break;
      if (stored.finding.verdict !== 'supported') flagged.push(row(stored));
    }
    return [...flagged, { kind: 'more', result: node.result, count: shown.length - flagged.length }];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'document') {
      const item = new vscode.TreeItem(node.result.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.result.uri.toString();
      item.description = this.documentDescription(node.result);
      item.contextValue = 'claimcheck.document';
      return item;
    }
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(vscode.l10n.t('{0} more claims not listed (over {1}): the Problems panel has every flagged one', node.count, MAX_ROWS));
      item.id = `${node.result.uri.toString()}#more`;
      return item;
    }
    const { finding: f } = node.stored;
    const item = new vscode.TreeItem(shorten(f.text, 100), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.result.uri.toString()}#${node.stored.hash}#${node.nth}`;
    item.description = claimDescription(f.verdict, f.confidence, !!f.failed);
    item.iconPath = ICON[f.failed ? 'failed' : f.verdict === 'supported' ? 'supported' : this.severity(node.result, f.verdict)];
    // Menus key on these: Open Evidence where there is some, Accept Claim where the claim is flagged.
    item.contextValue = `claimcheck.claim${f.verdict !== 'supported' ? '.flagged' : ''}${f.evidence.length ? '.evidence' : ''}`;
    return item;
  }

  /**
   * The reason and the first evidence quote, made when the pointer rests on a row (not for thousands of rows),
   * and the click, which selects the claim where it stands now.
   */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind !== 'claim') return item;
    const now = this.current(node) ?? node.stored;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Go to Claim'), arguments: [node.result.uri, { selection: now.range, preserveFocus: false }] };
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

  /** The claim a row shows, as it stands now (it may have moved since the rows were built). */
  private current(node: Extract<Node, { kind: 'claim' }>): StoredFinding | undefined {
    return this.store.get(node.result.uri)?.findings.filter((s) => s.hash === node.stored.hash)[node.nth];
  }

  /** The view's rows as they read, for tests and scripts. */
  snapshot(): ClaimsSnapshot[] {
    return this.getChildren().map((doc) => ({
      document: vscode.workspace.asRelativePath((doc as { result: DocResult }).result.uri),
      description: String(this.getTreeItem(doc).description),
      claims: this.getChildren(doc).flatMap((n) => {
        if (n.kind !== 'claim') return [];
        const item = this.getTreeItem(n);
        return [{ label: String(item.label), description: String(item.description), verdict: n.stored.finding.verdict, notJudged: !!n.stored.finding.failed }];
      }),
    }));
  }

  /** The claims a document shows: a verdict whose severity is "ignore" stays quiet here too. */
  private shown(result: DocResult): StoredFinding[] {
    const { severity } = this.settings.get(result.uri);
    if (severity.contradicted !== 'ignore' && severity.unsupported !== 'ignore') return result.findings;
    return result.findings.filter(this.visible(result));
  }

  private visible(result: DocResult): (s: StoredFinding) => boolean {
    const { severity } = this.settings.get(result.uri);
    return (s) => isShown(severity, s.finding.verdict);
  }

  private severity(result: DocResult, verdict: Exclude<Verdict, 'supported'>): SeverityName {
    return severityFor(this.settings.get(result.uri).severity, verdict);
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
  const n = arg as Partial<Extract<Node, { kind: 'claim' }>> | undefined;
  return n && typeof n === 'object' && n.kind === 'claim' && n.stored && n.result ? { result: n.result, stored: n.stored } : undefined;
}
