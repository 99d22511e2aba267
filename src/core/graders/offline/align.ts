// Sentence-level alignment: which reference sentences carry the claim's terms. A claim is checked against
// the sentences that best cover it, not against a whole passage, so a stray word elsewhere does not vouch for it.
import type { Passage, ScoredPassage } from '../../types';
import { PHRASES } from './lexicon';
import { manyJa, manyWordJa, negations, type Cue } from './negation';
import { comparable, isoDates, isoWritten, overlaps, quantities, roundsTo, sameValue, type IsoDate, type Quantity } from './numbers';
import { splitSentences } from '../../claims';
import { afterPrefix, charBigrams, charTrigrams, hasCjk, counterOfCountJa, initialisms, isAcronym, isNumeralJa, jaKey, KANJI_WORD, KATAKANA_LETTER, readable, tokens, writtenRange, type SpacedCompound, type Token } from './text';

/**
 * One reference sentence, analysed once (see `SentenceCache`). What every claim's alignment reads is worked out
 * when the sentence is; what only the best-aligned sentences or a few claims read (negation cues, word trigrams,
 * initials, abbreviations) on first use: a check reads thousands of sentences and looks closely at a few.
 */
export class RefSentence {
  /** The sentence as read (`readable`), and its UTF-16 range in the passage as written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Content tokens (no stop words). */
  readonly toks: Token[];
  readonly keys: Set<string>;
  readonly prefixes: Set<string>;
  /** NFKC lower-case text, for Japanese substring matching. */
  readonly norm: string;
  readonly quantities: Quantity[];
  /** ISO dates (2021-10-05), which `quantities` reads as plain numbers: they give only a claim's own date (`isoWritten`). */
  readonly isoDates: IsoDate[];
  /** Every word key (function words too). */
  readonly allKeys: Set<string>;
  /** Every token in order, function words included. */
  readonly seq: Token[];
  /** Character bigrams (and trigrams, Japanese), in order: see `charGrams`. Every retrieved sentence's are read once per claim (`coverageOfLists`). */
  readonly charGramList: number[];
  /**
   * What a sentence that opens with "It", "He", "She" or "They" is about: the first content word of the
   * sentence before it in the passage ("Paris is the capital of France. It has 2.1 million inhabitants.").
   */
  antecedent?: string;
  /** The sentence NFKC and lower case, katakana kept (Japanese), or '' where `norm` does not follow it letter for letter; computed on first use. */
  nfkc?: string;
  /** The sentence's word keys run together (Japanese), computed on first use. */
  joinedKeys?: string;
  private cues?: Cue[];
  private trigrams?: Set<string>;
  private initials?: Set<string>;
  private abbreviated?: Set<string>;
  private gramSet?: Set<number>;

  constructor(
    readonly passage: Passage,
    text: string,
    { start, end }: { start: number; end: number },
  ) {
    const all = tokens(text);
    const toks = all.filter((t) => !t.stop);
    this.text = text;
    this.start = start;
    this.end = end;
    this.seq = all;
    this.toks = toks;
    this.allKeys = new Set<string>();
    for (const t of all) this.allKeys.add(t.key);
    this.keys = new Set<string>();
    this.prefixes = new Set<string>();
    for (const t of toks) {
      this.keys.add(t.key);
      // A count written as one word (三台) gives its counter as a word, as 3|台 does: a claim's 3台 finds it.
      const counter = counterOfCountJa(t.surface);
      if (counter) this.keys.add(counter);
      if (t.alt) this.keys.add(t.alt);
      if (t.key.length >= PREFIX) this.prefixes.add(t.key.slice(0, PREFIX));
      // "The ex-Aldershot player" gives a claim's "played for Aldershot"; the claim's own "ex-Aldershot" still needs the "ex".
      const bare = afterPrefix(t.surface);
      if (bare) {
        this.keys.add(bare);
        if (bare.length >= PREFIX) this.prefixes.add(bare.slice(0, PREFIX));
      }
    }
    // Japanese: also a copy with kanji digits as numerals, so a claim's "2" finds the reference's 二人.
    this.norm = hasCjk(text) ? withNumerals(jaKey(text)) : text.toLowerCase();
    this.quantities = quantities(text);
    this.isoDates = isoDates(text);
    this.charGramList = charGrams(text);
  }

