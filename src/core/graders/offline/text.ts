// Words, stems and sentences for alignment. English: lower case + Porter stem; Japanese: Intl.Segmenter
// words. Stop words carry no weight: a claim is not "covered" because the reference also says "the".
import { stemmer } from 'stemmer';
import { canonical, canonicalJa } from './lexicon';

export interface Token {
  /** Surface form as written. */
  surface: string;
  /** Matching key: lower-cased Porter stem (English) or NFKC word (Japanese). */
  key: string;
  start: number;
  end: number;
  /** Capitalised inside an English sentence, or katakana / kanji-only in Japanese: a name or a term. */
  name: boolean;
  stop: boolean;
  /** A second key the word answers to: "employs" before a count is keyed "work" ("500 people work at") and is still "employs". */
  alt?: string;
  /** A Japanese word written in kana, as kanji write it (すわっ → 座っ): the opposite pairs are written in kanji. */
  kanji?: string;
  /**
   * The stop words that join a capitalised word to the name before it ("of" in "Bank of America", "of the" in "Lord of
   * the Rings") or open the name it starts ("Most" in "the Most Valuable Player"): a name's initials may read them
   * (`initialisms`), though they are no words to cover.
   */
  link?: string;
  /**
   * A Japanese word written in katakana that is its text's whole katakana run (バス of バスの中; not サー of サー|ファー, a
   * piece the segmenter cut from a word it does not know): found only inside a longer run, it is another word (`tokenMatch`).
   */
  wholeKatakana?: boolean;
}

const STOP = new Set(
  (
    'a an the and or but if of to in on at by for from with as into onto over under about than then that this these those ' +
    'is are was were be been being am do does did done has have had having will would shall should can could may might must ' +
    'it its it\'s they them their there here he him his she her we us our you your i me my mine who whom whose which what when where why how ' +
    'so such too very also just only even more most much many some any all each both either other another own same ' +
    'up down out off again further once s t d ll re ve m o y also well really quite like yes oh okay ok um uh hi hello ' +
    'yeah yea yep nope sure actually basically one thing things lot lots get got make made go going know think say said says one\'s per via etc e.g i.e'
  ).split(/\s+/),
);

// Words with which a summary points at its source ("The passage discusses...", "the article highlights"):
// they say where a fact comes from, not what it is, so a reference need not contain them.
const SOURCE_WORDS = new Set(
  'passage passages article text document summary author discuss discusses discussed describe describes described highlight highlights highlighted mention mentions mentioned'.split(' '),
);

// A summary's count of what its source holds: "The passage describes two different films titled Veeram", "the article
// mentions three individuals". The count is the summary's own tally of the source's items, not a figure the source
// gives, and the generic words around it ("separate pieces of information", "individuals", "named") point at the
// source's items rather than say anything of them: none of them is a word the references must have.
const SOURCE_COUNT = new RegExp(
  String.raw`\b(?:passage|article|text|document|source|summary)s?\s+(?:also\s+|then\s+|appears\s+to\s+|seems\s+to\s+)?` +
    String.raw`(?:describe|discuss|mention|contain|provide|cover|present|include|introduce|feature|concern|talk about|refer to)s?\s+` +
    String.raw`(?:information\s+(?:about|on)\s+)?(two|three|four|five|six|seven|eight|nine|ten|[2-9])\b`,
  'gi',
);
const SOURCE_ITEM_WORDS = new Set(
  'separate different distinct unrelated other pieces piece bits items of information individuals individual people persons topics subjects things entities named titled called with the name'.split(' '),
);

/**
 * The words of a summary's count of its source's items (`SOURCE_COUNT`): the count and the generic words after it, up to
 * the first word that says what the items are, and a naming word after that one ("films titled", "individuals named").
 */
export function sourceCounts(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(SOURCE_COUNT)) {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    out.push({ start, end: start + m[1]!.length });
    let kept = 0;
    for (const w of text.slice(start + m[1]!.length).matchAll(/\S+/g)) {
      const word = w[0].toLowerCase().replace(/[^\p{L}]+$/u, '');
      const at = start + m[1]!.length + (w.index ?? 0);
      if (SOURCE_ITEM_WORDS.has(word)) out.push({ start: at, end: at + word.length });
      else if (kept++ > 0 || /[^\p{L}]$/u.test(w[0])) break;
      if (/[^\p{L}]$/u.test(w[0])) break;
    }
  }
  return out;
}

// Japanese function words that Intl.Segmenter returns as words: particles, copulas, auxiliaries; 誰 and 何 ("who",
// "what": 誰もいない says nobody, a negation, not a word for the sentence to cover), as なに is already.
// ありま is ある's stem before ます that the segmenter splits off (ありません, あります), as いま is いる's.
const JA_STOP = new Set(
  '誰 何 の に は を が と で も へ や から まで より な だ です ます まし た て てい てる い いる いま ある あり ありま あっ する し され れ られ か こと もの よう これ それ あれ この その あの ここ そこ など ね よ ん 約 およそ おおよそ ほぼ 概ね'.split(' '),
);

// Japanese words that only negate (禁止, 禁じる): the negation check judges them, as it does ない.
const JA_NEGATING = /^禁止?$/;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const KATAKANA_OR_KANJI = /^[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaffー]+$/;

let segmenter: Intl.Segmenter | undefined;
function jaSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' }));
}

/**
 * Text with Markdown's underscore emphasis marks as spaces, the same length so offsets hold: to the number and
 * negation patterns, "_900 metres_" would be one word with the marks ("\b" counts "_" as a letter), and
 * "__ten__" no number at all. An underscore inside a word ("max_tokens") stays.
 */
function withoutUnderscoreMarks(text: string): string {
  return text.includes('_') ? text.replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, (m) => ' '.repeat(m.length)) : text;
}

/** A text as the grader reads it, and where each of its UTF-16 units stands in the text as written. */
export interface ReadText {
  text: string;
  /** Offset in the written text of each unit of `text`, then the written text's length; absent where they are the same. */
  at?: readonly number[];
  /** Where each unit of `text` ends in the written text, where a unit stands for more than one (a letter composed with its accent). */
  to?: readonly number[];
}

