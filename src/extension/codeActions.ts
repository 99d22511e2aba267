// Quick fixes on ClaimCheck diagnostics: open the evidence, accept the claim, replace a value with the reference's.
import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { evidenceUri } from './references';
import type { ResultStore } from './results';

export class ClaimCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: ResultStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.store.get(document.uri);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const stored = result.findings.find((s) => s.range.isEqual(diagnostic.range));
      if (!stored) continue;
      const f = stored.finding;
      if (f.fix) {
        const edit = new vscode.WorkspaceEdit();
        const range = new vscode.Range(document.positionAt(f.start + f.fix.start), document.positionAt(f.start + f.fix.end));
        const said = f.fix.said ?? { from: f.text.slice(f.fix.start, f.fix.end), to: f.fix.text };
        edit.replace(document.uri, range, f.fix.text);
        const fix = new vscode.CodeAction(vscode.l10n.t('Replace "{0}" with "{1}" (from the reference)', said.from, said.to), vscode.CodeActionKind.QuickFix);
        fix.edit = edit;
        fix.diagnostics = [diagnostic];
        fix.isPreferred = true;
        actions.push(fix);
      }
      const e = f.evidence[0];
      if (e) {
        const open = new vscode.CodeAction(vscode.l10n.t('Open evidence: {0}:{1}', e.source, e.line), vscode.CodeActionKind.QuickFix);
        open.command = {
          command: COMMANDS.openEvidence,
          title: open.title,
          arguments: [evidenceUri(result.base, e.source), e.line, e.quote],
        };
        open.diagnostics = [diagnostic];
        actions.push(open);
      }
      const accept = new vscode.CodeAction(vscode.l10n.t('Accept this claim (record it in .claimcheck.json)'), vscode.CodeActionKind.QuickFix);
      accept.command = { command: COMMANDS.acceptClaim, title: accept.title, arguments: [document.uri, stored.hash] };
      accept.diagnostics = [diagnostic];
      actions.push(accept);
    }
    return actions;
  }
}
