// A language status item for Markdown and plain text: counts for the active document, and whether they are stale.
import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import type { ResultStore } from './results';

export const CHECKED_LANGUAGES = ['markdown', 'plaintext'];

export class ClaimStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem(
    'claimcheck.status',
    CHECKED_LANGUAGES.map((language) => ({ language })),
  );
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ResultStore) {
    this.item.name = 'ClaimCheck';
    this.item.command = { command: COMMANDS.checkClaims, title: vscode.l10n.t('Check Claims') };
    this.subscriptions = [this.item, store.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const result = doc && this.store.get(doc.uri);
    this.item.busy = !!doc && this.store.isChecking(doc.uri);
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    if (!result) {
      this.item.text = '$(checklist) ClaimCheck';
      this.item.detail = vscode.l10n.t('Not checked yet');
      return;
    }
    const contradicted = result.findings.filter((f) => f.finding.verdict === 'contradicted').length;
    const unsupported = result.findings.length - contradicted;
    this.item.text =
      result.findings.length === 0
        ? result.claims === 0
          ? vscode.l10n.t('$(check) No claims to check')
          : result.claims === 1
          ? vscode.l10n.t('$(check) 1 claim supported')
          : vscode.l10n.t('$(check) {0} claims supported', result.claims)
        : vscode.l10n.t('$(warning) {0} contradicted, {1} unsupported', contradicted, unsupported);
    this.item.detail =
      result.stale === 'edited'
        ? vscode.l10n.t('Edited since the last check')
        : result.stale === 'references'
          ? vscode.l10n.t('References changed since the last check')
          : result.partial
            ? vscode.l10n.t('Only a selection checked: run Check Claims without one for the whole document')
            : vscode.l10n.t('Up to date');
    if (contradicted > 0) this.item.severity = vscode.LanguageStatusSeverity.Warning;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