  /** The character grams as a set, for the best-aligned sentences. */
  get charGrams(): Set<number> {
    return (this.gramSet ??= new Set(this.charGramList));
  }

  /** Negation cues. */
  get negations(): Cue[] {
    return (this.cues ??= negations(this.text, this.seq));
  }

  /** Word trigrams, function words included. */
  get wordTrigrams(): Set<string> {
    return (this.trigrams ??= new Set(wordTrigrams(this.seq)));
  }

  /** Initials of the sentence's capitalised phrases ("Most Valuable Player" → "mvp"), for a claim's abbreviation. */
  get acronyms(): Set<string> {
    return (this.initials ??= new Set(hasCjk(this.text) ? [] : initialisms(this.seq).map((x) => x.acronym)));
  }

  /** The sentence's own abbreviations ("MVP"), lower case, for a claim that spells one out. */
  get abbreviations(): Set<string> {
    return (this.abbreviated ??= new Set(this.toks.filter((t) => isAcronym(t.surface)).map((t) => abbreviationKey(t.surface))));
  }
}

const PRONOUN_OPENING = /^(?:it|he|she|they)$/i;

/**
 * A passage is split and tokenised once however many claims, documents and checks retrieve it. Keyed by
 * the passage object (passages are immutable), so the analysis lives exactly as long as the reference
 * index that holds the passage.
 */
export class SentenceCache {
  private readonly byPassage = new WeakMap<Passage, readonly RefSentence[]>();

  sentences(p: Passage): readonly RefSentence[] {
    let s = this.byPassage.get(p);
    if (!s) {
      // Analysed as read (`readable`: no underscore marks, no invisible characters); the evidence quote is cut from
      // the passage as written (evidenceOf).
      const read = readable(p.text);
      const list = lineBlocks(read.text).flatMap((b) => splitSentences(b.text).map((x) => new RefSentence(p, x.text, writtenRange(read, b.start + x.start, b.start + x.start + x.text.length))));
      list.forEach((x, i) => {
        const before = list[i - 1]?.toks[0];
        if (before && x.seq[0] && PRONOUN_OPENING.test(x.seq[0].surface)) x.antecedent = before.key;
      });
      s = list;
      this.byPassage.set(p, s);
    }
    return s;
  }
}

export const PREFIX = 5;

/**
 * Lines of a passage that stand alone (web-page text, headings, list items, lines without a full stop),
 * kept together where the next line continues the sentence in lower case (hard-wrapped prose).
 */