// Characters that show nothing (zero-width space, joiner and non-joiner, word joiner, soft hyphen, BOM, bidi
// controls): "3\u200C30" is 330 and "Eif\u200Bfel" Eiffel, so they are read as absent.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const UNUSUAL = /[\u00a0\u00ad\u2007-\u2013\u202a-\u202f\u2060-\u2064\u2066-\u2069\u2212\ufeff\u0300-\u036f\u3099\u309a]/;
// A letter and the accents written after it as separate characters ("c\u0327" for "ç", か + "\u3099" for が): one letter,
// as the composed form reads ("Franc\u0327ois" is "François").
const DECOMPOSED = /^\P{M}[\u0300-\u036f\u3099\u309a]+/u;
// A no-break or thin space between digit groups is a thousands separator ("3\u202F776", "1\u00A0083" = 3,776, 1,083).
const SPACED_THOUSANDS = /(?<![\d.,])\d{1,3}(?:[\u00a0\u2007-\u200a\u202f]\d{3})+(?!\d)/g;

/**
 * The text the grader reads: Markdown's underscore marks as spaces, invisible characters dropped, no-break and thin
 * spaces as spaces (or thousands separators between digit groups), the hyphen characters as "-", and a minus sign or
 * en dash before a digit ("\u22125", "1939\u20131945") as "-". Everything reads this text; whatever points into the
 * written text (a fix, an evidence quote) is mapped back with `writtenRange`.
 */
export function readable(written: string): ReadText {
  const marked = withoutUnderscoreMarks(written);
  if (!UNUSUAL.test(marked)) return { text: marked };
  let text = '';
  const at: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (INVISIBLE.test(marked[i]!)) continue;
    const cluster = DECOMPOSED.exec(marked.slice(i, i + 8))?.[0];
    const composed = cluster?.normalize('NFC');
    if (cluster && composed!.length < cluster.length) {
      for (const unit of composed!.split('')) {
        text += unit;
        at.push(i);
        to.push(i + cluster.length);
      }
      i += cluster.length - 1;
      continue;
    }
    text += marked[i];
    at.push(i);
    to.push(i + 1);
  }
  at.push(written.length);
  text = text
    .replace(SPACED_THOUSANDS, (m) => m.replace(/\D/g, ','))
    .replace(/[\u00a0\u2007-\u200a\u202f]/g, ' ')
    .replace(/[\u2010\u2011]|[\u2012\u2013\u2212](?=\d)/g, '-');
  return { text, at, to };
}

/** The written text's range of `start`..`end` in the text read: invisible characters inside it included. */
export function writtenRange(r: ReadText, start: number, end: number): { start: number; end: number } {
  if (!r.at) return { start, end };
  return { start: r.at[start]!, end: end > start ? (r.to?.[end - 1] ?? r.at[end - 1]! + 1) : r.at[start]! };
}

/** Two or more kanji: a word that, found only inside another word, is another word (京都 in 東京都). */
export const KANJI_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/;

const ASCII = /^[\x00-\x7f]*$/;

/** Whether the text is plain ASCII, which some patterns read by a faster way to the same result. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

const LATIN_ACCENTED = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]/g;
const stemCache = new Map<string, string>();
export function stem(word: string): string {
  // Cached by the word as written: stemming runs for every token of every reference sentence.
  let s = stemCache.get(word);
  if (s === undefined) {
    // Hyphens vary between spellings of one word (Ibero-American, Iberoamerican), and a number word inside
    // a compound is its numeral ("ten-minute" = "10-minute"; "twenty-one" stays a number word).
    const lower = numeralsInCompound(word)
      .toLowerCase()
      .replace(/^(\d{4})['’]?s$/, '$1s') // 1960's = 1960s
      .replace(/['’]s$/, '')
      .replace(/^0+(\d)/, '$1') // 08 = 8
      .replace(/-/g, '')
      // Accents come and go in names written in English ("Étienne", "Etienne"; "São Paulo", "Sao Paulo").
      .replace(LATIN_ACCENTED, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    // "used", "uses" and "using" stem to "us", which the lexicon reads as the U.S.: they are "use".
    const stemmed = /^[a-z]+$/.test(lower) ? usedAsUse(lower, stemmer(american(lower))) : lower;
    s = canonical(lower) ?? canonical(stemmed) ?? stemmed;
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

function usedAsUse(lower: string, stemmed: string): string {
  return stemmed === 'us' && lower !== 'us' ? 'use' : stemmed;
}

function numeralsInCompound(word: string): string {
  if (!word.includes('-')) return word;
  const parts = word.toLowerCase().split('-');
  const numerals = parts.map((p) => canonical(p) ?? p);
  const isNumeral = (p: string): boolean => /^\d+$/.test(p);
  return numerals.every(isNumeral) ? word : parts.map((p, i) => (isNumeral(numerals[i]!) ? numerals[i]! : p)).join('-');
}

const KANJI_NUM: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/** Japanese matching key: NFKC, katakana as hiragana (ネコ = ねこ), a lone kanji digit as its numeral (二 = 2). */
export function jaKey(w: string): string {
  const n = w.normalize('NFKC').toLowerCase();
  const c = canonicalJa(n);
  if (c) return c;
  if (KANJI_NUM[n]) return KANJI_NUM[n]!;
  return n.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

// -ise words that are not British -ize: otherwise, exercise, promise, surprise, advertise, comprise...
const NOT_ISE = /(otherw|exerc|prom|prem|surpr|expert|comprom|advert|enterpr|franch|merchand|superv|telev|rev|adv|dev|compr|desp|improv|chast|circumc|disgu|excise|inc|prec|conc|rais|prais|pois|nois|cru|bru|mo|wi|ri|ar)$/;

/** British spellings as American ones, so "programme" meets "program" and "organised" meets "organized". */
function american(w: string): string {
  if (w.length <= 4) return w;
  return w
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/^(\w{4,})is(e|es|ed|ing)$/, (m, root: string, end: string) => (NOT_ISE.test(root) ? m : `${root}iz${end}`))
    .replace(/(col|hon|fav|lab|neighb|flav|harb|behavi|rum|hum|vig|arm|endeav)our(s|ed|ing|ite|ites)?$/, '$1or$2')
    .replace(/^programme(s?)$/, 'program$1')
    .replace(/(cent|met|theat|fib|lit)re(s?)$/, '$1er$2');
}

