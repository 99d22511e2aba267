// Retrieval: BM25 (MiniSearch's BM25+) over reference passages, with ClaimCheck's own tokenizer.
import MiniSearch from 'minisearch';
import type { Passage, ScoredPassage } from '../types';
import { tokenize } from './tokenize';

export { STOPWORDS, tokenize } from './tokenize';

interface Doc {
  i: number;
  text: string;
  heading: string;
}

/** Section headings help a little (a passage under "Eiffel Tower" is about it) but never outrank its text. */
const HEADING_BOOST = 0.3;
const splitTerms = (query: string): string[] => query.split(' ');
const keepTerm = (term: string): string => term;

/** A search index over passages, built once per reference set and reused for every claim. */
export class PassageIndex {
  private readonly search_: MiniSearch<Doc>;

  constructor(readonly passages: readonly Passage[]) {
    this.search_ = new MiniSearch<Doc>({
      idField: 'i',
      fields: ['text', 'heading'],
      storeFields: [],
      tokenize,
      processTerm: keepTerm,
    });
    const docs = passages.map((p, i): Doc => {
      const heading = (p as { heading?: unknown }).heading;
      return { i, text: p.text, heading: typeof heading === 'string' ? heading : '' };
    });
    this.search_.addAll(docs);
  }

  /** The `k` best passages for `query`, best first; equal scores keep passage order. */
  search(query: string, k: number): ScoredPassage[] {
    if (k <= 0 || this.passages.length === 0) return [];
    const terms = [...new Set(tokenize(query))];
    if (!terms.length) return [];
    const hits = this.search_.search(terms.join(' '), {
      tokenize: splitTerms,
      processTerm: keepTerm,
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      boost: { text: 1, heading: HEADING_BOOST },
    });
    hits.sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number));
    return hits.slice(0, k).map((h) => ({ passage: this.passages[h.id as number]!, score: h.score }));
  }
}
