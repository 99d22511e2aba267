// Search terms for English and Japanese (and mixed) text. Both documents and queries go through here.
import { stemmer } from 'stemmer';
import { canonicalJa } from '../graders/offline/lexicon';
import { kanaContentWords } from '../graders/offline/text';

// Japanese runs: kanji, kana, the long-vowel mark and the iteration mark.
const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}ー々〆ヶ';
// One pass over the text: numbers ("1,000", "3.5"), CJK runs, then words of any other script.
const TOKEN = new RegExp(`(\\p{Nd}+(?:[.,]\\p{Nd}+)*)|([${CJK}]+)|([[\\p{L}\\p{M}\\p{N}]--[${CJK}]]+)`, 'gv');
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ASCII_WORD = /^[a-z]+$/;

/** English words too common to help ranking. Negations are kept: graders look for them. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been being but by did do does for from had has have he her his i if in into is it its ' +
    'me my of on or our she so such than that the their them then there these they this those to was we were ' +
    'what when where which while who whom why will with would you your s t').split(' '),
);

const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/**
 * Lower-cased, NFKC-normalised terms: English words stemmed (Porter) without stopwords, numbers with
 * thousands separators removed ("1,000" → "1000"), Japanese as kanji and katakana runs plus their
 * character bigrams and a run's lexicon key. Hiragana is mostly particles and endings: a passage's hiragana
 * runs give their character bigrams, which a query never asks for but through a word written in hiragana
 * alone (たこ, りんご, おもちゃ: `kanaContentWords`), whose bigrams (and lexicon key) a query's terms include.
 */
export function tokenize(text: string, role: 'query' | 'passage' = 'query'): string[] {
  const out: string[] = [];
  if (!NON_ASCII.test(text)) {
    tokenizeAscii(text.toLowerCase(), out);
    return out;
  }
  const normal = text.normalize('NFKC').toLowerCase();
  let japanese = false;
  for (const m of normal.matchAll(TOKEN)) {
    if (m[1] !== undefined) addNumber(m[1], out);
    else if (m[2] !== undefined) {
      addJapanese(m[2], out, role === 'passage');
      japanese = true;
    } else addWord(m[0], out);
  }
  if (japanese && role === 'query') for (const w of kanaContentWords(normal)) addKanaWord(w, out);
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The same terms as the `TOKEN` pattern for ASCII text (where NFKC changes nothing), by a scan over
 * character codes: most references are ASCII, and the Unicode-aware pattern with its match objects
 * was a third of indexing time. Numbers are digit runs joined by "." or "," before a digit; words are
 * runs of letters and digits starting with a letter.
 */
function tokenizeAscii(text: string, out: string[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      const start = i;
      let comma = false;
      i++;
      for (;;) {
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        const sep = i + 1 < n ? text.charCodeAt(i) : 0;
        if ((sep !== 0x2e && sep !== 0x2c) || !isDigit(text.charCodeAt(i + 1))) break;
        if (sep === 0x2c) comma = true;
        i += 2;
      }
      const num = text.slice(start, i);
      if (comma) addNumber(num, out);
      else out.push(num);
    } else if (c >= 0x61 && c <= 0x7a) {
      const start = i;
      let letters = true;
      i++;
      for (let d = text.charCodeAt(i); i < n && isWordCode(d); d = text.charCodeAt(++i)) if (d <= 0x39) letters = false;
      const word = text.slice(start, i);
      if (!letters) addWord(word, out);
      else {
        // One lookup for the common case: a known word's stem, or '' for a stopword.
        const known = terms.get(word);
        if (known === undefined) addLetterWord(word, out);
        else if (known) out.push(known);
      }
    } else i++;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function addNumber(num: string, out: string[]): void {
  if (!num.includes(',')) out.push(num);
  else if (THOUSANDS.test(num)) out.push(num.replace(/,/g, ''));
  else for (const part of num.split(',')) out.push(part);
}

/** Stems of lower-case ASCII words seen ('' for stopwords), so most words cost one lookup. */
const terms = new Map<string, string>();

function addLetterWord(word: string, out: string[]): void {
  if (terms.size >= MAX_CACHED_STEMS) terms.clear();
  if (STOPWORDS.has(word)) {
    terms.set(word, '');
    return;
  }
  const stem = stemmer(word);
  terms.set(word, stem);
  out.push(stem);
}

function addWord(word: string, out: string[]): void {
  if (STOPWORDS.has(word)) return;
  if (!ASCII_WORD.test(word)) {
    out.push(word);
    return;
  }
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, stem);
  }
  out.push(stem);
}

/**
 * Japanese without a segmenter (Intl.Segmenter costs about 7 µs a word, too slow for megabytes of
 * references): split the run by script, and keep each kanji or katakana run whole plus its character
 * bigrams, so compounds match however they are cut, and the lexicon's key of a run that is a lexicon word.
 * Hiragana (particles and inflections, but also words written in kana) gives a passage its character
 * bigrams, and a query nothing here (`tokenize` adds its kana words).
 */
function addJapanese(run: string, out: string[], kanaBigrams: boolean): void {
  let start = 0;
  let kind = scriptOf(run.charCodeAt(0));
  for (let i = 1; i <= run.length; i++) {
    const next = i < run.length ? scriptOf(run.charCodeAt(i)) : -1;
    if (next === kind) continue;
    if (kind !== HIRAGANA) addRun(run.slice(start, i), out);
    else if (kanaBigrams) addBigrams(run.slice(start, i), out);
    start = i;
    kind = next;
  }
}

/** A query's word written in hiragana (`kanaContentWords`): its bigrams, as a passage's hiragana gives them, and its lexicon key (とり → 鳥). */
function addKanaWord(w: string, out: string[]): void {
  addBigrams(w, out);
  const key = canonicalJa(w);
  if (key && key !== w) addRun(key, out);
}

function addBigrams(r: string, out: string[]): void {
  for (let i = 0; i + 2 <= r.length; i++) out.push(r.slice(i, i + 2));
}

function addRun(r: string, out: string[]): void {
  if (r.length <= MAX_WHOLE_RUN) out.push(r);
  // A run the grader's lexicon keys as another word (蒸気機関車 → 汽車, バスルーム → 浴室): its key too, so that each finds
  // the other though they share no character bigram.
  const key = canonicalJa(r);
  if (key && key !== r) out.push(key);
  if (r.length > 2) addBigrams(r, out);
}

const HIRAGANA = 0;
const KATAKANA = 1;
const KANJI = 2;
const MAX_WHOLE_RUN = 8;

function scriptOf(code: number): number {
  if (code >= 0x3040 && code <= 0x309f) return HIRAGANA;
  if ((code >= 0x30a0 && code <= 0x30ff && code !== 0x30f6) || (code >= 0x31f0 && code <= 0x31ff)) return KATAKANA;
  return KANJI; // Han, 々, 〆, ヶ
}
