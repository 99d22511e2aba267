// A language status item for Markdown and plain text: counts for the active document, and whether they are stale.
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
}

export class ClaimStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem(
    'claimcheck.status',
    CHECKED_LANGUAGES.map((language) => ({ language })),
  );
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
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = view.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  /** What the item shows now: a language status item cannot be read back through the API (tests read this). */
  snapshot(): StatusSnapshot {
    return { text: this.item.text, detail: this.item.detail ?? '', busy: this.item.busy };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
