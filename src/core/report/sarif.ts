// SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, the SARIF viewer). ruleId = diagnostic code,
// location = the claim, relatedLocations = the evidence.
import type * as sarif from 'sarif';
import { claimHash } from '../check';
import { LineMap } from '../positions';
import type { FindingCode } from '../types';
import { excerpt, notJudgedLine, problemFindings, RULE_HELP, type CheckReport } from './index';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const RULE_IDS: FindingCode[] = ['claim.contradicted', 'claim.unsupported'];

export interface SarifOptions {
  /** The ClaimCheck version that wrote the log. */
  toolVersion: string;
}

export function toSarif(report: CheckReport, options: SarifOptions): sarif.Log {
  const results: sarif.Result[] = [];
  const unjudged = notJudgedLine(report);
  for (const file of report.files) {
    const map = new LineMap(file.text);
    // A claim the grader could not judge is no finding: an outage must not open code-scanning alerts. The run
    // says so instead (a notification, and executionSuccessful false).
    for (const f of problemFindings(file).filter((x) => !x.failed)) {
      const start = map.positionAt(f.start);
      const end = map.positionAt(f.end);
      const reason = f.reason.replace(/\s+/g, ' ').trim();
      results.push({
        ruleId: f.code,
        ruleIndex: RULE_IDS.indexOf(f.code),
        level: f.verdict === 'contradicted' ? 'error' : 'warning',
        message: { text: reason ? `${excerpt(f.text, 200)} — ${reason}` : excerpt(f.text, 200) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(file.path) },
              // SARIF columns are 1-based and counted in UTF-16 code units (run.columnKind); endColumn is exclusive.
              region: {
                startLine: start.line + 1,
                startColumn: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
                charOffset: f.start,
                charLength: f.end - f.start,
              },
            },
          },
        ],
        relatedLocations: f.evidence.map((e, i) => ({
          id: i + 1,
          physicalLocation: { artifactLocation: { uri: toUri(e.source) }, region: { startLine: Math.max(1, e.line) } },
          message: { text: e.quote },
        })),
        // Code-scanning UIs track a result across commits by this; it changes only when the claim's text does.
        partialFingerprints: { 'claimHash/v1': claimHash(f.text) },
        properties: { verdict: f.verdict, confidence: Math.round(f.confidence * 10000) / 10000 },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ClaimCheck',
            version: options.toolVersion,
            informationUri: 'https://github.com/claimcheck/claimcheck',
            rules: RULE_IDS.map((id) => ({
              id,
              name: id === 'claim.contradicted' ? 'ClaimContradicted' : 'ClaimUnsupported',
              shortDescription: { text: RULE_HELP[id].short },
              fullDescription: { text: RULE_HELP[id].full },
              helpUri: RULE_HELP[id].uri,
              defaultConfiguration: { level: id === 'claim.contradicted' ? 'error' : 'warning' },
            })),
          },
        },
        // Inputs that could not be used (missing file, binary reference...) would otherwise vanish from CI.
        invocations: [
          {
            executionSuccessful: !report.interrupted && !report.incomplete && !unjudged && (report.files.length > 0 || report.problems.length === 0),
            toolExecutionNotifications: [...report.problems, ...(unjudged ? [unjudged] : [])].map((text) => ({ level: 'error' as const, message: { text } })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { grader: report.grader.id, ...(report.grader.model ? { model: report.grader.model } : {}) },
      },
    ],
  };
}

export function formatSarif(report: CheckReport, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

/** Relative paths stay relative (code scanning resolves them against the repository root), percent-encoded. */
function toUri(path: string): string {
  return encodeURI(path.replace(/\\/g, '/')).replace(/[?#]/g, encodeURIComponent);
}
