// Show Coverage: which statements of a document's references the document leaves out, in a quick pick that
// opens each one in its reference. The engine's `coverage` does the work; this is the editor's view of it.
import * as vscode from 'vscode';
import { coverage, type CoverageReport } from '../core/coverage';
import { CancelledError } from '../core/errors';
import { COMMANDS } from './commandIds';
import { shorten } from './diagnostics';
import { withAbortableProgress } from './progress';
import { evidenceUri } from './references';
import type { Services } from './services';

export interface CoverageResult extends CoverageReport {
  document: string;
}

export async function showCoverage(s: Services, given?: vscode.Uri): Promise<CoverageResult | undefined> {
  const doc = given ? await vscode.workspace.openTextDocument(given) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or text document to see which statements of its references it leaves out.'));
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(doc.uri);
  const text = doc.getText();
  const found = await s.checker.referenceSet({ uri: doc.uri, text }, await s.checker.context(doc.uri));
  if ('status' in found) {
    void vscode.window.showWarningMessage(found.message);
    return undefined;
  }
  // No result records what it read: its folders outside the workspace stay watched, and its set loaded, while the
  // document is open, not only until the next result lets them go.
  s.checker.references.keepWhileOpen(doc.uri, { base: found.base, patterns: found.patterns });
  const report = await withAbortableProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('ClaimCheck: reading the references of {0} against it', name), cancellable: true },
    async (signal) => {
      try {
        return await coverage(text, found.set.index.passages, { signal });
      } catch (e) {
        if (e instanceof CancelledError) return undefined;
        throw e;
      }
    },
  );
  if (!report) return undefined;
  const summary = vscode.l10n.t('{0} states {1} of {2} statements of its references ({3}%)', name, report.covered, report.statements, report.percent);
  s.log.info(report.skipped ? vscode.l10n.t('{0}; {1} more not looked at', summary, report.skipped) : summary);
  if (!report.leftOut.length) void vscode.window.showInformationMessage(summary);
  else void pick(found.base, summary, report);
  return { document: name, ...report };
}

type Item = vscode.QuickPickItem & { source?: string; line?: number; text?: string };

async function pick(base: vscode.Uri, title: string, report: CoverageReport): Promise<void> {
  const row = (l: CoverageReport['leftOut'][number]): Item => ({ label: shorten(l.text, 140), description: `${l.source}:${l.line}`, source: l.source, line: l.line, text: l.text });
  const none = report.leftOut.filter((l) => !l.partly);
  const partly = report.leftOut.filter((l) => l.partly);
  const items: Item[] = [
    ...(none.length ? [{ label: vscode.l10n.t('Left out ({0})', none.length), kind: vscode.QuickPickItemKind.Separator }, ...none.map(row)] : []),
    ...(partly.length ? [{ label: vscode.l10n.t('Said in part ({0})', partly.length), kind: vscode.QuickPickItemKind.Separator }, ...partly.map(row)] : []),
  ];
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Pick a statement to open it in its reference'), matchOnDescription: true });
  if (chosen?.source) await vscode.commands.executeCommand(COMMANDS.openEvidence, evidenceUri(base, chosen.source), chosen.line, chosen.text);
}
