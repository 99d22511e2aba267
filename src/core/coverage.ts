// Coverage: which statements of the references an answer leaves out. The check the other way round: each
// reference sentence is graded, offline, against the answer as if the answer were the reference. A summary
// that drops the one caveat that mattered is as wrong as one that invents a number.
import { extractClaims } from './claims';
import { indexReferences, DEFAULT_TOP_K } from './check';
import { createOfflineGrader } from './graders/offline';
import { pauser } from './pause';
import { passagesFromText } from './references';
import { tokenize } from './retrieval';
import type { GradeRequest, Passage } from './types';

/** A reference statement the answer does not state. */
export interface LeftOut {
  source: string;
  /** 1-based line of the statement in its reference file. */
  line: number;
  text: string;
  /** The answer says part of it (`PARTLY` of its terms or more), leaving out a detail; otherwise none of it. */
  partly: boolean;
}

export interface CoverageReport {
  /** Distinct checkable statements of the references that were looked at. */
  statements: number;
  /** Of those, how many the answer states (or states otherwise: its check flags those). */
  covered: number;
  leftOut: LeftOut[];
  /** Statements beyond `maxStatements` that were not looked at. */
  skipped: number;
}

/** Share of a statement's terms the answer's best-aligned sentences must have for it to count as partly said. */
const PARTLY = 0.4;

/** Statements looked at, at most: coverage of a large reference library by one answer says little. */
export const MAX_COVERAGE_STATEMENTS = 5_000;

export async function coverage(
  answer: string,
  passages: readonly Passage[],
  options: { signal?: AbortSignal; maxStatements?: number } = {},
): Promise<CoverageReport> {
  const max = options.maxStatements ?? MAX_COVERAGE_STATEMENTS;
  const answerIndex = indexReferences(passagesFromText('answer', answer));
  const seen = new Set<string>();
  const statements: LeftOut[] = [];
  let skipped = 0;
  for (const p of passages) {
    for (const c of extractClaims(p.text, { format: 'plaintext' })) {
      const key = c.text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      if (statements.length >= max) {
        skipped++;
        continue;
      }
      statements.push({ source: p.source, line: p.line + (p.text.slice(0, c.start).match(/\n/g)?.length ?? 0), text: c.text, partly: false });
    }
  }
  const pause = pauser();
  const requests: GradeRequest[] = [];
  for (const s of statements) {
    await pause(options.signal);
    requests.push({ claim: { text: s.text, start: 0, end: s.text.length }, passages: answerIndex.search(s.text, DEFAULT_TOP_K) });
  }
  const judgements = await createOfflineGrader().grade(requests, options.signal);
  const leftOut = statements.flatMap((s, i) => {
    if (judgements[i]!.verdict !== 'unsupported') return [];
    const terms = new Set(tokenize(s.text));
    // What the answer's best-aligned sentences say of it.
    const said = new Set(judgements[i]!.evidence.flatMap((e) => tokenize(e.quote)));
    const shared = [...terms].filter((t) => said.has(t)).length;
    return [{ ...s, partly: terms.size > 0 && shared / terms.size >= PARTLY }];
  });
  return { statements: statements.length, covered: statements.length - leftOut.length, leftOut, skipped };
}
