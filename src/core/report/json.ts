// The JSON report, a public contract (architecture.md): bump `version` when its shape changes.
import { LineMap, type Range } from '../positions';
import type { CoverageReport } from '../coverage';
import type { GraderInfo, Verdict } from '../types';
import { summarize, type CheckReport, type Summary } from './index';

export const JSON_REPORT_VERSION = 1;

export interface JsonClaim {
  text: string;
  /** UTF-16 offsets into the file's text. */
  start: number;
  end: number;
  /** 0-based lines and UTF-16 characters. */
  range: Range;
  verdict: Verdict;
  confidence: number;
  evidence: { source: string; line: number; quote: string }[];
  reason: string;
  /** Where the reference gives another value: replace `start`..`end` (UTF-16 offsets into the file) by `text`. */
  fix?: { start: number; end: number; text: string };
  /** True when the grader could not judge the claim; `reason` says why. */
  failed?: true;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  grader: { id: GraderInfo['id']; model: string | null };
  files: { path: string; claims: JsonClaim[]; coverage?: CoverageReport }[];
  summary: Summary;
}

export function toJsonReport(report: CheckReport): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    // `model: null` rather than a missing key, so scripts can read it without a guard.
    grader: { id: report.grader.id, model: report.grader.model ?? null },
    files: report.files.map((file) => {
      const map = new LineMap(file.text);
      return {
        path: file.path,
        claims: file.findings.map((f) => ({
          text: f.text,
          start: f.start,
          end: f.end,
          range: map.rangeOf(f.start, f.end),
          verdict: f.verdict,
          confidence: round(f.confidence),
          evidence: f.evidence.map((e) => ({ source: e.source, line: e.line, quote: e.quote })),
          reason: f.reason,
          // Optional fields are added, never renamed, so version 1 readers keep working.
          ...(f.fix ? { fix: { start: f.start + f.fix.start, end: f.start + f.fix.end, text: f.fix.text } } : {}),
          ...(f.failed ? { failed: true as const } : {}),
        })),
        ...(file.coverage ? { coverage: file.coverage } : {}),
      };
    }),
    summary: summarize(report),
  };
}

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

/** Four decimals: enough for thresholds, and stable across platforms' float printing. */
function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