/** Tokens with UTF-16 offsets into `text`. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  if (hasCjk(text)) {
    // A word written in kana that the segmenter cuts into particles (す|わっ|てい, の|んで): read whole, up to where it ends.
    let kanaEnd = 0;
    let prevSegment = '';
    for (const seg of jaSegmenter().segment(text)) {
      const afterSegment = prevSegment;
      prevSegment = seg.segment;
      if (seg.index < kanaEnd) {
        const rest = seg.index + seg.segment.length - kanaEnd;
        if (seg.isWordLike && rest > 0) out.push({ surface: text.slice(kanaEnd, kanaEnd + rest), key: text.slice(kanaEnd, kanaEnd + rest), start: kanaEnd, end: kanaEnd + rest, name: false, stop: true });
        continue;
      }
      if (!seg.isWordLike) continue;
      const kana = kanaWordAt(text, seg.index, out[out.length - 1]) ?? verbStemAt(text, seg.index);
      if (kana) {
        out.push(kana);
        kanaEnd = kana.end;
        // The rest of a segment that runs past the stem (寝転|んで) is its ending.
        const segEnd = seg.index + seg.segment.length;
        if (segEnd > kana.end) {
          out.push({ surface: text.slice(kana.end, segEnd), key: text.slice(kana.end, segEnd), start: kana.end, end: segEnd, name: false, stop: true });
          kanaEnd = segEnd;
        }
        continue;
      }
      const w = seg.segment;
      if (/^[a-zA-Z]/.test(w)) {
        out.push(latin(w, seg.index, text));
        continue;
      }
      // Free of charge: 無料 = ただ (before です, だ, で: not ただの "mere", ただ "just") = 0円.
      const free = (w === 'ただ' && /^(?:です|だ|で)/.test(text.slice(seg.index + 2))) || (/^[0０]$/.test(w) && text[seg.index + 1] === '円');
      if (free || (w === '円' && /[0０]$/.test(text.slice(0, seg.index)) && !/[0-9０-９.,]/.test(text[seg.index - 2] ?? ''))) {
        out.push({ surface: w, key: FREE_JA, start: seg.index, end: seg.index + w.length, name: false, stop: !free });
        continue;
      }
      const key = countedAfter(w, out[out.length - 1], seg.index) ?? jaKey(w);
      // A kanji numeral is a number, checked as one (三十一メートル = 31メートル), not a word to cover.
      // Short hiragana words are particles and endings; short katakana words are loanwords (ドア, バス, ペン): content.
      // 禁止 (prohibited) is a negation, checked as one (negation.ts), not a word to cover: 撮影は禁止です = 撮影できません.
      const stop = JA_STOP.has(key) || /^[\u3040-\u309f]{1,2}$/.test(w) || /^[〇一二三四五六七八九十百千万億]+$/.test(w) || JA_NEGATING.test(w) || isKanaPiece(w, text[seg.index - 1] ?? '', afterSegment);
      out.push({ surface: w, key, start: seg.index, end: seg.index + w.length, name: KATAKANA_OR_KANJI.test(key) && key.length > 1, stop });
    }
    return markWholeKatakana(flightOfFliers(lexiconWordsWhole(out)), text);
  }
  // A hyphen between two digits is a range, two numbers ("1368–1644" reads "1368-1644"); between letters, one word.
  // An ampersand between letters joins a name ("AT&T", "R&D", "H&M"), whose letters alone are stop words.
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:(?:['’.]|(?<=\p{L})&(?=\p{L})|(?<!\p{N})-|-(?!\p{N}))[\p{L}\p{N}]+)*/gu)) out.push(latin(m[0], m.index ?? 0, text));
  markNameLinks(out, text);
  return out;
}

// A hyphen with a space on one side or both between two words ("mid - to -late", "all - star", "in - run"): text split
// into tokens before it was written out, one hyphenated word. Letters on both sides only: "18 - 49" is a range, and a
// dash in prose has spaces on both sides and words of a sentence around it, which no reference writes as one word.
const SPACED_HYPHEN = /^(?:\s+-\s*|-\s+)$/;

/** A run of claim words joined by spaced hyphens: its range in the claim and the key of the one word it writes. */
export interface SpacedCompound {
  start: number;
  end: number;
  key: string;
}

/**
 * Runs of words joined by a spaced hyphen, each as the one word it writes ("mid - to -late" → the key of
 * "mid-to-late"). Only where a reference has that word does it count (`align`).
 */
export function spacedCompounds(text: string, toks: readonly Token[]): SpacedCompound[] {
  const out: SpacedCompound[] = [];
  for (let i = 0; i < toks.length; ) {
    let j = i;
    while (j + 1 < toks.length && SPACED_HYPHEN.test(text.slice(toks[j]!.end, toks[j + 1]!.start)) && /\p{L}$/u.test(toks[j]!.surface) && /^\p{L}/u.test(toks[j + 1]!.surface)) j++;
    if (j > i) {
      const word = toks.slice(i, j + 1).map((t) => t.surface).join('-');
      out.push({ start: toks[i]!.start, end: toks[j]!.end, key: latin(word, 0, word).key });
    }
    i = j + 1;
  }
  return out;
}

// Counters right after a number, by what they count: an animal is counted 匹, 頭 or 羽 and a thing 個, 台, 本 or 枚 as a
// speaker likes (象が二頭 = 二匹の象, 携帯電話が2台 = 2個), so another counter of one kind is the same count, not
// another word (the number check compares the values).
const COUNTER_KIND_JA: Record<string, string> = {
  匹: '匹', 頭: '匹', 羽: '匹', 個: '個', 台: '個', 本: '個', 枚: '個', 冊: '個', 着: '個', 脚: '個', 杯: '個', 艘: '個', 隻: '個', 機: '個', 両: '個', 棟: '個', 軒: '個', 基: '個',
};
const NUMERAL_JA = /^(?:[0-9０-９]+|[〇一二三四五六七八九十百千万]+)$/;

