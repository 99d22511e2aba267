// Packs grade requests into batches: several claims per request, each passage sent once per batch.
// Claims that share their best passage go together, so passages are deduplicated as much as possible.
import type { Claim, GradeRequest, Passage, ScoredPassage } from '../../types';

/** A claim as the grader sees it; atomic decomposition adds the sentence it came from as context. */
export type GradedClaim = Claim & { sentence?: string };

export interface BatchClaim {
  /** Index of the request in the caller's array. */
  index: number;
  /** Id inside the prompt: C1..Cn. */
  id: string;
  claim: GradedClaim;
  /** Prompt ids (P1..Pn) of this claim's retrieved passages, best first. */
  passageIds: string[];
  /** The request as planned (passages already selected), to re-ask for this claim alone. */
  request: GradeRequest;
}

export interface Batch {
  claims: BatchClaim[];
  /** Sorted by source, line and id, so the same passage set always gives the same prompt prefix. */
  passages: { id: string; passage: Passage }[];
  byPromptId: Map<string, Passage>;
}

export interface BatchLimits {
  batchSize: number;
  maxBatchChars: number;
  /** Passages scoring below this fraction of the claim's best passage are left out (0 = send all). */
  minRelativeScore: number;
}

/**
 * The passages worth sending for a claim: the best one, and the others that score at least
 * `minRelative` of it. Retrieval's long tail (a shared word or two) costs tokens and helps no verdict.
 */
export function selectPassages(passages: readonly ScoredPassage[], minRelative: number): ScoredPassage[] {
  const top = passages[0]?.score ?? 0;
  if (!(top > 0) || minRelative <= 0) return [...passages];
  return passages.filter((p, i) => i === 0 || p.score >= top * minRelative);
}

export function planBatches(all: readonly { index: number; request: GradeRequest }[], limits: BatchLimits): Batch[] {
  const requests = all.map(({ index, request }) => ({ index, request: { ...request, passages: selectPassages(request.passages, limits.minRelativeScore) } }));
  const ordered = requests.sort((a, b) => {
    const ka = a.request.passages[0]?.passage.id ?? '';
    const kb = b.request.passages[0]?.passage.id ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : a.index - b.index;
  });
  // Even sizes: 17 claims at 16 a batch go 9 + 8, not 16 + 1.
  const size = Math.ceil(ordered.length / Math.max(1, Math.ceil(ordered.length / limits.batchSize)));
  const groups: (typeof ordered)[] = [];
  let current: typeof ordered = [];
  let seen = new Set<string>();
  let chars = 0;
  for (const r of ordered) {
    const keys = r.request.passages.map((p) => keyOf(p.passage));
    // Characters this request adds to the batch: its passages the batch does not send yet.
    const added = (): number => r.request.passages.reduce((n, p, k) => n + (seen.has(keys[k]!) ? 0 : p.passage.text.length), 0);
    if (current.length > 0 && (current.length >= size || chars + added() > limits.maxBatchChars)) {
      groups.push(current);
      current = [];
      seen = new Set();
      chars = 0;
    }
    current.push(r);
    chars += added();
    for (const key of keys) seen.add(key);
  }
  if (current.length) groups.push(current);
  return groups.map((g) => toBatch(g.sort((a, b) => a.index - b.index)));
}

/** A batch of exactly these requests (already selected), in this order. */
export function toBatch(items: readonly { index: number; request: GradeRequest }[]): Batch {
  const unique = new Map<string, Passage>();
  for (const { request } of items) for (const { passage } of request.passages) unique.set(keyOf(passage), passage);
  const sorted = [...unique.values()].sort(comparePassages);
  const promptIdOf = new Map<string, string>();
  const passages = sorted.map((passage, i) => {
    const id = `P${i + 1}`;
    promptIdOf.set(keyOf(passage), id);
    return { id, passage };
  });
  return {
    passages,
    byPromptId: new Map(passages.map((p) => [p.id, p.passage])),
    claims: items.map(({ index, request }, i) => ({
      index,
      id: `C${i + 1}`,
      claim: request.claim,
      passageIds: request.passages.map((p) => promptIdOf.get(keyOf(p.passage))!),
      request,
    })),
  };
}

/**
 * A passage as a batch tells it apart: ids are unique within one reference set, but a batch can join claims
 * of documents (or labelled rows) checked against different ones: the same id with another text is another passage.
 */
function keyOf(passage: Passage): string {
  return `${passage.id}\0${passage.text}`;
}

function comparePassages(a: Passage, b: Passage): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
