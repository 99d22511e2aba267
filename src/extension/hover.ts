// Hover on a flagged claim: verdict, confidence, the evidence quote with a link to it, the reason, the grader.
import * as vscode from 'vscode';
import { shorten, verdictLabel } from './diagnostics';
import { evidenceUri } from './references';
import type { ResultStore } from './results';
import { isShown, type SettingsCache } from './settings';

export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: ResultStore,
    private readonly settings: SettingsCache,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.store.get(document.uri);
    const hit = result?.findings.find((s) => s.finding.verdict !== 'supported' && s.range.contains(position));
    if (!result || !hit) return undefined;
    const f = hit.finding;
    // Only where a diagnostic shows: a verdict whose severity is set to "ignore" stays quiet here too. Asked of
    // the settings, not of the published diagnostics: those catch up with typing only once it pauses.
    if (!isShown(this.settings.get(document.uri).severity, f.verdict)) return undefined;
    const md = new vscode.MarkdownString();
    const grader = result.grader.model ? `${result.grader.id} (${result.grader.model})` : result.grader.id;
    if (f.failed) {
      // No verdict was reached: neither a confidence nor "judged by" would be true.
      md.appendMarkdown(`**ClaimCheck: ${vscode.l10n.t('Not judged')}**\n\n`);
      md.appendText(vscode.l10n.t('The {0} grader could not judge this claim: {1}', grader, f.reason));
      return new vscode.Hover(md, hit.range);
    }
    md.appendMarkdown(`**ClaimCheck: ${verdictLabel(f.verdict)}** `);
    md.appendText(vscode.l10n.t('(confidence {0}%)', Math.round(f.confidence * 100)));
    for (const e of f.evidence.slice(0, 3)) {
      const target = evidenceUri(result.base, e.source).with({ fragment: `L${e.line}` });
      md.appendMarkdown('\n\n> ');
      md.appendText(shorten(e.quote, 400));
      md.appendMarkdown(`\n\n[${vscode.l10n.t('Open {0}:{1}', e.source, e.line).replace(/[[\]]/g, '')}](${target.toString()})`);
    }
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('Reason: {0}', f.reason));
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('Judged by the {0} grader', grader));
    return new vscode.Hover(md, hit.range);
  }
}
