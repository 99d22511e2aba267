// The result of one `check` run, as every report format sees it. The formats differ only in layout.
import type { CoverageReport } from '../coverage';
import { codeForVerdict, type Finding, type FindingCode, type GraderInfo, type GraderUsage, type ReasonLanguage, type Verdict } from '../types';
import { messages } from './messages';

export interface FileReport {
  /** Path as shown to the user: relative to the working folder, with forward slashes. */
  path: string;
  /** The file's text, so that offsets can be turned into lines and columns. */
  text: string;
  /** Every claim of the file with its judgement, in text order. */
  findings: Finding[];
  /** The statements of its references the file leaves out, when coverage was asked for. */
  coverage?: CoverageReport;
}

export interface CheckReport {
  grader: GraderInfo;
  files: FileReport[];
  usage: GraderUsage;
  /** One actionable line per input that could not be used (missing file, binary reference...). */
  problems: string[];
  /** The run was stopped before every document was checked: the report is partial. */
  interrupted?: true;
  /** A path of the documents or references named nothing, or a document named on its own could not be checked: the run fails though the rest was checked. */
  incomplete?: true;
  /** The language of the report's own lines (summary, notes); English when absent. Keys and verdict names never change. */
  language?: ReasonLanguage;
}

export interface Summary {
  files: number;
  claims: number;
  supported: number;
  contradicted: number;
  unsupported: number;
  /** Of the unsupported, the claims the grader could not judge (endpoint down, key rejected, budget spent). */
  notJudged: number;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  problems: string[];
}

export function summarize(report: CheckReport): Summary {
  const count = (v: Verdict): number => report.files.reduce((n, f) => n + f.findings.filter((x) => x.verdict === v).length, 0);
  return {
    files: report.files.length,
    claims: report.files.reduce((n, f) => n + f.findings.length, 0),
    supported: count('supported'),
    contradicted: count('contradicted'),
    unsupported: count('unsupported'),
    notJudged: notJudged(report).length,
    requests: report.usage.requests,
    promptTokens: report.usage.promptTokens,
    completionTokens: report.usage.completionTokens,
    problems: [...report.problems],
  };
}

/** The verdicts a `--fail-on` level lets through: contradicted ranks above unsupported. */
export type FailOn = 'contradicted' | 'unsupported' | 'none';

export function failingVerdicts(failOn: FailOn): ReadonlySet<Verdict> {
  if (failOn === 'contradicted') return new Set(['contradicted']);
  if (failOn === 'unsupported') return new Set(['contradicted', 'unsupported']);
  return new Set();
}

/** Claims the grader could not judge (endpoint down, budget spent, unusable answer): shown as unsupported, never checked. */
export function notJudged(report: CheckReport): Finding[] {
  return report.files.flatMap((f) => f.findings.filter((x) => x.failed));
}

/**
 * The run's pass/fail decision, made here only. A claim at or above `failOn` fails the run, and so does a claim the
 * grader could not judge: otherwise a CI job whose endpoint is down passes with nothing checked. `none` never fails.
 */
export function hasFailures(report: CheckReport, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const failing = failingVerdicts(failOn);
  return report.files.some((f) => f.findings.some((x) => x.failed || failing.has(x.verdict)));
}

/** Findings that reports list as problems (supported claims are not problems). */
export function problemFindings(file: FileReport): (Finding & { code: FindingCode })[] {
  const out: (Finding & { code: FindingCode })[] = [];
  for (const f of file.findings) {
    const code = codeForVerdict(f.verdict);
    if (code) out.push({ ...f, code });
  }
  return out;
}

/** "3 of 9 claims not judged by the grader: <first reason>", or undefined when the grader judged every claim. */
export function notJudgedLine(report: CheckReport): string | undefined {
  const failed = notJudged(report);
  if (!failed.length) return undefined;
  const total = report.files.reduce((n, f) => n + f.findings.length, 0);
  return messages(report.language).notJudged(failed.length, total, failed[0]!.reason);
}

/**
 * Untrusted text (a document, a model's reason, a file name) made safe for one line of a terminal or CI log: line
 * breaks and other white space become one space (no forged line, no `::` workflow command), and control characters
 * (escape sequences that clear a screen or retitle it) and bidi controls (that reorder how a line reads) are dropped.
 */
export function printable(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** "offline", or "openai, gpt-4o-mini" as reports and eval's rows line name the grader (the model may come from a cloned repository's .claimcheck.json). */
export function graderLabel(info: GraderInfo): string {
  return info.model ? `${info.id}, ${printable(info.model)}` : info.id;
}

/** Claim text on one line, cut to `max` characters without splitting a surrogate pair. */
export function excerpt(text: string, max = 80): string {
  const flat = printable(text).trim();
  if (flat.length <= max) return flat;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(flat[cut - 1] ?? '')) cut--;
  return `${flat.slice(0, cut)}…`;
}

/** Where each diagnostic code is explained; the extension links the same pages. */
export const RULE_HELP: Record<FindingCode, { uri: string; short: string; full: string }> = {
  'claim.contradicted': {
    uri: 'https://github.com/claimcheck/claimcheck/blob/main/README.md#claimcontradicted',
    short: 'The references say otherwise',
    full: 'A claim that a reference document contradicts: another number, date, name, a negation or an opposite.',
  },
  'claim.unsupported': {
    uri: 'https://github.com/claimcheck/claimcheck/blob/main/README.md#claimunsupported',
    short: 'The references do not say this',
    full: 'A claim that no reference document states, either way. Add a reference that supports it, or reword the claim.',
  },
};
