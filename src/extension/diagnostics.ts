// One pure function turns an engine finding into a `vscode.Diagnostic`; the severity map includes "ignore".
import * as vscode from 'vscode';
import { RULE_HELP } from '../core/report';
import { codeForVerdict, type Finding, type Verdict } from '../core/types';
import { severityFor, type SeverityName, type Settings } from './settings';

export const DIAGNOSTIC_SOURCE = 'ClaimCheck';

const SEVERITY: Record<Exclude<SeverityName, 'ignore'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function verdictLabel(verdict: Verdict): string {
  switch (verdict) {
    case 'contradicted':
      return vscode.l10n.t('Contradicted');
    case 'unsupported':
      return vscode.l10n.t('Unsupported');
    default:
      return vscode.l10n.t('Supported');
  }
}

export function shorten(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export interface DiagnosticContext {
  severity: Settings['severity'];
  /** The file an evidence `source` names. */
  evidenceUri(source: string): vscode.Uri;
}

/** A finding on `range` as a diagnostic, or undefined when its verdict is supported or its severity is "ignore". */
export function findingToDiagnostic(finding: Finding, range: vscode.Range, ctx: DiagnosticContext): vscode.Diagnostic | undefined {
  const code = codeForVerdict(finding.verdict);
  if (!code || finding.verdict === 'supported') return undefined;
  const severity = severityFor(ctx.severity, finding.verdict);
  if (severity === 'ignore') return undefined;
  const message = finding.failed
    ? vscode.l10n.t('Not judged: {0}', finding.reason)
    : vscode.l10n.t('{0}: {1}', verdictLabel(finding.verdict), finding.reason);
  const d = new vscode.Diagnostic(range, message, SEVERITY[severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: code, target: vscode.Uri.parse(RULE_HELP[code].uri) };
  d.relatedInformation = finding.evidence.map(
    (e) =>
      new vscode.DiagnosticRelatedInformation(
        new vscode.Location(ctx.evidenceUri(e.source), new vscode.Position(Math.max(0, e.line - 1), 0)),
        // The location is shown beside it (and is the link): the message is the quote alone.
        vscode.l10n.t('Evidence: {0}', shorten(e.quote)),
      ),
  );
  return d;
}