// A kanji numeral and its counter that the segmenter keeps as one word (五人, 三台).
const COUNT_WORD_JA = new RegExp(`^[〇一二三四五六七八九十百千]+([人名${Object.keys(COUNTER_KIND_JA).join('')}])$`);

/** The counter's key (`COUNTER_KIND_JA`) of a kanji count the segmenter keeps as one word: 台 of 三台 (= 個), 人 of 五人. */
export function counterOfCountJa(w: string): string | undefined {
  const counter = COUNT_WORD_JA.exec(w)?.[1];
  return counter && (COUNTER_KIND_JA[counter] ?? counter);
}

/** Whether a word is a number written in digits or kanji numerals (5, ５, 五, 十二). */
export function isNumeralJa(w: string): boolean {
  return NUMERAL_JA.test(w);
}

/** The key of a counter right after a number (`COUNTER_KIND_JA`), or undefined: 頭 after 二 counts, 頭を is a head. */
function countedAfter(w: string, prev: Token | undefined, at: number): string | undefined {
  const kind = COUNTER_KIND_JA[w];
  return kind && prev && prev.end === at && NUMERAL_JA.test(prev.surface) ? kind : undefined;
}

// A katakana word, and one katakana letter or the long-vowel mark (not the middle dot ・, which parts words).
const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/;
export const KATAKANA_LETTER = /[\u30a1-\u30fa\u30fc]/;

/** Sets `wholeKatakana` on each katakana word with no katakana letter right before or after it. */
function markWholeKatakana(toks: Token[], text: string): Token[] {
  for (const t of toks) {
    if (KATAKANA_WORD.test(t.surface) && !KATAKANA_LETTER.test(text[t.start - 1] ?? '') && !KATAKANA_LETTER.test(text[t.end] ?? '')) t.wholeKatakana = true;
  }
  return toks;
}

// 飛ぶ is a jump said of people and animals in the air (スノーボーダーが空中を飛んでいます = ...ジャンプしています: the
// lexicon keys 飛 with 跳 and ジャンプ), and flight said of what flies: 鳥が飛んでいる is no 鳥がジャンプしている. What flies:
// birds (a bird's counter 羽 included), aircraft (飛行機, 航空機, プロペラ機), kites, balloons, insects, a thrown ball.
const FLIER_JA = /(?:鳥|機|凧|カイト|ヘリ|ヘリコプター|風船|気球|ドローン|蝶|虫|鳩|ハト|カモメ|カラス|ボール|フリスビー|羽)$/;
const JUMP_JA = canonicalJa('跳');

/**
 * 飛 (飛んで, 飛び立つ, とんで) said of a flier is flight, keyed as the verb's dictionary form (飛ぶ, which the segmenter
 * leaves whole), not a jump. What it is said of: the subject before it (鳥が, 小鳥たちが, 鳥の群れが), or the word it
 * describes right after it (飛んできたボール); not another word of the sentence (男性がボールを追いかけて飛んでいます).
 */
function flightOfFliers(toks: Token[]): Token[] {
  toks.forEach((t, i) => {
    if (t.key === JUMP_JA && /^(?:飛|とん)/.test(t.surface) && saidOf(toks, i).some((x) => FLIER_JA.test(x.surface))) t.key = '飛ぶ';
  });
  return toks;
}

/** The words a verb at `toks[i]` is said of: its subject, marked が or は, with the noun before its の, and the noun it describes. */
function saidOf(toks: readonly Token[], i: number): Token[] {
  const out: Token[] = [];
  const content = (k: number, step: number): number => {
    while (k >= 0 && k < toks.length && toks[k]!.stop) k += step;
    return k;
  };
  // The word after it where the verb's last ending is attributive (飛んで|きた|ボール, 飛んで|いる|鳥), not a て form (飛んで|ボールを).
  const after = content(i + 1, 1);
  if (after < toks.length && after > i + 1 && /[たるい]$/.test(toks[after - 1]!.surface)) out.push(toks[after]!);
  let marker = i - 1;
  while (marker >= 0 && !(toks[marker]!.stop && /^(?:が|は)$/.test(toks[marker]!.surface))) marker--;
  const subject = marker < 0 ? -1 : content(marker - 1, -1);
  if (subject >= 0) {
    out.push(toks[subject]!);
    if (toks[subject - 1]?.surface === 'の') {
      const owner = content(subject - 2, -1);
      if (owner >= 0) out.push(toks[owner]!);
    }
  }
  return out;
}

/** A place in or by a thing (部屋の中, 机の上): what the phrase names is that thing's. */
const PLACE_IN_JA = /^(?:中|上|下|横|前|後ろ|外|内|奥|隣)$/;

/**
 * A lexicon word the segmenter cuts into pieces (男|の|人, 電子|レンジ, バス|ルーム, 部屋|の|中) as one token with the
 * lexicon's key: its pieces are other words (the バス of バスルーム is no bus, the 人 of 男の人 no word the reference must
 * repeat). Two or three pieces written together, a kanji or katakana among them; not a count (2|人), which the number
 * check reads.
 */
function lexiconWordsWhole(toks: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    let merged: Token | undefined;
    for (let n = 3; n >= 2 && !merged; n--) {
      const run = toks.slice(i, i + n);
      if (run.length < n || run.some((t, k) => k > 0 && t.start !== run[k - 1]!.end)) continue;
      const word = run.map((t) => t.surface).join('');
      const key = canonicalJa(word.normalize('NFKC').toLowerCase());
      if (key && /[\u30a0-\u30ff\u3400-\u9fff]/.test(word) && !/[0-9０-９]/.test(word)) {
        merged = { surface: word, key, start: run[0]!.start, end: run[n - 1]!.end, name: KATAKANA_OR_KANJI.test(key) && key.length > 1, stop: false };
        // It still answers to the word that names the thing: the head of a compound (電話 of 携帯|電話), the noun before
        // の where a place in it follows (部屋 of 部屋|の|中); not the noun before any other (熊 of 熊|の|ぬいぐるみ).
        const head = run.some((t) => t.stop) ? (PLACE_IN_JA.test(run[n - 1]!.surface) ? run[0]! : undefined) : run[n - 1]!;
        if (head && !head.stop && head.key !== key) merged.alt = head.key;
        i += n - 1;
      }
    }
    out.push(merged ?? toks[i]!);
  }
  return out;
}

