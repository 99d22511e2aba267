// The pipeline: claims → retrieval → grader → findings. Everything the CLI and the extension do goes through here.
import { createHash } from 'node:crypto';
import { extractClaims, type TextFormat } from './claims';
import { throwIfAborted } from './errors';
import { decomposeClaims } from './graders';
import { PassageIndex } from './retrieval';
import type { Finding, Grader, Passage } from './types';

export const DEFAULT_TOP_K = 5;

export interface CheckOptions {
  grader: Grader;
  format?: TextFormat;
  /** Check only the claims inside this UTF-16 range (a selection). */
  range?: { start: number; end: number };
  topK?: number;
  signal?: AbortSignal;
  /** Hashes (see `claimHash`) of claims the user accepted: they are not graded. */
  accepted?: ReadonlySet<string>;
}

/** Builds the search index over reference passages once; reuse it for every document of a run. */
export function indexReferences(passages: readonly Passage[]): PassageIndex {
  return new PassageIndex(passages);
}

/** Checks one document's text against an index of reference passages. */
export async function checkText(text: string, index: PassageIndex, options: CheckOptions): Promise<Finding[]> {
  throwIfAborted(options.signal);
  const topK = options.topK ?? DEFAULT_TOP_K;
  const sentences = extractClaims(text, { format: options.format ?? 'markdown', range: options.range }).filter(
    (c) => !options.accepted?.has(claimHash(c.text)),
  );
  // Graders that can split sentences into atomic claims (the OpenAI grader with `atomic`) do so here;
  // others return the sentences unchanged.
  const claims = await decomposeClaims(sentences, options.grader, options.signal);
  const findings: Finding[] = [];
  // In slices, with a turn of the event loop between them: a long document must not hold an editor's
  // extension host for seconds, and a cancel must land between slices. The offline grader is synchronous.
  for (let from = 0; from < claims.length; from += GRADE_SLICE) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve));
    throwIfAborted(options.signal);
    const slice = claims.slice(from, from + GRADE_SLICE);
    const requests = slice.map((claim) => ({ claim, passages: index.search(claim.text, topK) }));
    const judgements = await options.grader.grade(requests, options.signal);
    slice.forEach((claim, i) => findings.push({ ...claim, ...judgements[i]! }));
  }
  return findings;
}

/** Claims retrieved and graded at a time (a few milliseconds of offline grading). */
const GRADE_SLICE = 256;

/** A short, stable hash of a claim's text (whitespace-normalised): accepted claims stay quiet until their text changes. */
export function claimHash(claimText: string): string {
  return createHash('sha256').update(claimText.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}
