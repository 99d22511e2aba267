// Shared by the offline grader's verdict tests (test/unit/offline*.test.ts): one claim against one reference passage,
// and what its verdict must be; or one claim checked as a document against a reference document, and its fix.
import assert from 'node:assert/strict';
import { checkText, indexReferences } from '../../src/core/check';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { passagesFromText } from '../../src/core/references';
import type { Finding, Grader, Judgement, ReasonLanguage } from '../../src/core/types';

const graders: Record<ReasonLanguage, Grader> = { en: createOfflineGrader(), ja: createOfflineGrader({ language: 'ja' }) };

/** The judgement of `claim` against one passage `ref`, its reason in `language`. */
export async function grade(claim: string, ref: string, language: ReasonLanguage = 'en'): Promise<Judgement> {
  const [j] = await graders[language].grade([
    { claim: { text: claim, start: 0, end: claim.length }, passages: [{ passage: { id: 'r#0', source: 'r.md', line: 1, text: ref }, score: 1 }] },
  ]);
  return j!;
}

export async function supported(claim: string, ref: string): Promise<void> {
  const j = await grade(claim, ref);
  assert.equal(j.verdict, 'supported', `${claim}: ${j.verdict} (${j.reason})`);
}

/** Flagged, whatever the confidence. */
export async function flagged(claim: string, ref: string): Promise<void> {
  const j = await grade(claim, ref);
  assert.notEqual(j.verdict, 'supported', `${claim}: ${j.verdict} (${j.reason})`);
}

/** Flagged by a rule (confidence at least 0.8), with this reason and verdict where given. */
export async function notSupported(claim: string, ref: string, reason?: string, verdict?: Judgement['verdict']): Promise<void> {
  const j = await grade(claim, ref);
  assert.notEqual(j.verdict, 'supported', `${claim}: ${j.verdict} (${j.reason})`);
  assert.ok(j.confidence >= 0.8, `${claim}: confidence ${j.confidence}`);
  if (reason) assert.equal(j.reason, reason, claim);
  if (verdict) assert.equal(j.verdict, verdict, `${claim}: ${j.reason}`);
}

/** Contradicted, with a fix that replaces `written` in the claim by `replacement`. */
export async function fixed(claim: string, ref: string, written: string, replacement: string): Promise<Judgement> {
  const j = await grade(claim, ref);
  assert.equal(j.verdict, 'contradicted', `${claim}: ${j.reason}`);
  assert.deepEqual(j.fix && [claim.slice(j.fix.start, j.fix.end), j.fix.text], [written, replacement], claim);
  return j;
}

/** The one finding of a check of `claim`, as a document, against the reference document `ref` (named `source`). */
export async function check(claim: string, ref: string, source = 'refs/ref.md'): Promise<Finding> {
  const index = indexReferences(passagesFromText(source, ref));
  const findings = await checkText(claim, index, { grader: createOfflineGrader(), format: 'plaintext' });
  assert.equal(findings.length, 1, `one claim expected in ${JSON.stringify(claim)}`);
  return findings[0]!;
}

/** `claim` with the finding's fix applied. */
export function applyFix(claim: string, f: Finding): string {
  assert.ok(f.fix, `a fix is expected for ${JSON.stringify(claim)}`);
  return claim.slice(0, f.fix.start) + f.fix.text + claim.slice(f.fix.end);
}