// Verbs and nouns written in kana, which the segmenter cuts into one- and two-kana pieces read as particles (す|わっ|
// てい|ます, の|んで): the kana stem, the kanji that writes it (keyed as the segmenter keys 座って: 座), and the kana
// that may follow the stem (たべ needs none), and where one must come after a particle, that particle (傘をさして: the
// adverb さして, "not particularly", follows は or も). Only forms no particle or ending spells: not のみ ("only"), とび
// (とびら), おいて (において), した (the past of する), ある (to be), のせい ("because of").
const KANA_WORDS: readonly { kana: string; kanji: string; next: string; after?: string }[] = [
  { kana: 'すわ', kanji: '座', next: 'らりるれろっ' }, { kana: 'たべ', kanji: '食', next: '' }, { kana: 'のん', kanji: '飲', next: 'でだ' },
  { kana: 'ねころ', kanji: '寝転', next: 'んばびぶべが' }, { kana: 'ね', kanji: '寝', next: 'てま' }, { kana: 'はし', kanji: '走', next: 'らりるれろっ' },
  { kana: 'あるい', kanji: '歩', next: 'てた' }, { kana: 'ある', kanji: '歩', next: 'くき' }, { kana: 'およ', kanji: '泳', next: 'いぎぐ' },
  { kana: 'とん', kanji: '飛', next: 'でだ' }, { kana: 'もっ', kanji: '持', next: 'てた' }, { kana: 'のっ', kanji: '乗', next: 'てた' },
  { kana: 'たっ', kanji: '立', next: 'てた' }, { kana: 'み', kanji: '見', next: 'てるま' }, { kana: 'かぶ', kanji: '被', next: 'らりるれろっ' },
  { kana: 'すべ', kanji: '滑', next: 'らりるれろっ' }, { kana: 'あそ', kanji: '遊', next: 'んばびぶべ' }, { kana: 'わら', kanji: '笑', next: 'っいうわえ' },
  { kana: 'はい', kanji: '入', next: 'らりるれろっ' }, { kana: 'とま', kanji: '止', next: 'らりるれろっ' }, { kana: 'なら', kanji: '並', next: 'んばびぶべ' },
  { kana: 'おか', kanji: '置', next: 'れ' }, { kana: 'ひと', kanji: '人', next: '' }, { kana: 'まえ', kanji: '前', next: '' }, { kana: 'うえ', kanji: '上', next: '' },
  { kana: 'よこ', kanji: '横', next: '' }, { kana: 'なか', kanji: '中', next: '' }, { kana: 'さし', kanji: '差', next: 'てた', after: 'を' }, { kana: 'のせ', kanji: '乗', next: 'てらた' },
];
// Verbs written with kanji and kana that the segmenter cuts at different places in each form (寝|そ|べ|って, 寝そべる,
// 横|た|わ|って, 横|に|な|って, 寝転んで, 寝|転|が|って): the stem as one token, and the kana that may follow it. The lexicon
// gives the key (寝そべる = 横たわる = 寝転ぶ = 横になる, lying down).
const VERB_STEMS_JA: readonly { stem: string; next: string }[] = [
  { stem: '寝そべ', next: 'らりるれろっ' }, { stem: '横たわ', next: 'らりるれろっ' }, { stem: '寝転', next: 'んばびぶべぼが' },
  // Not 横にならんで (side by side: 並んで).
  { stem: '横にな', next: 'りるれろっ' },
];

/** The verb stem (`VERB_STEMS_JA`) that starts at `at`, as one content token, where one does. */
function verbStemAt(text: string, at: number): Token | undefined {
  for (const v of VERB_STEMS_JA) {
    if (!text.startsWith(v.stem, at) || !v.next.includes(text[at + v.stem.length] ?? '-')) continue;
    // With its っ or ん (寝そべっ|て, 寝転ん|で), so that a reason names the verb with its て (`kanji`: written as read).
    const end = at + v.stem.length + (/[っん]/.test(text[at + v.stem.length]!) ? 1 : 0);
    return { surface: text.slice(at, end), key: jaKey(v.stem), start: at, end, name: false, stop: false, kanji: text.slice(at, end) };
  }
  return undefined;
}

/**
 * The words of a Japanese text written in hiragana alone that say something (たこ, ねこ, りんご, こども, おもちゃ), for
 * retrieval, which otherwise reads only kanji and katakana: a hiragana segment of two or more kana that is no function
 * word (`JA_STOP`, `KANA_FUNCTION_WORDS`), that starts as a word can (not with っ, ん or a small kana: って, んで), and
 * that stands where a word starts: not straight after a kanji or katakana (its okurigana: 向|かって, 開|いてる, 人|がい),
 * after a lone kana that is no particle (the rest of a word the segmenter cut: 人|た|ちがい, と|まっ), or after a
 * verb's て-form (飛|んで|いってい).
 */
export function kanaContentWords(text: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const seg of jaSegmenter().segment(text)) {
    const w = seg.segment;
    if (seg.isWordLike && isKanaContentWord(w) && startsWord(text[seg.index - 1] ?? '', prev)) out.push(w);
    prev = w;
  }
  return out;
}

/**
 * A hiragana segment that is no word but the ending of the word before it or a piece the segmenter cut from a word
 * (向|かって, 開|いてる, 人|た|ちがい, 飛|んで|いってい): it stands where no word starts (`startsWord`).
 */
function isKanaPiece(w: string, before: string, prev: string): boolean {
  return KANA_WORD.test(w) && endsWordBefore(before, prev);
}

function isKanaContentWord(w: string): boolean {
  return KANA_WORD.test(w) && !NO_WORD_START.test(w) && !JA_STOP.has(w) && !KANA_FUNCTION_WORDS.has(w);
}

