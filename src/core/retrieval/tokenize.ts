// Search terms for English and Japanese (and mixed) text. Both documents and queries go through here.
import { stemmer } from 'stemmer';

// Japanese runs: kanji, kana, the long-vowel mark and the iteration mark.
const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}ー々〆ヶ';
// One pass over the text: numbers ("1,000", "3.5"), CJK runs, then words of any other script.
const TOKEN = new RegExp(`(\\p{Nd}+(?:[.,]\\p{Nd}+)*)|([${CJK}]+)|([[\\p{L}\\p{M}\\p{N}]--[${CJK}]]+)`, 'gv');
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ASCII_WORD = /^[a-z]+$/;
const HIRAGANA_ONLY = /^[\p{sc=Hiragana}ー]+$/u;
const KANJI_KATAKANA = /[\p{sc=Han}\p{sc=Katakana}ー々ヶ]{2,}/gu;

/** English words too common to help ranking. Negations are kept: graders look for them. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been being but by did do does for from had has have he her his i if in into is it its ' +
    'me my of on or our she so such than that the their them then there these they this those to was we were ' +
    'what when where which while who whom why will with would you your s t').split(' '),
);

let segmenter: Intl.Segmenter | undefined;
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/**
 * Lower-cased, NFKC-normalised terms: English words stemmed (Porter) without stopwords, numbers with
 * thousands separators removed ("1,000" → "1000"), Japanese as Intl.Segmenter words (particles dropped)
 * plus character bigrams of kanji/katakana runs, so compounds match however they are segmented.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const normal = text.normalize('NFKC').toLowerCase();
  for (const m of normal.matchAll(TOKEN)) {
    if (m[1] !== undefined) addNumber(m[1], out);
    else if (m[2] !== undefined) addJapanese(m[2], out);
    else addWord(m[0], out);
  }
  return out;
}

function addNumber(num: string, out: string[]): void {
  if (!num.includes(',')) out.push(num);
  else if (THOUSANDS.test(num)) out.push(num.replace(/,/g, ''));
  else for (const part of num.split(',')) out.push(part);
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

function addJapanese(run: string, out: string[]): void {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  for (const s of segmenter.segment(run)) {
    const word = s.segment;
    // Short hiragana words are particles and endings (は, が, です); longer ones can be content words.
    if (s.isWordLike && !(word.length <= 2 && HIRAGANA_ONLY.test(word))) out.push(word);
  }
  for (const m of run.matchAll(KANJI_KATAKANA)) {
    const r = m[0];
    if (r.length < 3) continue; // a two-character run is already its own bigram (and usually its own word)
    for (let i = 0; i + 2 <= r.length; i++) out.push(r.slice(i, i + 2));
  }
}
