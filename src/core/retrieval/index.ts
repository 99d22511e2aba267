// STUB (to be replaced by the retrieval module): token-overlap ranking.
import type { Passage, ScoredPassage } from '../types';

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export class PassageIndex {
  constructor(readonly passages: readonly Passage[]) {}

  search(query: string, k: number): ScoredPassage[] {
    const q = new Set(tokenize(query));
    return this.passages
      .map((passage) => ({ passage, score: tokenize(passage.text).filter((t) => q.has(t)).length }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }
}
