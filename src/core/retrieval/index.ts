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
/**
 * Most postings one search may visit. Query terms are taken rarest first; the commonest terms of a large
 * corpus (which add little to BM25 anyway) are dropped once this is spent, so a search costs about the
 * same against 1 MB or 100 MB of references. The rarest term is always kept. At 2,000 (was 5,000) the
 * 2,000-word bench's searches take half the time with the same verdicts; against 1 MB only terms in
 * about half of all passages are dropped.
 */
export const MAX_POSTINGS_PER_SEARCH = 2_000;
/** Most extra passages a search adds for numbers the top passages lack. */
const MAX_NUMBER_PASSAGES = 3;
/** Searches remembered per index (a few hundred bytes each). */
const RECENT_SEARCHES = 2_000;
const splitTerms = (query: string): string[] => query.split(' ');
const keepTerm = (term: string): string => term;

/**
 * A search filter that drops hits scoring below the k-th best seen so far: such a hit can never be in the
 * top k, and dropping it spares MiniSearch sorting thousands of results per search (it sorts everything
 * the filter keeps). Ties with the k-th score are kept so that passage order can break them.
 */
function topKFilter(k: number): (hit: { score: number }) => boolean {
  const best: number[] = []; // the k best scores so far, descending
  return ({ score }) => {
    if (best.length === k && score < best[k - 1]!) return false;
    let i = best.length;
    while (i > 0 && best[i - 1]! < score) i--;
    best.splice(i, 0, score);
    if (best.length > k) best.pop();
    return true;
  };
}

/** A search index over passages, built once per reference set and reused for every claim. */
export class PassageIndex {
  private readonly engine: MiniSearch<Doc>;
  /** Each indexed term's number, indexing `docFreq`. */
  private readonly termIds = new Map<string, number>();
  /** Number of passage fields (text, heading) each term occurs in: the postings a search for it visits. */
  private docFreq = new Int32Array(1024);
  /**
   * Results of recent searches by query terms, least recently used first. Editors re-check a whole document
   * after each edit, and most of its claims search exactly as before; a repeat costs a lookup, not thousands
   * of postings.
   */
  private readonly recent = new Map<string, readonly ScoredPassage[]>();

  constructor(readonly passages: readonly Passage[]) {
    const termIds = this.termIds;
    const headingTerms = new Map<string, string[]>(); // passages of one section share their heading
    // Document frequencies in one hash lookup per token: a term counts once per field, the first time its
    // field's stamp differs from the one last recorded for it (a Set per field cost a fifth of indexing).
    let seenIn = new Int32Array(this.docFreq.length);
    let stamp = 0;
    this.engine = new MiniSearch<Doc>({
      idField: 'i',
      fields: ['text', 'heading'],
      storeFields: [],
      tokenize: (text, field) => {
        let terms = field === 'heading' ? headingTerms.get(text) : undefined;
        if (!terms) {
          terms = tokenize(text);
          if (field === 'heading') headingTerms.set(text, terms);
        }
        stamp++;
        for (const t of terms) {
          let id = termIds.get(t);
          if (id === undefined) {
            id = termIds.size;
            termIds.set(t, id);
            if (id === seenIn.length) {
              seenIn = grow(seenIn);
              this.docFreq = grow(this.docFreq);
            }
          }
          if (seenIn[id] !== stamp) {
            seenIn[id] = stamp;
            this.docFreq[id]!++;
          }
        }
        return terms;
      },
      processTerm: keepTerm,
    });
    // One document object, refilled per passage: MiniSearch reads it during `add` and keeps nothing of it
    // (no stored fields), and an array of copies costs tens of MB at peak for 100 MB of references.
    const doc: Doc = { i: 0, text: '', heading: '' };
    for (const [i, p] of passages.entries()) {
      const heading = (p as { heading?: unknown }).heading;
      doc.i = i;
      doc.text = p.text;
      doc.heading = typeof heading === 'string' ? heading : '';
      this.engine.add(doc);
    }
    // The tokenizer closure stays with the engine: drop what only indexing needed.
    headingTerms.clear();
    seenIn = new Int32Array(0);
  }

  /**
   * The `k` best passages for `query`, best first (equal scores keep passage order), then for each number of
   * the query that none of them contains, the best passage that has it (at most MAX_NUMBER_PASSAGES more).
   */
  search(query: string, k: number): ScoredPassage[] {
    if (k <= 0 || this.passages.length === 0) return [];
    const terms = this.queryTerms(query);
    if (!terms.length) return [];
    const key = `${k} ${terms.join(' ')}`;
    let top = this.recent.get(key);
    if (top) this.recent.delete(key); // re-inserted below as the most recent
    else top = this.withNumbers(this.rank(terms, k), terms);
    this.recent.set(key, top);
    if (this.recent.size > RECENT_SEARCHES) this.recent.delete(this.recent.keys().next().value!);
    return top.map((h) => ({ passage: h.passage, score: h.score }));
  }

  /**
   * Adds, for each number of the query that none of `top` contains, the best passage that has it: BM25
   * favours passages matching many common words ("February 2019 ... single") over the one sentence that
   * gives "132,000", and a number the grader never sees reads as a number the references never give.
   */
  private withNumbers(top: readonly ScoredPassage[], terms: readonly string[]): readonly ScoredPassage[] {
    const numbers = terms.filter((t) => /\d/.test(t));
    if (!numbers.length || !top.length) return top;
    const seen = new Set(top.flatMap((h) => tokenize(h.passage.text)));
    const out = [...top];
    for (const n of numbers.slice(0, MAX_NUMBER_PASSAGES)) {
      if (seen.has(n)) continue;
      const best = this.rank([n], 1)[0];
      if (!best || out.some((h) => h.passage === best.passage)) continue;
      out.push(best);
      for (const t of tokenize(best.passage.text)) seen.add(t);
    }
    return out;
  }

  /** Searches MiniSearch for `terms` (see `queryTerms`): the `k` best passages, ties in passage order. */
  private rank(terms: readonly string[], k: number): readonly ScoredPassage[] {
    const hits = this.engine.search(terms.join(' '), {
      tokenize: splitTerms,
      processTerm: keepTerm,
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      boost: { text: 1, heading: HEADING_BOOST },
      filter: topKFilter(k),
    });
    // MiniSearch sorts by score alone (stable, in match order); ties are broken by passage order here.
    // Only hits scoring at least the k-th score can be in the answer, and they form a prefix of `hits`.
    if (!hits.length) return [];
    let end = Math.min(k, hits.length);
    const kth = hits[end - 1]!.score;
    while (end < hits.length && hits[end]!.score === kth) end++;
    const top = hits.slice(0, end).sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number));
    return top.slice(0, k).map((h) => ({ passage: this.passages[h.id as number]!, score: h.score }));
  }

  /** Distinct query terms found in the references, rarest first, within the postings budget. */
  private queryTerms(query: string): string[] {
    const known = [...new Set(tokenize(query))]
      .map((term) => {
        const id = this.termIds.get(term);
        return { term, df: id === undefined ? 0 : this.docFreq[id]! };
      })
      .filter((t) => t.df > 0)
      .sort((a, b) => a.df - b.df || (a.term < b.term ? -1 : 1));
    const kept: string[] = [];
    let budget = MAX_POSTINGS_PER_SEARCH;
    for (const { term, df } of known) {
      if (kept.length && df > budget) break;
      kept.push(term);
      budget -= df;
    }
    return kept;
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