export function lineBlocks(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    // Only short unpunctuated lines (headings, labels, menu items) stand alone. The length is the block's, not
    // the line's: once a block is long, later short lines join it. Splitting those off too (headings alone)
    // cost WiCE 1.7 and FaithBench 0.9 on held-out folds: web pages read better with the glue.
    const line = text.slice(start, i).trim();
    if (/^[ \t]*\p{Ll}/u.test(text.slice(i + 1, i + 40)) || line.length > 80 || /[.!?。！？:;,]["'”’)]*$/.test(line)) continue;
    out.push({ text: text.slice(start, i), start });
    start = i + 1;
  }
  out.push({ text: text.slice(start), start });
  return out.filter((b) => b.text.trim());
}

/** A Japanese key and a copy of it with kanji digits as numerals (二人 as 2人), one per line. */
function withNumerals(key: string): string {
  return `${key}\n${key.replace(/[一二三四五六七八九]/g, (c) => String('一二三四五六七八九'.indexOf(c) + 1))}`;
}

/** How well one reference sentence matches one claim token: 1 exact stem, 0.7 shared 5-letter prefix, 0 none. */
export function tokenMatch(t: Token, s: RefSentence): number {
  if (s.keys.has(t.key) || (t.alt !== undefined && s.keys.has(t.alt))) return 1;
  // "Many", said many ways (数頭, 沢山, 大勢, 多く, 複数, 様々な): a claim's word of it is given by the sentence's.
  if (manyWordJa(t.surface) && manyJa(s.text)) return 1;
  if (hasCjk(t.key)) {
    if (s.norm.includes(t.key)) {
      // A katakana word found only inside a longer one is another loanword: the バス of バスルーム (a bathroom). Not a
      // piece the segmenter cut from a word it does not know (サー of サー|ファー), which is no word of its own.
      if (t.wholeKatakana && HIRAGANA_KEY.test(t.key) && insideKatakanaOnly(t.key, s)) return 0;
      // A kanji word found only starting inside another word is another word: 京都 in 東京|都, 大阪 in 東大阪.
      // At a word's start it is the same one or its compound (東京 in 東京都, 道 in 道路).
      // So is a one-kanji word found only as the end of a compound: 車 in 自転車, 話 in 電話 (`compoundEndOnly`).
      return (KANJI_WORD.test(t.key) && !atWordStart(t.key, s)) || (ONE_KANJI.test(t.key) && compoundEndOnly(t.key, s)) ? 0 : 1;
    }
    // Inflection and compounds: 立ち ~ 立って, 道路 ~ 道. The kanji carry the meaning; okurigana vary.
    const kanji = [...t.key].filter((c) => /[\u3400-\u9fff]/.test(c));
    if (!kanji.length) return 0;
    const share = kanji.filter((c) => s.norm.includes(c)).length / kanji.length;
    return share >= 1 ? 0.8 : share >= 0.5 ? 0.4 : 0;
  }
  // "17-year-old" against "17 years old": every part of a compound is there.
  if (t.surface.includes('-')) {
    const parts = hyphenParts(t.surface);
    if (parts.length > 1 && parts.every((k) => s.keys.has(k))) return 1;
  }
  // A code with digits is its whole self: "qwerty-777-apple" is not "qwerty-777-banana".
  if (t.key.length >= PREFIX && !/\d/.test(t.key) && s.prefixes.has(t.key.slice(0, PREFIX))) return 0.7;
  // One typo apart ("Partiots" for "Patriots"): long words only, where a one-letter change rarely makes another word.
  if (t.key.length >= 6 && !/\d/.test(t.key)) for (const k of s.keys) if (Math.abs(k.length - t.key.length) <= 1 && oneEditApart(k, t.key)) return 0.7;
  return 0;
}

const ONE_KANJI = /^[\u3400-\u9fff\uf900-\ufaff]$/;
// A katakana word's own key (`jaKey` writes it in hiragana), not a lexicon key (テーブル = 机).
const HIRAGANA_KEY = /^[\u3041-\u3096\u30fc]+$/;

/**
 * Whether a katakana word occurs in the sentence only inside a longer katakana run, the whole of which is one loanword
 * (バス in バスルーム, ペン in ボールペン, カー in サッカー). A run the segmenter cuts (サッカー|ボール, ドア|ノブ) gives its
 * parts as keys and never gets here; a run that ends where the word does, beside kanji or kana, is the word (バス in
 * バス停: a stop named for the bus, as "bus stop" names it in English).
 */
function insideKatakanaOnly(key: string, s: RefSentence): boolean {
  const written = (s.nfkc ??= writtenAsNorm(s));
  if (!written) return false;
  for (let i = s.norm.indexOf(key); i >= 0 && i < written.length; i = s.norm.indexOf(key, i + 1)) {
    if (!KATAKANA_LETTER.test(written[i - 1] ?? '') && !KATAKANA_LETTER.test(written[i + key.length] ?? '')) return false;
  }
  return true;
}
/**
 * The sentence NFKC and lower case, katakana kept, where `norm` writes it letter for letter (katakana as hiragana), so
 * that offsets in its first line are offsets in this; '' where they are not.
 */
function writtenAsNorm(s: RefSentence): string {
  const written = s.text.normalize('NFKC').toLowerCase();
  return s.norm.startsWith(`${jaKey(written)}\n`) ? written : '';
}

// Before a kanji, what leaves it the word itself: a number (二人, 3台, 数人), a negating prefix (無人, 未完成), or one of
// size or youth (大木, 小鳥, 子犬: a little bird is a bird).
const KEEPS_WORD_JA = /[0-9一二三四五六七八九十百千万数何不非未無大小子]/;
// Before it in a compound of two kanji, what it is made of or where it is, a noun of its own: a 雪山 is a 山 with snow, a
// 岩山 one of rock, a 林道 a 道 through woods, a 野鳥 a wild 鳥.
const PLACE_OR_MATTER_JA = /[雪岩砂石土泥氷草森林野海川湖山]/;

/**
 * Whether a one-kanji word occurs in the sentence only as the end of a kanji compound, which names another thing:
 * 車 in 自転車, 話 in 電話, 機 in 戦闘機. At a word's start (雪 in 雪山, 人 in 人々), after kana (葉 in 木の葉), or after
 * a number, a negating prefix or one of size (人 in 二人 and 無人, 鳥 in 小鳥) it is the word itself.
 */
function compoundEndOnly(key: string, s: RefSentence): boolean {
  if (atWordStart(key, s)) return false;
  for (let i = s.norm.indexOf(key); i >= 0; i = s.norm.indexOf(key, i + 1)) {
    const before = s.norm[i - 1] ?? '';
    if (!ONE_KANJI.test(before) || KEEPS_WORD_JA.test(before) || (PLACE_OR_MATTER_JA.test(before) && !ONE_KANJI.test(s.norm[i - 2] ?? ''))) return false;
  }
  return true;
}

/** Whether a word occurs in the sentence starting where one of its words starts (its words' keys run together). */
function atWordStart(key: string, s: RefSentence): boolean {
  const joined = (s.joinedKeys ??= s.seq.map((t) => t.key).join(''));
  let at = 0;
  for (const t of s.seq) {
    if (joined.startsWith(key, at)) return true;
    at += t.key.length;
  }
  return false;
}

const partsCache = new Map<string, string[]>();

/** Keys of a hyphenated compound's content parts ("holes-in-one" → hole, one); asked once per sentence, so cached. */
function hyphenParts(surface: string): string[] {
  let parts = partsCache.get(surface);
  if (!parts) {
    parts = surface.split('-').flatMap((p) => tokens(p)).filter((t) => !t.stop).map((t) => t.key);
    if (partsCache.size < 50_000) partsCache.set(surface, parts);
  }
  return parts;
}

/** Levenshtein distance at most 1, or one swap of adjacent letters. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (l.length - s.length !== 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

export function tokenWeight(t: Token): number {
  // A name weighs a little more than a word; a number weighs as a word (numbers have their own checks, and
  // a heavier name made long web pages, where a claim joins facts from several sentences, look unsupported).
  return t.name ? 1.2 : 1;
}

export interface Alignment {
  sentences: RefSentence[];
  /** Indices into `sentences`: the best one, then the one that adds the most coverage to it. */
  best: number[];
  /** Per claim token: best match over the best one / two sentences and over all retrieved sentences. */
  match1: number[];
  match2: number[];
  matchAll: number[];
  /** Per sentence, per claim token: the match of that sentence alone. */
  matches: number[][];
  /** Per sentence: the claim's date parts an ISO date of the sentence gives ("5 October 2021" by 2021-10-05). */
  isoGiven: Quantity[][];
}

