// Compiler-style text: editors and CI logs turn `path:line:col:` into links. Positions are 1-based.
import { LineMap } from '../positions';
import type { CoverageReport } from '../coverage';
import { excerpt, graderLabel, printable, problemFindings, summarize, type CheckReport } from './index';
import { messages, type Messages } from './messages';

export function formatText(report: CheckReport): string {
  const say = messages(report.language);
  const lines: string[] = [];
  for (const file of report.files) {
    const map = new LineMap(file.text);
    const path = printable(file.path);
    for (const f of problemFindings(file)) {
      const at = map.positionAt(f.start);
      const severity = f.verdict === 'contradicted' ? 'error' : 'warning';
      const ev = f.evidence[0];
      const evidence = ev ? ` ${say.evidence(`${printable(ev.source)}:${ev.line}`)}` : '';
      lines.push(`${path}:${at.line + 1}:${at.character + 1}: ${severity}: ${f.verdict}: ${excerpt(f.text)}${evidence}`);
      // The reason goes on its own indented line so the first line stays machine-parseable.
      if (f.reason) lines.push(`    ${printable(f.reason).trim()}`);
    }
    if (file.coverage) lines.push(...coverageLines(say, path, file.coverage));
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** The statements a file leaves out, each where it stands in its reference (a `note`, clickable like the rest). */
function coverageLines(say: Messages, path: string, c: CoverageReport): string[] {
  return [
    say.coverage(path, c.covered, c.statements, c.percent, c.skipped),
    ...c.leftOut.map((l) => `${printable(l.source)}:${l.line}:1: note: ${say.leftOut(path, l.partly, excerpt(l.text))}`),
  ];
}

export function summaryLine(report: CheckReport): string {
  const s = summarize(report);
  return messages(report.language).summary({ ...s, grader: graderLabel(report.grader), problems: s.problems.length });
}