/** Whether a word may start after the character `before` and the segment `prev` (see `kanaContentWords`). */
function startsWord(before: string, prev: string): boolean {
  return !endsWordBefore(before, prev) && !TE_FORM.test(prev);
}

/** Whether kana after the character `before` and the segment `prev` are the rest of that word (okurigana, a cut piece). */
function endsWordBefore(before: string, prev: string): boolean {
  return KANJI_OR_KATAKANA.test(before) || (prev.length === 1 && HIRAGANA.test(prev) && !PARTICLE_JA.test(prev));
}

const KANA_WORD = /^[\u3041-\u3096]{2,}$/u;
const HIRAGANA = /^[\u3041-\u3096]$/u;
// Particles a kana word may follow (猫とねずみ, りんごやみかん).
const PARTICLE_JA = /^[がをにでのはもとへや]$/u;
// A verb's て-form in kana (飛|んで, 座|って, し|て): what follows it is an auxiliary (飛んでいって, 座っている), not a word.
const TE_FORM = /[っんいし][てで]$/u;
const KANJI_OR_KATAKANA = /^[\u30a1-\u30ff\u3400-\u9fff\uf900-\ufaff々]$/u;
// Hiragana segments that are endings, auxiliaries, conjunctions, formal nouns and demonstratives (not in `JA_STOP`,
// which the grader reads): a search for one finds any passage. And words that start with a kana no word starts with.
const KANA_FUNCTION_WORDS = new Set(
  ('した して しま せん ありま ない なく なかっ なけれ として ながら ところ ところで ほう まま ため とき だけ など とか くらい ほど ので なので ' +
    'のに けど けれど けれども しかし ところが つまり ただし しか ずつ つつ ものの また まだ もう そして さらに でき できる がい がれ まっ きた おり つい こちら そちら あちら どこか なん').split(' '),
);
const NO_WORD_START = /^[ぁぃぅぇぉっゃゅょゎゕゖん]/u;

// What may stand before a kana word: no kana (a kanji or katakana word, the start), or a particle.
const BEFORE_KANA_WORD = /(?:^|[^\u3040-\u309f]|[がをにでのはもとへや])$/;
// What may not follow one: more kana of the same word (ひとつ, ひとり, よこた|わる, なかなか, まえば).
const NOT_AFTER_KANA_NOUN = /^(?:つ|り|びと|た|なか|ば|わ)/;

/** The kana word (`KANA_WORDS`) that starts at `at`, as a content token keyed by its kanji, where one does. */
function kanaWordAt(text: string, at: number, prev: Token | undefined): Token | undefined {
  if (!/[\u3040-\u309f]/.test(text[at] ?? '')) return undefined;
  if (!BEFORE_KANA_WORD.test(text.slice(Math.max(0, at - 1), at)) || (prev && prev.end === at && !prev.stop)) return undefined;
  for (const w of KANA_WORDS) {
    if (!text.startsWith(w.kana, at) || (w.after !== undefined && text[at - 1] !== w.after)) continue;
    const after = text[at + w.kana.length] ?? '';
    if (w.next ? !w.next.includes(after) || after === '' : NOT_AFTER_KANA_NOUN.test(text.slice(at + w.kana.length))) continue;
    const end = at + w.kana.length + (w.next && after !== 'ん' && after !== 'っ' ? 0 : w.next ? 1 : 0);
    return { surface: text.slice(at, end), key: jaKey(w.kanji), start: at, end, name: false, stop: false, kanji: w.kanji + text.slice(at + w.kana.length, end) };
  }
  return undefined;
}

// Words whose key depends on their neighbours: "no longer makes" = "stopped making", "lasts seven hours" = "takes
// seven hours" (a duration; "the last seven days" stays "last").
const NO_LONGER = /\bno\s+$/i;
const DURATION_AFTER = /^\s+(?:for\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|just\s+)?(?:\d|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many)\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)/i;

// A head count: "employs 500 workers" = "500 people work at"; whoever is counted, workers, staff or people, is people.
const COUNT = String.raw`(?:\d[\d,.]*(?:\s*(?:thousand|million))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?)`;
const HEAD_COUNT_AFTER = new RegExp(String.raw`^\s+(?:about\s+|around\s+|over\s+|nearly\s+|almost\s+|some\s+|roughly\s+|more\s+than\s+)?${COUNT}\b`, 'i');
const COUNTED_BEFORE = new RegExp(String.raw`\b${COUNT}\s+(?:[a-z]+\s+)?$`, 'i');
const PEOPLE_WORDS = /^(?:workers?|employees?|staff|people|persons|personnel)$/;
/** The key of a count of people, whatever noun counts them. */
export const HEAD_COUNT = stem('people');
const WORK = stem('work');

/** The key of the noun after a count: one key for whoever is counted ("500 workers" = "500 people"). */
export function countedKey(lower: string): string {
  return PEOPLE_WORDS.test(lower) ? HEAD_COUNT : stem(lower);
}

/** The keys of an upper and a lower bound ("at most", "no more than"; "at least", "no fewer than"). */
export const AT_MOST = 'atmost';
export const AT_LEAST = 'atleast';
const BOUND_AFTER_NO = /^\s+(more|greater|less|fewer)\s+than\b/i;
const FIRED_AFTER = /^\s+(?:the|a|an|his|her|him|them|its|their|\p{Lu})/u;
const BEEN_BEFORE = /\b(?:was|were|been|be|being|got|get|gets)\s+$/i;

/** "more" and "greater" bound from above, "less" and "fewer" from below. */
function boundKey(word: string): string {
  return /^(?:more|greater)$/i.test(word) ? AT_MOST : AT_LEAST;
}

/** The key of "free" (of charge), which "costs nothing" and "at no cost" share, and of 無料, which ただ and 0円 share. */
export const FREE = stem('free');
export const FREE_JA = '無料';
const FREE_PHRASE = /^(?:cost|costs|costing|nothing|charge|no)$/;

