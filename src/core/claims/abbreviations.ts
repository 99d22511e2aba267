// Which periods end a sentence. A period after these words usually does not, and Intl.Segmenter gets
// "Dr." and "Mr." wrong, so the scanner asks here before it breaks.

/** Never end a sentence: titles and Latin shorthands that always introduce more words. */
const NEVER = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'mt', 'ft', 'vs', 'v', 'approx', 'cf', 'viz', 'e.g', 'i.e', 'eg', 'ie',
  'gen', 'gov', 'sen', 'rep', 'rev', 'hon', 'capt', 'col', 'lt', 'sgt', 'cmdr', 'adm', 'pres', 'supt', 'messrs', 'mme', 'mlle',
  'ave', 'blvd', 'rd', 'dept', 'univ', 'assn', 'ca', 'al', 'et',
]);

/** End a sentence only when no number follows ("No. 5", "Fig. 3", "Jan. 12"). */
const NUMBERED = new Set([
  'no', 'nos', 'fig', 'figs', 'vol', 'vols', 'p', 'pp', 'ch', 'chap', 'sec', 'sect', 'eq', 'eqs', 'art', 'ref', 'refs', 'op', 'ed', 'c',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'tab',
]);

/** May end a sentence: break only when a capitalised word follows ("Apple Inc. The company..."). */
// "est." (established) is followed by a year or a lower-case word: "(est. 1890)", "(est. in 1890)".
const MAYBE_END = new Set(['etc', 'inc', 'ltd', 'jr', 'sr', 'co', 'corp', 'llc', 'plc', 'bros', 'ph.d', 'phd', 'est']);

/**
 * Times of day: they end a sentence before a capitalised word unless it goes on with the time ("6 p.m. Central
 * Time", "9 a.m. Monday through Friday").
 */
const TIME = new Set(['a.m', 'p.m', 'am', 'pm']);
const ZONES = new Set([
  'central', 'eastern', 'pacific', 'mountain', 'atlantic', 'local', 'time', 'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt',
  'pst', 'pdt', 'bst', 'cet', 'cest', 'jst', 'ist', 'aest', 'et', 'pt', 'ct', 'mt',
]);
const TIME_GOES_ON = new Set([...ZONES, 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'daily', 'sharp']);

/** Words that commonly open an English sentence: after "U.S." or an initial, they signal a real break. */
const STARTERS = new Set([
  'the', 'a', 'an', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'they', 'he', 'she', 'we', 'i', 'you', 'in', 'on',
  'at', 'for', 'but', 'and', 'or', 'however', 'also', 'as', 'after', 'before', 'since', 'when', 'while', 'if', 'so', 'then',
  'today', 'our', 'his', 'her', 'their', 'many', 'most', 'some', 'all', 'each', 'one', 'both', 'to', 'by', 'with', 'from',
  'according', 'during', 'although', 'though', 'because', 'yet', 'thus', 'therefore', 'moreover', 'furthermore',
  'meanwhile', 'overall', 'first', 'second', 'finally', 'no', 'not', 'what', 'who', 'where', 'why', 'how', 'my', 'your',
]);

export type NextWord = { kind: 'upper' | 'lower' | 'digit' | 'other' | 'end'; word: string };

/**
 * Whether a period that closes `token` (the letters and dots before it, without the final dot) ends the
 * sentence, given the word that follows. Only called when whitespace follows the period.
 */
export function periodEndsSentence(token: string, next: NextWord): boolean {
  if (next.kind === 'end') return true;
  // A lower-case word after an unknown word still starts a sentence: chat text is often all lower case.
  if (token.length === 0) return true;
  const lower = token.toLowerCase();
  // A time zone in capitals ("9 a.m. ET.") may end a sentence; "et al." and "Mt. Fuji" never do.
  const zone = ZONES.has(lower) && token.length > 1 && token === token.toUpperCase();
  if (!zone && NEVER.has(lower)) return false;
  if (NUMBERED.has(lower)) return next.kind !== 'digit';
  if (zone || MAYBE_END.has(lower)) return next.kind === 'upper' || next.kind === 'other';
  // "at 3 pm. Bob hired Alice" is two sentences (QA): a name after a time is rarer than a new sentence.
  if (TIME.has(lower)) return next.kind === 'upper' && !TIME_GOES_ON.has(next.word.toLowerCase());
  const dotted = token.includes('.');
  // Initials ("J. K. Rowling") and upper-case initialisms ("U.S. Army"): break only before a typical opener.
  if ((token.length === 1 && token >= 'A' && token <= 'Z') || (dotted && /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(token))) {
    return next.kind === 'upper' && STARTERS.has(next.word.toLowerCase());
  }
  return true;
}
