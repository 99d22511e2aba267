// Builds report inputs from plain text: a claim is named by its text, so tests read like the documents they check.
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckReport, FileReport } from '../../src/core/report';
import type { Finding, Verdict } from '../../src/core/types';

export function finding(text: string, claim: string, verdict: Verdict, extra: Partial<Finding> = {}): Finding {
  const start = text.indexOf(claim);
  if (start < 0) throw new Error(`"${claim}" is not in the text`);
  return {
    text: claim,
    start,
    end: start + claim.length,
    verdict,
    confidence: 0.9,
    evidence: [{ source: 'refs/facts.md', line: 3, quote: 'The factory employs 450 people.' }],
    reason: verdict === 'supported' ? 'the reference states this' : 'reference says 450, claim says 9,000',
    ...extra,
  };
}

export function reportOf(files: FileReport[], extra: Partial<CheckReport> = {}): CheckReport {
  return { grader: { id: 'offline' }, files, usage: { requests: 0, promptTokens: 0, completionTokens: 0 }, problems: [], ...extra };
}

/** The SARIF 2.1.0 schema (vendored, see its NOTICE) compiled once; formats checked loosely, ajv-formats is not a dependency. */
export function sarifValidator(): (log: unknown) => string[] {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}
