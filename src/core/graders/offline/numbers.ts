// Numbers a reader checks: counts, percentages, money, magnitudes ("7 million" = 7,000,000), years,
// months, English number words, Japanese numerals (２人, 三匹, 7万, 1億2000万). Values are compared, not strings.

export type QuantityKind = 'percent' | 'year' | 'month' | 'number';

export interface Quantity {
  value: number;
  kind: QuantityKind;
  /** UTF-16 range of the whole mention in its text (what a fix replaces). */
  start: number;
  end: number;
  /** The mention as written. */
  text: string;
}

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
  hundred: 100, dozen: 12, lakh: 1e5, crore: 1e7,
};

const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  twice: 2, half: 0.5, dozen: 12, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  fourteenth: 14, fifteenth: 15, twentieth: 20,
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = new RegExp(`\\b(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?(?=\\s+\\d|\\s*,?\\s*\\d{4})`, 'g');

const KANJI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 壱: 1, 弐: 2, 参: 3 };
const KANJI_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const KANJI_BIG: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };
// Counters after a bare kanji numeral, so that 一緒 or 統一 are not read as numbers.
const JA_COUNTER = '人名匹頭羽台本枚個件回度歳才年月日時分秒円階冊杯つ着足軒隻機基点位番種';
const JA_NATIVE: Record<string, number> = { ひとつ: 1, ふたつ: 2, みっつ: 3, よっつ: 4, いつつ: 5, ひとり: 1, ふたり: 2, 一人: 1, 二人: 2 };

/** Full-width digits and separators to ASCII, length-preserving (so offsets stay valid). */
function asciiDigits(text: string): string {
  return text.replace(/[０-９．，％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Parses a run of Japanese numerals that may mix ASCII digits: 三, 十二, 二千五百, 7万, 1億2000万. */
export function parseJapaneseNumber(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let current: number | undefined;
  let digits = '';
  const flushDigits = (): void => {
    if (digits) {
      current = Number(digits.replace(/,/g, ''));
      digits = '';
    }
  };
  for (const ch of s) {
    if (/[0-9.,]/.test(ch)) {
      digits += ch;
      continue;
    }
    flushDigits();
    if (ch in KANJI_DIGIT) current = (current ?? 0) * 10 + KANJI_DIGIT[ch]!;
    else if (ch in KANJI_SMALL) {
      section += (current ?? 1) * KANJI_SMALL[ch]!;
      current = undefined;
    } else if (ch in KANJI_BIG) {
      total += (section + (current ?? 0) || 1) * KANJI_BIG[ch]!;
      section = 0;
      current = undefined;
    } else return undefined;
  }
  flushDigits();
  const v = total + section + (current ?? 0);
  return Number.isFinite(v) ? v : undefined;
}

export function quantities(original: string): Quantity[] {
  const text = asciiDigits(original);
  const out: Quantity[] = [];
  const taken: boolean[] = [];
  const add = (q: Omit<Quantity, 'text'>): void => {
    for (let i = q.start; i < q.end; i++) if (taken[i]) return;
    for (let i = q.start; i < q.end; i++) taken[i] = true;
    out.push({ ...q, text: original.slice(q.start, q.end) });
  };
  // Japanese numerals with 万/億/兆 or kanji digits (before ASCII so that 1億2000万 stays one number).
  for (const m of text.matchAll(/[0-9〇零一二三四五六七八九十百千万億兆][0-9,.〇零一二三四五六七八九十百千万億兆]*/g)) {
    const s = m[0];
    const start = m.index ?? 0;
    if (/^[0-9.,]+$/.test(s)) continue;
    const next = text[start + s.length] ?? '';
    const kanjiOnly = /^[〇零一二三四五六七八九十百千]+$/.test(s);
    if (kanjiOnly && !JA_COUNTER.includes(next)) continue;
    const v = parseJapaneseNumber(s.replace(/[,.]$/, ''));
    if (v !== undefined) add({ value: v, kind: next === '年' && v >= 1000 ? 'year' : 'number', start, end: start + s.length });
  }
  for (const [w, v] of Object.entries(JA_NATIVE)) {
    let i = text.indexOf(w);
    while (i >= 0) {
      add({ value: v, kind: 'number', start: i, end: i + w.length });
      i = text.indexOf(w, i + 1);
    }
  }
  // ASCII numbers, with currency, percent and magnitude words.
  const num = /([$€£¥]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(%|percent\b|per cent\b|percentage points?\b))?(?:\s*-?\s*(thousand|million|billion|trillion|bn|mn|tn|k|m|b|lakh|crore)\b)?/gi;
  for (const m of text.matchAll(num)) {
    const start = m.index ?? 0;
    const prev = text[start - 1] ?? '';
    if (/[\p{L}]/u.test(prev) && !m[1]) continue; // part of a code like "A320" or "v2"
    const intPart = m[2]!.replace(/,/g, '');
    let value = Number(intPart + (m[3] ?? ''));
    const scale = m[5]?.toLowerCase();
    // A bare "m"/"b" after a number is a magnitude only with currency ("$5m"), not "5 m" of distance.
    if (scale && (scale.length > 1 || m[1])) value *= SCALE[scale] ?? 1;
    const end = start + m[0].length - (scale && !(scale.length > 1 || m[1]) ? m[5]!.length : 0);
    const kind: QuantityKind = m[4] ? 'percent' : !m[1] && !m[3] && !scale && /^(1[5-9]|20)\d\d$/.test(intPart) ? 'year' : 'number';
    add({ value, kind, start, end: text.slice(start, end).trimEnd().length + start });
  }
  // Number words (two .. ninety, "7 million" handled above), with an optional magnitude.
  for (const m of text.matchAll(/\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|twice|half|dozen|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|fourteenth|fifteenth|twentieth)(?:\s+(hundred|thousand|million|billion|trillion))?\b/gi)) {
    let value = WORDS[m[1]!.toLowerCase()]!;
    if (m[2]) value *= SCALE[m[2].toLowerCase()]!;
    const start = m.index ?? 0;
    add({ value, kind: 'number', start, end: start + m[0].length });
  }
  for (const m of text.matchAll(MONTH_RE)) {
    const key = m[1]!.toLowerCase().slice(0, 3);
    const value = MONTHS.findIndex((x) => x.startsWith(key)) + 1;
    const start = m.index ?? 0;
    add({ value, kind: 'month', start, end: start + m[1]!.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Same value, allowing the claim to round the reference (claim "7 million" vs reference 7,012,000). */
export function sameValue(claim: Quantity, ref: Quantity): boolean {
  if (claim.kind === 'month' || ref.kind === 'month') return claim.kind === ref.kind && claim.value === ref.value;
  const a = claim.value;
  const b = ref.value;
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  // Significant digits the claim was written with decide how much rounding it may carry.
  const digits = claim.text.replace(/[^0-9]/g, '').replace(/0+$/, '').length || 1;
  const tolerance = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(a))) - digits + 1);
  return Math.abs(a - b) <= tolerance + 1e-9;
}

/** Whether two quantities are about the same kind of thing, so a different value is a contradiction. */
export function comparable(a: Quantity, b: Quantity): boolean {
  if (a.kind === 'year' || b.kind === 'year') return a.kind === b.kind;
  if (a.kind === 'month' || b.kind === 'month') return a.kind === b.kind;
  return a.kind === b.kind;
}