/** "costs nothing", "cost nothing", "at no cost", "no charge", "free of charge": each word of them but "at" and "free". */
function costsNothing(lower: string, start: number, end: number, text: string): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (lower === 'nothing') return /\bcost(?:s|ing)?\s+$/i.test(before);
  if (lower === 'no') return /^\s+(?:extra\s+)?charge\b/i.test(text.slice(end, end + 16)) || (/\bat\s+$/i.test(before) && /^\s+(?:extra\s+)?cost\b/i.test(text.slice(end, end + 16)));
  if (lower === 'charge') return /\b(?:no|free\s+of)\s+(?:extra\s+)?$/i.test(before);
  return /^\s+nothing\b/i.test(text.slice(end, end + 10)) || (lower === 'cost' && /\bat\s+no\s+(?:extra\s+)?$/i.test(before));
}

// Every word that `contextKey` reads (its rules test the lower-case word first): any other word, most of them, skips the
// rules' patterns. A new rule's words go here too.
const CONTEXT_WORDS = new Set(
  ('employ employs employed employing worker workers employee employees staff people persons personnel no not more greater less fewer ' +
    'most least fires fired firing cost costs costing nothing charge longer last lasts lasted lasting').split(' '),
);

function contextKey(lower: string, start: number, end: number, text: string): string | undefined {
  if (!CONTEXT_WORDS.has(lower)) return undefined;
  if (/^employ(?:s|ed|ing)?$/.test(lower) && HEAD_COUNT_AFTER.test(text.slice(end, end + 40))) return WORK;
  if (PEOPLE_WORDS.test(lower) && COUNTED_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return HEAD_COUNT;
  // A bound: "no more than 20" is "at most 20", "no less than 20" "at least 20". Both words carry the bound's key, the
  // "no" as a stop word (latin), and negation.ts reads no negation there.
  if (lower === 'no' || lower === 'not') {
    const b = BOUND_AFTER_NO.exec(text.slice(end, end + 14));
    if (b) return boundKey(b[1]!);
  }
  if (/^(?:more|greater|less|fewer)$/.test(lower) && /\b(?:no|not)\s+$/i.test(text.slice(Math.max(0, start - 5), start)) && /^\s+than\b/i.test(text.slice(end, end + 6))) return boundKey(lower);
  if ((lower === 'most' || lower === 'least') && /\bat\s+$/i.test(text.slice(Math.max(0, start - 4), start))) return lower === 'most' ? AT_MOST : AT_LEAST;
  // "was fired", "fired the manager": dismissed, not a fire (hired/dismissed are opposites: negation.ts).
  if (/^(?:fire[sd]|firing)$/.test(lower) && (FIRED_AFTER.test(text.slice(end, end + 12)) || BEEN_BEFORE.test(text.slice(Math.max(0, start - 8), start)))) return stem('dismiss');
  // Free of charge, said three ways: "costs nothing", "at no cost", "free of charge" are "free" (negation.ts reads no
  // negation in the "nothing" or "no" of them).
  if (FREE_PHRASE.test(lower) && costsNothing(lower, start, end, text)) return FREE;
  if (lower === 'longer' && NO_LONGER.test(text.slice(Math.max(0, start - 4), start))) return stem('stop');
  if (/^last(?:s|ed|ing)?$/.test(lower) && start > 0 && DURATION_AFTER.test(text.slice(end, end + 40))) return stem('take');
  return undefined;
}

/** Whether a word at `start` opens its sentence (a capital there says nothing of a name). */
function opensSentence(text: string, start: number): boolean {
  return start === 0 || /[.!?:"“(\n]\s*$/.test(text.slice(Math.max(0, start - 3), start)) || /^\s*$/.test(text.slice(0, start));
}

function latin(w: string, start: number, text: string): Token {
  const lower = w.toLowerCase();
  const key = contextKey(lower, start, start + w.length, text) ?? stem(w);
  // Whether the word opens its sentence is asked only of capitalised words.
  const name = /^\p{Lu}/u.test(w) && !STOP.has(lower) && !opensSentence(text, start);
  // The "no" of "no more than" is part of the bound, which the word after it carries.
  const boundNo = (lower === 'no' || lower === 'not') && (key === AT_MOST || key === AT_LEAST);
  const tok: Token = { surface: w, key, start, end: start + w.length, name, stop: STOP.has(lower) || STOP.has(key) || SOURCE_WORDS.has(lower) || boundNo };
  // "Acme employs 300 engineers" against "It employs engineers": the head count's "employs" is still "employs".
  if (key === WORK && /^employ/.test(lower)) tok.alt = stem(w);
  return tok;
}

// A prefix joined by a hyphen to a name: "ex-Aldershot", "anti-Trump", "post-Soviet", "mid-August" name Aldershot,
// Trump, the Soviets and August. Not to a common word, which the prefix makes another thing: an ex-wife is no wife,
// a non-toxic substance not toxic.
// (No `i` flag: with it \p{Lu} would take a lower-case letter too.)
const PREFIXED_NAME = /^(?:[Ee]x|[Pp]re|[Pp]ost|[Nn]on|[Aa]nti|[Pp]ro|[Mm]id|[Ff]ormer)-(?=\p{Lu})/u;

/** The key of the name a hyphenated prefix is joined to ("ex-Aldershot" → aldershot), which the word also names. */
export function afterPrefix(surface: string): string | undefined {
  const m = PREFIXED_NAME.exec(surface);
  return m ? stem(surface.slice(m[0].length)) : undefined;
}

/** An abbreviation in capitals ("MVP", "CEOs", "NHL"): matched against the initials of a phrase. */
export function isAcronym(surface: string): boolean {
  // Most words fail on their second letter; the pattern runs only for the rest.
  const second = surface[1];
  if (surface.length < 2 || surface.length > 7 || second === undefined) return false;
  if (second !== second.toLowerCase()) return /^\p{Lu}{2,6}s?$/u.test(surface);
  // With the "o" or "of" of a name's "of" ("DoD", "BofA", "IoT").
  return second === 'o' && /^\p{Lu}of?\p{Lu}+(?:of?\p{Lu}+)*s?$/u.test(surface);
}

// A capitalised word ("Most", "Valuable"), as a name's words are written.
const NAME_WORD = /^\p{Lu}\p{Ll}/u;
// Lower-case words that join the words of one name ("Bank of America", "Centers for Disease Control").
const JOINER = /^(?:of|for)$/;
const ARTICLE = /^(?:The|A|An)$/;

/** Sets `link` on each capitalised content word that a joining or opening stop word is read with (see `Token`). */
function markNameLinks(toks: Token[], text: string): void {
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.stop && NAME_WORD.test(t.surface)) {
      const link = nameLinkBefore(toks, k, text);
      if (link) t.link = link;
    }
  }
}