export function align(claimToks: readonly Token[], passages: readonly ScoredPassage[], cache: SentenceCache, claimQ: readonly Quantity[] = [], compounds: readonly SpacedCompound[] = []): Alignment {
  const sentences = passages.flatMap((p) => cache.sentences(p.passage));
  const w = claimToks.map(tokenWeight);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const matches = sentences.map((s) => claimToks.map((t) => tokenMatch(t, s)));
  // Abbreviations, either way round: the claim's "MVP" against the sentence's "Most Valuable Player", and the
  // claim's "Most Valuable Player" against the sentence's "MVP". Found once per claim; most claims have none.
  const abbreviated = claimToks.flatMap((t, j) => (isAcronym(t.surface) ? [{ j, key: abbreviationKey(t.surface) }] : []));
  const spelled = initialisms(claimToks);
  if (abbreviated.length || spelled.length) {
    sentences.forEach((s, i) => {
      for (const a of abbreviated) if (s.acronyms.has(a.key)) matches[i]![a.j] = 1;
      for (const x of spelled) if (s.abbreviations.has(x.acronym)) matches[i]!.fill(1, x.first, x.first + x.count);
    });
  }
  // A phrase of the lexicon's, either way round: the claim's "USA" against the sentence's "united states", the claim's
  // "United Kingdom" against the sentence's "UK" (the initials rule above needs capitals and the same letters). Not "us"
  // in lower case, the pronoun.
  const phrased = PHRASES.length ? claimToks.flatMap((t, j) => (t.surface !== 'us' && PHRASES.some((p) => p.key === t.key) ? [{ j, key: t.key }] : [])) : [];
  const spelledOut = PHRASES.flatMap((p) =>
    claimToks.flatMap((_, j) => (p.words.every((w, k) => claimToks[j + k]?.surface.toLowerCase() === w) ? [{ first: j, count: p.words.length, key: p.key }] : [])),
  );
  if (phrased.length || spelledOut.length) {
    sentences.forEach((s, i) => {
      for (const a of phrased) if (PHRASES.some((p) => p.key === a.key && p.pattern.test(s.norm))) matches[i]![a.j] = 1;
      for (const x of spelledOut) if (s.toks.some((t) => t.key === x.key && t.surface !== 'us')) matches[i]!.fill(1, x.first, x.first + x.count);
    });
  }
  // A word the claim writes with a spaced hyphen ("mid - to -late", `spacedCompounds`) that the sentence writes whole
  // ("mid-to-late") covers the words that write it.
  for (const c of compounds) {
    sentences.forEach((s, i) => {
      if (s.keys.has(c.key)) claimToks.forEach((t, j) => {
        if (t.start >= c.start && t.end <= c.end) matches[i]![j] = 1;
      });
    });
  }
  /** Sentence `i` gives the claim's value `q`: the words that write it are covered. */
  const cover = (i: number, q: Quantity): void => claimToks.forEach((t, j) => {
    if (overlaps(t, q)) matches[i]![j] = 1;
  });
  // A measurement the sentence gives in other units ("1,083 ft" for "330 m", "1.5 hours" for "90 minutes"), or a
  // number the claim rounds ("7.2 million" for 7,212,000), or a value below zero whatever spells its sign (マイナス5度 for
  // -5度, "minus 5" for "−5"), or a value within the claim's bound ("320 metres" for "more than 300 metres") or
  // century (1867 for "the 19th century") covers the words that write it.
  for (const q of claimQ) {
    const respelled = (r: Quantity): boolean => (!!q.unit && !!r.unit && r.unit.factor !== q.unit.factor) || (!!q.approx && roundsTo(q, r)) || q.value < 0 || !!q.bound || (q.span ?? 0) > 10;
    sentences.forEach((s, i) => {
      if (s.quantities.some((r) => respelled(r) && comparable(q, r) && sameValue(q, r))) cover(i, q);
    });
  }
  // A Japanese number the sentence writes in the other script (五人 for 5人, 2匹 for 二匹) is the same number: the
  // numeral is covered, and a count written as one word (五人) where the sentence has its counter too.
  if (claimToks.some((t) => hasCjk(t.surface))) {
    for (const q of claimQ) {
      sentences.forEach((s, i) => {
        if (!s.quantities.some((r) => comparable(q, r) && sameValue(q, r))) return;
        claimToks.forEach((t, j) => {
          const counter = counterOfCountJa(t.surface);
          if (overlaps(t, q) && (isNumeralJa(t.surface) || (counter !== undefined && s.keys.has(counter)))) matches[i]![j] = 1;
        });
      });
    }
  }
  // A date the sentence writes in ISO form ("2021-10-05" for "5 October 2021") covers the words that write it.
  const isoGiven = sentences.map((s) => isoWritten(claimQ, s.isoDates));
  isoGiven.forEach((qs, i) => qs.forEach((q) => cover(i, q)));
  const score = (m: readonly number[]): number => m.reduce((a, x, i) => a + x * w[i]!, 0) / total;
  let b1 = -1;
  let s1 = -1;
  matches.forEach((m, i) => {
    const sc = score(m) + 1e-6 * (sentences.length - i); // ties: earlier (better retrieved) sentence wins
    if (sc > s1) [s1, b1] = [sc, i];
  });
  const zero = claimToks.map(() => 0);
  const match1 = b1 >= 0 ? matches[b1]! : zero;
  let b2 = -1;
  let s2 = -1;
  matches.forEach((m, i) => {
    if (i === b1) return;
    const sc = score(m.map((x, j) => Math.max(x, match1[j]!)));
    if (sc > s2 + 1e-9) [s2, b2] = [sc, i];
  });
  const match2 = b2 >= 0 ? matches[b2]!.map((x, j) => Math.max(x, match1[j]!)) : match1;
  const matchAll = claimToks.map((_, j) => matches.reduce((a, m) => Math.max(a, m[j]!), 0));
  const best = [b1, b2].filter((i) => i >= 0 && (i === b1 || s2 > s1 + 0.05));
  return { sentences, best, match1, match2, matchAll, matches, isoGiven };
}

