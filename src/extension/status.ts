// A language status item for Markdown and plain text, and for a document of any other language while a check has
// something to say of it (a checked selection of JSON, say): counts for the active document, and whether they are stale.
import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import type { ResultStore } from './results';
import { isShown, type SettingsCache } from './settings';
import { statusView } from './statusView';

export const CHECKED_LANGUAGES = ['markdown', 'plaintext'];

/** The status item as the user sees it, for the active editor. */
export interface StatusSnapshot {
  text: string;
  detail: string;
  busy: boolean;
  /** Whether VS Code shows the item for the active document (its selector matches it). */
  shown: boolean;
}

/** Documents the item always shows for: those Check Claims checks whole. */
const ALWAYS: readonly vscode.DocumentFilter[] = CHECKED_LANGUAGES.map((language) => ({ language }));

export class ClaimStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('claimcheck.status', [...ALWAYS]);
  /** The one document the selector names besides the languages (the active one, while it has a result). */
  private named: string | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: ResultStore,
    private readonly settings: SettingsCache,
  ) {
    this.item.name = 'ClaimCheck';
    this.item.command = { command: COMMANDS.checkClaims, title: vscode.l10n.t('Check Claims') };
    this.subscriptions = [this.item, store.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const result = doc && this.store.get(doc.uri);
    // One pass: this runs on every keystroke, over every claim of the document. A verdict set to "ignore" is
    // left out, as the Claims view leaves it out.
    const { severity } = this.settings.get(doc?.uri);
    let claims = 0;
    let contradicted = 0;
    let unsupported = 0;
    let notJudged = 0;
    for (const { finding: f } of result?.findings ?? []) {
      if (!isShown(severity, f.verdict)) continue;
      claims++;
      if (f.verdict === 'contradicted') contradicted++;
      if (f.verdict === 'unsupported' && !f.failed) unsupported++;
      if (f.failed) notJudged++;
    }
    const view = statusView(
      {
        result: result && {
          claims,
          contradicted,
          unsupported,
          notJudged,
          stale: result.stale,
          partial: result.partial,
        },
        unchecked: doc && this.store.unchecked(doc.uri),
      },
      vscode.l10n.t,
    );
    this.item.busy = !!doc && this.store.isChecking(doc.uri);
    this.showFor(doc && (result || this.item.busy || this.store.unchecked(doc.uri)) ? doc : undefined);
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = view.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  /**
   * Names `doc` in the selector, whatever its language, so the item shows for it: only the active document's
   * counts are shown, so one is enough. Assigned only when it changes, not on every keystroke.
   */
  private showFor(doc: vscode.TextDocument | undefined): void {
    const key = doc?.uri.toString();
    if (key === this.named) return;
    this.named = key;
    // An exact path: VS Code matches a pattern equal to the document's path before trying it as a glob.
    this.item.selector = doc ? [...ALWAYS, { scheme: doc.uri.scheme, pattern: doc.uri.fsPath }] : [...ALWAYS];
  }

  /** What the item shows now: a language status item cannot be read back through the API (tests read this). */
  snapshot(): StatusSnapshot {
    const doc = vscode.window.activeTextEditor?.document;
    const shown = !!doc && vscode.languages.match(this.item.selector, doc) > 0;
    return { text: this.item.text, detail: this.item.detail ?? '', busy: this.item.busy, shown };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
