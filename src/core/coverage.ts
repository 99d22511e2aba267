// Coverage: which statements of the references an answer leaves out. The check the other way round: each
// reference sentence is graded, offline, against the answer as if the answer were the reference. A summary
// that drops the one caveat that mattered is as wrong as one that invents a number.
import { extractClaims, isCheckable } from './claims';
import { indexReferences, DEFAULT_TOP_K } from './check';
import { createOfflineGrader } from './graders/offline';
import { pauser } from './pause';
import { passagesFromText } from './references';
import { lineIn, type GradeRequest, type Passage } from './types';

/** How sure the grader must be that the document's sentence says part of a statement to call it "said in part". */
const PARTLY_CONFIDENCE = 0.6;

/** A reference statement the answer does not state. */
export interface LeftOut {
  source: string;
  /** 1-based line of the statement in its reference file. */
  line: number;
  text: string;
  /** The answer says part of it, leaving out a detail; otherwise none of it. */
  partly: boolean;
}

export interface CoverageReport {
  /** Distinct checkable statements of the references that were looked at. */
  statements: number;
  /** Of those, how many the answer states (supports). */
  covered: number;
  /** `covered` in percent of `statements`, rounded (100 when there are none). */
  percent: number;
  leftOut: LeftOut[];
  /** Statements beyond `maxStatements` that were not looked at. */
  skipped: number;
}

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
  const pause = pauser();
  for (const p of passages) {
    await pause(options.signal);
    for (const c of extractClaims(p.text, { format: 'plaintext' })) {
      const key = c.text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      if (statements.length >= max) {
        skipped++;
        continue;
      }
      statements.push({ source: p.source, line: lineIn(p, c.start), text: c.text, partly: false });
    }
  }
  const requests: GradeRequest[] = [];
  for (const s of statements) {
    await pause(options.signal);
    requests.push({ claim: { text: s.text, start: 0, end: s.text.length }, passages: answerIndex.search(s.text, DEFAULT_TOP_K) });
  }
  const grader = createOfflineGrader();
  const judgements = await grader.grade(requests, options.signal);
  // Only a statement the document supports is stated: one it gives another value for is not (the same subject
  // with another year's figure is another fact: "revenue in 2019 was 5 million" against "in 2021, 9 million").
  const missed = statements.flatMap((_, i) => (judgements[i]!.verdict !== 'supported' ? [i] : []));
  // Said in part: the document's best-aligned sentence is itself supported by the statement (it says less of
  // the same thing: "began in 1887" of "began in January 1887 and was completed in March 1889"). Only a sentence
  // that states something can (not a heading or a question).
  const quotes = missed.map((i) => judgements[i]!.evidence.map((e) => e.quote).find((q) => isCheckable(q.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))));
  const asked = missed.flatMap((i, k) => (quotes[k] ? [{ i, quote: quotes[k] }] : []));
  const back = await grader.grade(
    asked.map(({ i, quote }) => {
      const s = statements[i]!;
      return { claim: { text: quote, start: 0, end: quote.length }, passages: [{ passage: { id: 'statement', source: s.source, line: s.line, text: s.text }, score: 1 }] };
    }),
    options.signal,
  );
  // Clearly supported only: a sentence the grader can barely place ("7 million people visit" against "repainted
  // every seven years") says nothing of the statement.
  const partly = new Set(asked.filter((_, k) => back[k]!.verdict === 'supported' && back[k]!.confidence >= PARTLY_CONFIDENCE).map((a) => a.i));
  const leftOut = missed.map((i) => ({ ...statements[i]!, partly: partly.has(i) }));
  const covered = statements.length - leftOut.length;
  const percent = statements.length ? Math.round((100 * covered) / statements.length) : 100;
  return { statements: statements.length, covered, percent, leftOut, skipped };
}
