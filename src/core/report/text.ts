// Compiler-style text: editors and CI logs turn `path:line:col:` into links. Positions are 1-based.
import { LineMap } from '../positions';
import type { CoverageReport } from '../coverage';
import { excerpt, problemFindings, summarize, type CheckReport } from './index';

export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const map = new LineMap(file.text);
    for (const f of problemFindings(file)) {
      const at = map.positionAt(f.start);
      const severity = f.verdict === 'contradicted' ? 'error' : 'warning';
      const ev = f.evidence[0];
      const evidence = ev ? ` [evidence: ${ev.source}:${ev.line}]` : '';
      lines.push(`${file.path}:${at.line + 1}:${at.character + 1}: ${severity}: ${f.verdict}: ${excerpt(f.text)}${evidence}`);
      // The reason goes on its own indented line so the first line stays machine-parseable.
      if (f.reason) lines.push(`    ${f.reason.replace(/\s+/g, ' ').trim()}`);
    }
    if (file.coverage) lines.push(...coverageLines(file.path, file.coverage));
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** The statements a file leaves out, each where it stands in its reference (a `note`, clickable like the rest). */
function coverageLines(path: string, c: CoverageReport): string[] {
  const more = c.skipped ? ` (${c.skipped} more not read)` : '';
  return [
    `${path}: coverage: states ${c.covered} of ${c.statements} statements of its references (${c.percent}%)${more}`,
    ...c.leftOut.map((l) => `${l.source}:${l.line}:1: note: ${l.partly ? 'said in part' : 'left out'} by ${path}: ${excerpt(l.text)}`),
  ];
}

export function summaryLine(report: CheckReport): string {
  const s = summarize(report);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const grader = report.grader.model ? `${report.grader.id}, ${report.grader.model}` : report.grader.id;
  let line = `${plural(s.files, 'file')}, ${plural(s.claims, 'claim')}: ${s.supported} supported, ${s.contradicted} contradicted, ${s.unsupported} unsupported (grader: ${grader}`;
  if (s.requests > 0) line += `; ${plural(s.requests, 'request')}, ${s.promptTokens} prompt + ${s.completionTokens} completion tokens`;
  line += ')';
  if (s.problems.length) line += `; ${plural(s.problems.length, 'problem')} (see above)`;
  return line;
}