/** "MVPs" → "mvp", "BofA" → "boa": an abbreviation's key, matched against a phrase's initials (`initialisms`). */
function abbreviationKey(surface: string): string {
  return surface.replace(/s$/, '').replace(/of(?=\p{Lu})/gu, 'o').toLowerCase();
}

/**
 * Character bigrams of a text, and trigrams where it has Japanese (only Japanese claims use them), as
 * numbers in one list (see `charBigrams`, `charTrigrams`).
 */
export function charGrams(text: string): number[] {
  return hasCjk(text) ? [...charBigrams(text), ...charTrigrams(text)] : charBigrams(text);
}

export function wordTrigrams(toks: readonly Token[]): string[] {
  const k = toks.map((t) => t.key);
  return k.slice(2).map((_, i) => `${k[i]} ${k[i + 1]} ${k[i + 2]}`);
}

/** Share of `items` present in any of the sets. */
export function coverage<T>(items: readonly T[], sets: readonly Set<T>[]): number {
  if (!items.length || !sets.length) return 0;
  return items.filter((g) => sets.some((s) => s.has(g))).length / items.length;
}

/** `coverage` over lists: one pass over them, no set built for each (every retrieved sentence's character grams). */
export function coverageOfLists<T>(items: readonly T[], lists: readonly (readonly T[])[]): number {
  if (!items.length || !lists.length) return 0;
  const wanted = new Set(items);
  const found = new Set<T>();
  for (const list of lists) for (const x of list) if (wanted.has(x)) found.add(x);
  return items.filter((g) => found.has(g)).length / items.length;
}