/**
 * The stop words right before the capitalised word `toks[k]` that belong to its name: a capitalised one that is no
 * article and does not open the sentence (where a capital says nothing), or "of", "for", "of the" between it and
 * another capitalised word ("Bank of America"). Side by side, one space apart: a comma ends a name.
 */
function nameLinkBefore(toks: readonly Token[], k: number, text: string): string | undefined {
  const t = toks[k]!;
  const p = toks[k - 1]!;
  if (!p.stop || t.start - p.end !== 1) return undefined;
  if (NAME_WORD.test(p.surface)) return ARTICLE.test(p.surface) || opensSentence(text, p.start) ? undefined : p.surface;
  const joinedThe = p.surface === 'the' && k >= 2 && JOINER.test(toks[k - 2]!.surface) && p.start - toks[k - 2]!.end === 1;
  const first = joinedThe ? k - 2 : k - 1;
  const before = toks[first - 1];
  if (!JOINER.test(toks[first]!.surface) || !before || before.stop || !NAME_WORD.test(before.surface) || toks[first]!.start - before.end !== 1) return undefined;
  return text.slice(toks[first]!.start, p.end);
}

/** Whether `toks[k]` is a stop word that a name word after it reads as its `link`. */
function isNameLink(toks: readonly Token[], k: number): boolean {
  const t = toks[k]!;
  if (!t.stop) return false;
  const next = toks[k + 1]?.link !== undefined ? toks[k + 1] : toks[k + 2];
  return next?.link !== undefined && t.start >= next.start - 1 - next.link.length;
}

/** The initials of a name's link words ("of the" → "ot"). */
function linkInitials(link: string): string {
  return link
    .split(' ')
    .map((w) => w[0]!.toLowerCase())
    .join('');
}

/**
 * The initials of every run of capitalised words, side by side, of up to six words ("Most Valuable Player" → "mvp",
 * "Chief Executive Officer" → "ceo"): `toks[first]` up to `toks[first + count - 1]` spell it. A name's link words
 * (`Token.link`) may be read or left out: "Department of Defense" is "DoD", "Federal Bureau of Investigation" "FBI";
 * "the Most Valuable Player" is "MVP" whether or not its "Most" is among `toks` (a claim's content words leave it out).
 */
export function initialisms(toks: readonly Token[]): { acronym: string; first: number; count: number }[] {
  const out: { acronym: string; first: number; count: number }[] = [];
  let run: number[] = [];
  const flush = (): void => {
    for (let a = 0; a < run.length; a++) {
      let spellings = [''];
      for (let b = a; b < Math.min(run.length, a + 6); b++) {
        const t = toks[run[b]!]!;
        const letter = t.surface[0]!.toLowerCase();
        // A link's letters are optional: between two words of the run, or opening the run ("Most").
        const optional = t.link !== undefined && (b > a || a === 0) ? linkInitials(t.link) : '';
        spellings = spellings.flatMap((s) => (optional ? [s + letter, s + optional + letter] : [s + letter])).slice(0, 8);
        for (const acronym of spellings) if (acronym.length >= 2) out.push({ acronym, first: run[a]!, count: run[b]! - run[a]! + 1 });
      }
    }
    run = [];
  };
  toks.forEach((t, k) => {
    if (isNameLink(toks, k)) return;
    const capital = NAME_WORD.test(t.surface);
    const prev = run.length ? toks[run[run.length - 1]!]! : undefined;
    const gap = prev ? t.start - prev.end : -1;
    // Side by side: one character (a space) between them, or the link words the next word reads; not a comma.
    if (capital && prev && (gap === 1 || (t.link !== undefined && gap === t.link.length + 2))) run.push(k);
    else {
      flush();
      if (capital) run = [k];
    }
  });
  flush();
  return out;
}

/** Content tokens only (no stop words, no bare punctuation). */
export function contentTokens(text: string): Token[] {
  return tokens(text).filter((t) => !t.stop);
}

/**
 * Character bigrams of the text without spaces and punctuation (NFKC, lower case), as numbers (cheaper to
 * hash than strings): Japanese has no spaces to split on.
 */
export function charBigrams(text: string): number[] {
  const s = normalizedChars(text);
  const out: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1));
  return out;
}

/** Character trigrams as numbers (always above every bigram: the first code unit is at least '0'). */
export function charTrigrams(text: string): number[] {
  const s = normalizedChars(text);
  const out: number[] = [];
  for (let i = 0; i + 2 < s.length; i++) out.push((s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1)) * 0x10000 + s.charCodeAt(i + 2));
  return out;
}

function normalizedChars(text: string): string {
  // Plain ASCII text (nearly all English) is its own NFKC form, and lower-cased its letters and digits are [a-z0-9]:
  // the same string without the Unicode normalisation and classes, for every retrieved sentence.
  if (isAscii(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Capitalised words that name no entity: nationalities and regions ("Spanish", "Chinese", "Western"),
// titles ("Mr", "Dr") and initials ("J.R.R", "C"). A summary says "a Spanish couple" where the article says "from Spain".
const NOT_ENTITY = /^(?:\p{Lu}\p{Ll}+(?:ese|ish|ian|ean)|French|Dutch|Swiss|Greek|Thai|Arab|Arabic|Western|Eastern|Northern|Southern|Central|Mr|Mrs|Ms|Dr|Prof|Sir|St)$|^\p{Lu}$|^(?:\p{Lu}\.)+\p{Lu}?$/u;

/** Whether a capitalised claim word names a person, place, work or organisation. */
export function isEntityName(surface: string): boolean {
  return !NOT_ENTITY.test(surface.replace(/['’]s$/, ''));
}
