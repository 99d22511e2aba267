// The pipeline: claims → retrieval → grader → findings. Everything the CLI and the extension do goes through here.
import { createHash } from 'node:crypto';
import { extractClaims, type TextFormat } from './claims';
import { throwIfAborted } from './errors';
import { pauser } from './pause';
import { decomposeClaims } from './graders';
import { PassageIndex } from './retrieval';
import type { Finding, GradeRequest, Grader, Passage } from './types';

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
  // Searched claim by claim, and graded by a grader that pauses likewise (the offline grader is synchronous
  // work): a long document must not hold an editor's extension host, and a cancel lands within milliseconds.
  // One grade call for the document lets the OpenAI grader fill every request.
  const pause = pauser();
  const requests: GradeRequest[] = [];
  for (const claim of claims) {
    await pause(options.signal);
    requests.push({ claim, passages: index.search(claim.text, topK) });
  }
  const judgements = await options.grader.grade(requests, options.signal);
  return claims.map((claim, i) => ({ ...claim, ...judgements[i]! }));
}

/** A short, stable hash of a claim's text (whitespace-normalised): accepted claims stay quiet until their text changes. */
export function claimHash(claimText: string): string {
  return createHash('sha256').update(claimText.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}
