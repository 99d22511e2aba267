// Numbers a reader checks: counts, percentages, money, magnitudes ("7 million" = 7,000,000), years,
// months, English number words, Japanese numerals (２人, 三匹, 7万, 1億2000万). Values are compared, not strings.
import { countedKey, hasCjk, isAscii, type Token } from './text';

export type QuantityKind = 'percent' | 'year' | 'month' | 'number' | 'ordinal';

/** A unit of measure: what it measures and its size in that dimension's base unit (metres, kilograms...). */
export interface Unit {
  dim: string;
  factor: number;
  /** Money: which currency ("dollar", "euro", "yen"); amounts in two currencies never agree (no rates here). */
  currency?: string;
}

export interface Quantity {
  value: number;
  kind: QuantityKind;
  /** UTF-16 range of the whole mention in its text (what a fix replaces), unit or counter included. */
  start: number;
  end: number;
  /** The mention as written. */
  text: string;
  /** Unit or counter ("330 metres", "3776メートル", "20万人"): values in other units of one dimension are converted. */
  unit?: Unit;
  /** The value may be a rounding ("about 40", "3,800", "7 million"): compared to the claim's significant digits. */
  approx?: boolean;
  /**
   * Rounded on purpose: a word says so ("about 300", 約4000) or the amount is in millions, thousands, 万...
   * ("7 million"). Without either, a bare "300" rounds only at two significant digits or more (3,776 → 3,800).
   */
  loose?: boolean;
  /** A range from `value` on: a decade ("1970s") is 10 years. */
  span?: number;
  /** The word after a count without a unit ("3 floors" → "floors"). */
  counts?: string;
  /** A bound, not a value: "more than 300" (min), "under 5%" (max), "before 1960", 300人以上. */
  bound?: Bound;
  /** A year's month where the two are one date ("5 October 2021", "2021年10月"): one value, not two. */
  month?: number;
  /** A day of a month, written beside the month's name ("20 July", "July 20th"): a date, not a count or a rank. */
  day?: boolean;
}

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
  hundred: 100, dozen: 12, lakh: 1e5, crore: 1e7,
};

const UNITS_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const OTHER_WORDS: Record<string, number> = { twice: 2, dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  thirtieth: 30, fortieth: 40, fiftieth: 50, hundredth: 100,
};
const CARDINAL_WORD = `(?:(?:${Object.keys(TENS).join('|')})(?:[-\\s](?:${Object.keys(UNITS_WORDS).join('|')}))?|${Object.keys(TEENS).join('|')}|${Object.keys(UNITS_WORDS).join('|')})`;
const NUMBER_WORD_RE = new RegExp(
  `\\b(?:(a|an)\\s+)?(${CARDINAL_WORD}|twice|dozen|hundred|thousand|million|billion)(?:\\s+(hundred|thousand|million|billion|trillion))?(?:\\s+(thousand|million|billion))?\\b`,
  'gi',
);
const ORDINAL_RE = new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\b`, 'gi');
// "one" counts only where it counts something: not "one of", "no one", "the one", "one another".
const ONE_BEFORE = /\b(the|this|that|which|every|any|no|each|some|at|for|only the)\s+$/i;
const ONE_AFTER = /^\s+(of|another|day|such|way|thing|who|which|that|can|could|might|must|should|would|will|may|is|was|does|did|has|had|or|and|side|hand|point|sense)\b/i;
// Ordinal words are ranks where a determiner or a verb of ranking comes first ("the second level", "finished third").
const ORDINAL_BEFORE = /(\b(the|its|his|her|their|our|my|your|whose|finished|came|ranked|placed|ranking)|['’]s|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth),?\s+(and|or|to))\s+$/i;

const ORDINAL_WORD_RE = new Map(Object.entries(ORDINALS).map(([w, n]) => [n, new RegExp(`\\b${w}\\b`, 'i')]));

/** Whether the text writes `n` as an ordinal word anywhere ("tenth" for 10th), rank cue or not. */
export function saysOrdinal(text: string, n: number): boolean {
  return ORDINAL_WORD_RE.get(n)?.test(text) ?? false;
}

/** One side of a bound; `strict` when the value itself is outside it ("more than 300" is not 300). */
export interface Bound {
  side: 'min' | 'max';
  strict: boolean;
}

// Words that make a number a bound, before it in English ("more than 300 metres", "before 1960") and after it in
// Japanese (300人以上, 1960年より前). "before"/"after" bound only years; "over"/"under" never bound a year.
const BOUND_BEFORE: [RegExp, Bound, 'year' | 'amount'][] = [
  // "no more than" before "more than": the first that matches decides.
  [/\b(?:at\s+least|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|a\s+minimum\s+of)\s+$/i, { side: 'min', strict: false }, 'amount'],
  [/\b(?:at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of)\s+$/i, { side: 'max', strict: false }, 'amount'],
  [/\b(?:more|greater|higher|larger|bigger|longer|taller|older)\s+than\s+$|\b(?:over|above|exceeding|in\s+excess\s+of|upwards\s+of)\s+$/i, { side: 'min', strict: true }, 'amount'],
  [/\b(?:less|fewer|lower|smaller|shorter|younger)\s+than\s+$|\b(?:under|below)\s+$/i, { side: 'max', strict: true }, 'amount'],
  [/\bafter\s+$/i, { side: 'min', strict: true }, 'year'],
  [/\bbefore\s+$/i, { side: 'max', strict: true }, 'year'],
];
const BOUND_AFTER: [RegExp, Bound, 'year' | 'amount'][] = [
  [/^(?:を?超える|を?超え|超)/, { side: 'min', strict: true }, 'amount'],
  [/^以上/, { side: 'min', strict: false }, 'amount'],
  [/^未満/, { side: 'max', strict: true }, 'amount'],
  [/^以下/, { side: 'max', strict: false }, 'amount'],
  [/^以降/, { side: 'min', strict: false }, 'year'],
  [/^より(?:後|あと)/, { side: 'min', strict: true }, 'year'],
  [/^以前/, { side: 'max', strict: false }, 'year'],
  [/^より前/, { side: 'max', strict: true }, 'year'],
];

/** The bound a number's words make of it, and the mention grown to hold them (a fix replaces "more than 300" whole). */
function boundOf(text: string, q: Pick<Quantity, 'kind' | 'start' | 'end'>): { bound: Bound; start: number; end: number } | undefined {
  const fits = (k: 'year' | 'amount'): boolean => (k === 'year' ? q.kind === 'year' : q.kind === 'number' || q.kind === 'percent');
  // Every number of every sentence comes here: the patterns run only where their words can stand (a space before the
  // number, or the first character of a Japanese one after it).
  const before = /\s/.test(text[q.start - 1] ?? '') ? text.slice(Math.max(0, q.start - 24), q.start) : '';
  for (const [re, bound, k] of before ? BOUND_BEFORE : []) {
    const m = fits(k) ? re.exec(before) : null;
    if (m) return { bound, start: q.start - before.length + m.index, end: q.end };
  }
  const after = '超を以未よ'.includes(text[q.end] || '\0') ? text.slice(q.end, q.end + 4) : '';
  for (const [re, bound, k] of after ? BOUND_AFTER : []) {
    const m = fits(k) ? re.exec(after) : null;
    if (m) return { bound, start: q.start, end: q.end + m[0].length };
  }
  return undefined;
}

// Words that mark a rounded value ("about 40 years").
const APPROX_BEFORE = /(\b(about|around|approximately|roughly|nearly|almost|some|over|under|more than|less than|fewer than|up to|at least|at most|circa|ca\.?)\s+|[~≈]\s*|約|およそ|ほぼ|概ね)$/i;

// Units of measure after a number (English), as dimension and size in the base unit. Longest spelling first.
const UNIT_TABLE: [string, Unit][] = [
  ['square kilometres|square kilometers|sq km|km2|km²', { dim: 'area', factor: 1e6 }],
  ['square miles|square mile|sq mi', { dim: 'area', factor: 2_589_988 }],
  ['square metres|square meters|square metre|square meter|sq m|m2|m²', { dim: 'area', factor: 1 }],
  ['square feet|square foot|sq ft|ft2|ft²', { dim: 'area', factor: 0.092903 }],
  ['hectares|hectare|ha', { dim: 'area', factor: 1e4 }],
  ['acres|acre', { dim: 'area', factor: 4046.86 }],
  ['kilometres|kilometers|kilometre|kilometer|km', { dim: 'length', factor: 1000 }],
  ['centimetres|centimeters|centimetre|centimeter|cm', { dim: 'length', factor: 0.01 }],
  ['millimetres|millimeters|millimetre|millimeter|mm', { dim: 'length', factor: 0.001 }],
  ['metres|meters|metre|meter|m', { dim: 'length', factor: 1 }],
  ['feet|foot|ft', { dim: 'length', factor: 0.3048 }],
  ['inches|inch', { dim: 'length', factor: 0.0254 }],
  ['yards|yard|yd', { dim: 'length', factor: 0.9144 }],
  ['miles|mile|mi', { dim: 'length', factor: 1609.344 }],
  ['kilograms|kilogrammes|kilogram|kilogramme|kg', { dim: 'mass', factor: 1 }],
  ['grams|grammes|gram|gramme|g', { dim: 'mass', factor: 0.001 }],
  ['tonnes|tonne|metric tons|metric ton|tons|ton', { dim: 'mass', factor: 1000 }],
  ['pounds|pound|lbs|lb', { dim: 'mass', factor: 0.453592 }],
  ['ounces|ounce|oz', { dim: 'mass', factor: 0.0283495 }],
  ['litres|liters|litre|liter|l', { dim: 'volume', factor: 1 }],
  ['millilitres|milliliters|ml', { dim: 'volume', factor: 0.001 }],
  ['gallons|gallon', { dim: 'volume', factor: 3.78541 }],
  ['km/h|kmh|kph|kilometres per hour|kilometers per hour', { dim: 'speed', factor: 1 }],
  ['mph|miles per hour', { dim: 'speed', factor: 1.609344 }],
  ['°C|℃|degrees Celsius|degrees centigrade', { dim: 'celsius', factor: 1 }],
  ['°F|degrees Fahrenheit', { dim: 'fahrenheit', factor: 1 }],
  // Degrees of no named scale, as Japanese 度 is: whichever scale the other side names (`sameDim`).
  ['degrees|degree', { dim: 'degree', factor: 1 }],
  // Durations in seconds: "12 weeks" is not "12 months". Not years: a count of years is read by the year and
  // rank rules ("seven consecutive years" = "the seventh consecutive year"), which a unit would bypass.
  ['seconds|second|secs|sec', { dim: 'time', factor: 1 }],
  ['minutes|minute|mins|min', { dim: 'time', factor: 60 }],
  ['hours|hour|hrs|hr', { dim: 'time', factor: 3600 }],
  ['days|day', { dim: 'time', factor: 86_400 }],
  ['weeks|week', { dim: 'time', factor: 604_800 }],
  ['months|month', { dim: 'time', factor: 2_629_800 }],
  ['gigahertz|GHz', { dim: 'frequency', factor: 1e9 }],
  ['megahertz|MHz', { dim: 'frequency', factor: 1e6 }],
  ['kilohertz|kHz', { dim: 'frequency', factor: 1e3 }],
  ['hertz|Hz', { dim: 'frequency', factor: 1 }],
  ['kilowatts|kilowatt|kW', { dim: 'power', factor: 1e3 }],
  ['megawatts|megawatt|MW', { dim: 'power', factor: 1e6 }],
  ['watts|watt|W', { dim: 'power', factor: 1 }],
  ['volts|volt|V', { dim: 'voltage', factor: 1 }],
  ['kWh', { dim: 'energy', factor: 1e3 }],
  ['Wh', { dim: 'energy', factor: 1 }],
  ['mAh', { dim: 'charge', factor: 1 }],
  ['terabytes|TB', { dim: 'data', factor: 1e12 }],
  ['gigabytes|GB', { dim: 'data', factor: 1e9 }],
  ['megabytes|MB', { dim: 'data', factor: 1e6 }],
  ['kilobytes|KB|kB', { dim: 'data', factor: 1e3 }],
  // Money: a currency is the amount's unit, so "€4.2 billion" is not "$4.2 billion".
  ['US dollars|dollars|dollar|USD', money('dollar')],
  ['euros|euro|EUR', money('euro')],
  ['yen|JPY', money('yen')],
  ['yuan|renminbi|CNY|RMB', money('yuan')],
  ['rupees|rupee|INR', money('rupee')],
  ['pounds sterling|GBP', money('pound')],
];

function money(currency: string): Unit {
  return { dim: 'money', factor: 1, currency };
}

/** Currency symbols written before an amount. */
const CURRENCY_SYMBOL: Record<string, string> = { $: 'dollar', '€': 'euro', '£': 'pound', '¥': 'yen' };
// Unit symbols written in capitals, which the lower-case rule for short abbreviations would otherwise refuse.
const CASED_SYMBOLS = new Set(['USD', 'EUR', 'JPY', 'CNY', 'RMB', 'INR', 'GBP', 'GHz', 'MHz', 'kHz', 'Hz', 'kW', 'MW', 'W', 'V', 'kWh', 'Wh', 'mAh', 'TB', 'GB', 'MB', 'KB', 'kB']);
const UNIT_SPELLINGS = UNIT_TABLE.map(([s]) => s).join('|');
// A unit ends where Latin letters and digits end: in Japanese a kana follows it directly (5mmです, 1200Wで).
const UNIT_RE = new RegExp(`^(?:\\s?-?\\s?)(${UNIT_SPELLINGS})(?![\\p{Script=Latin}\\p{N}])`, 'iu');
// The same match for plain ASCII text, nearly every number's, in lower case: case-insensitive over all of Unicode, the
// pattern above takes some 20 ms to compile, a thirtieth of a check. In ASCII, Latin letters and digits are [a-z0-9].
const UNIT_RE_ASCII = new RegExp(`^(?:\\s?-?\\s?)(${UNIT_SPELLINGS.toLowerCase()})(?![a-z0-9])`);
/** Every spelling (lower case) to its unit, built once: a unit is looked up for every number read. */
const UNIT_BY_SPELLING = new Map(UNIT_TABLE.flatMap(([spellings, u]) => spellings.toLowerCase().split('|').map((w) => [w, u] as const)));

// Japanese units and counters after a number: what they count, so that 3776メートル is not 3776人.
const JA_UNITS: [string, Unit][] = [
  ['平方キロメートル', { dim: 'area', factor: 1e6 }], ['平方メートル', { dim: 'area', factor: 1 }], ['ヘクタール', { dim: 'area', factor: 1e4 }],
  ['キロメートル', { dim: 'length', factor: 1000 }], ['センチメートル', { dim: 'length', factor: 0.01 }], ['ミリメートル', { dim: 'length', factor: 0.001 }],
  ['メートル', { dim: 'length', factor: 1 }], ['センチ', { dim: 'length', factor: 0.01 }], ['ミリ', { dim: 'length', factor: 0.001 }],
  ['キログラム', { dim: 'mass', factor: 1 }], ['グラム', { dim: 'mass', factor: 0.001 }], ['トン', { dim: 'mass', factor: 1000 }],
  // Durations in seconds, as in English: 3週間 is not 3か月, and 3週間 is 21日間. Not 年間 (see the English table).
  ['リットル', { dim: 'volume', factor: 1 }], ['ヶ月', { dim: 'time', factor: 2_629_800 }], ['か月', { dim: 'time', factor: 2_629_800 }], ['カ月', { dim: 'time', factor: 2_629_800 }],
  ['時間', { dim: 'time', factor: 3600 }], ['年間', { dim: 'years', factor: 1 }], ['日間', { dim: 'time', factor: 86_400 }], ['週間', { dim: 'time', factor: 604_800 }],
  ['km', { dim: 'length', factor: 1000 }], ['cm', { dim: 'length', factor: 0.01 }], ['mm', { dim: 'length', factor: 0.001 }], ['kg', { dim: 'mass', factor: 1 }],
  ['m', { dim: 'length', factor: 1 }], ['℃', { dim: 'celsius', factor: 1 }], ['度', { dim: 'degree', factor: 1 }],
  ['フィート', { dim: 'length', factor: 0.3048 }], ['インチ', { dim: 'length', factor: 0.0254 }], ['マイル', { dim: 'length', factor: 1609.344 }],
  ['ポンド', { dim: 'mass', factor: 0.453592 }], ['ワット', { dim: 'power', factor: 1 }], ['ボルト', { dim: 'voltage', factor: 1 }], ['ヘルツ', { dim: 'frequency', factor: 1 }],
  ['人', { dim: 'people', factor: 1 }], ['名', { dim: 'people', factor: 1 }], ['円', money('yen')], ['米ドル', money('dollar')], ['ドル', money('dollar')],
  ['ユーロ', money('euro')], ['人民元', money('yuan')], ['ウォン', money('won')], ['歳', { dim: 'age', factor: 1 }], ['才', { dim: 'age', factor: 1 }],
  ['年', { dim: 'years', factor: 1 }], ['月', { dim: 'month', factor: 1 }], ['日', { dim: 'day', factor: 1 }], ['階', { dim: 'floor', factor: 1 }],
  ['回', { dim: 'times', factor: 1 }], ['位', { dim: 'rank', factor: 1 }], ['番目', { dim: 'rank', factor: 1 }],
];

// The Japanese spellings among them, which may follow a kanji numeral (三十一メートル; "m" after 三十 is no unit).
const JA_UNIT_WORDS = JA_UNITS.map(([w]) => w).filter((w) => /^[^\x00-\x7f]/.test(w));

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** The months as a name is written ("January"). */
export const MONTH_WORDS = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
// Full month names in either case (lower-cased news text writes "july 11"), except the verb "may";
// abbreviations capitalised only.
const MONTH_NAMES = MONTHS.map((m) => (m === 'may' ? 'May' : `[${m[0]!.toUpperCase()}${m[0]}]${m.slice(1)}`)).join('|'); // "you may 5 times"
const MONTH_RE = new RegExp(`\\b(?:(${MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?(?=\\s+\\d|\\s*,?\\s*\\d{4})|(${MONTH_NAMES})\\b)`, 'g');
/** A day before a month name ("23 February", "4th of July"): checked on a match, not by a lookbehind at every position. */
const DAY_BEFORE = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$/;

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

/** A century after its ordinal ("19th century", "nineteenth-century", 19世紀): where its mention ends. */
function centuryEnd(text: string, end: number): number | undefined {
  const m = /^(?:(?:st|nd|rd|th)?[\s-]+century\b|世紀)/i.exec(text.slice(end, end + 12));
  return m ? end + m[0].length : undefined;
}

/** The unit right after a number (English spelling or Japanese counter), and where it ends. */
function unitAfter(text: string, end: number): { unit: Unit; end: number } | undefined {
  const rest = text.slice(end, end + 30);
  if (rest.charCodeAt(0) >= 0x3000) {
    for (const [w, unit] of JA_UNITS) if (rest.startsWith(w)) return { unit, end: end + w.length };
    return undefined;
  }
  const m = unitSpelling(rest);
  if (!m) return undefined;
  const w = m.written;
  // Short abbreviations are lower case ("5 m", "3 kg"), so "5G" or "3 L" stay what they are.
  if (w.length <= 3 && !w.startsWith('°') && w !== w.toLowerCase() && !CASED_SYMBOLS.has(w)) return undefined;
  const unit = UNIT_BY_SPELLING.get(w.toLowerCase());
  return unit && { unit, end: end + m.length };
}

/** `UNIT_RE`'s match at the start of `rest`: its length and the unit as written. */
function unitSpelling(rest: string): { length: number; written: string } | undefined {
  if (!isAscii(rest)) {
    const m = UNIT_RE.exec(rest);
    return m ? { length: m[0].length, written: m[1]! } : undefined;
  }
  const m = UNIT_RE_ASCII.exec(rest.toLowerCase());
  // The unit ends where the match does: the look-ahead after it takes no characters.
  return m ? { length: m[0].length, written: rest.slice(m[0].length - m[1]!.length, m[0].length) } : undefined;
}

// An ISO date, 2021-10-05: read as a date only in a claim (`iso`). References' ISO dates are mostly access dates,
// and read as dates there they cost WiCE half a point (their month stopped giving a claim's small count).
const ISO_DATE = /\b(1[5-9]\d\d|20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g;

export interface IsoDate {
  year: number;
  month: number;
  day: number;
  /** Where the sentence writes it. */
  start: number;
  end: number;
}

/** The ISO dates of a reference sentence, as dates: kept beside its quantities, which read them as plain numbers. */
export function isoDates(text: string): IsoDate[] {
  return text.includes('-') ? [...text.matchAll(ISO_DATE)].map((m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), start: m.index, end: m.index + m[0].length })) : [];
}

/** A date the claim writes out: its year (with the month), its month and its day where it has one. */
interface WrittenDate {
  year: Quantity;
  month: Quantity;
  day?: Quantity;
}

/** The claim's written-out dates ("5 October 2021", "October 5, 2021", "October 2021"). */
function writtenDates(claimQ: readonly Quantity[]): WrittenDate[] {
  const out: WrittenDate[] = [];
  for (const y of claimQ) {
    if (y.kind !== 'year' || y.month === undefined) continue;
    const m = claimQ.find((x) => x.kind === 'month' && x.value === y.month && x.end <= y.start && y.start - x.end <= 8);
    if (!m) continue;
    const day = claimQ.find((d) => (d.kind === 'number' || d.kind === 'ordinal') && Number.isInteger(d.value) && ((d.end <= m.start && m.start - d.end <= 3) || (d.start >= m.end && d.end <= y.start)));
    out.push({ year: y, month: m, ...(day ? { day } : {}) });
  }
  return out;
}

const gives = (w: WrittenDate, d: IsoDate): boolean => d.year === w.year.value && d.month === w.year.month && (!w.day || d.day === w.day.value);

/**
 * The parts of the claim's written-out date ("5 October 2021", "October 5, 2021", "October 2021": year, month and
 * day) that one of `dates` gives, the same year, month and day. Only a claim's date is looked for, so a reference's
 * access date ("Accessed 2020-03-15") gives no claim's month or small count, as reading it as a date would.
 */
export function isoWritten(claimQ: readonly Quantity[], dates: readonly IsoDate[]): Quantity[] {
  if (!dates.length) return [];
  return writtenDates(claimQ).flatMap((w) => (dates.some((d) => gives(w, d)) ? [w.year, w.month, ...(w.day ? [w.day] : [])] : []));
}

/**
 * The claim's written-out date where the sentence has another ISO date, each as one value: the claim's whole date
 * ("6 October 2021") and the sentence's date written the claim's way ("5 October 2021"), so that a fix replaces one
 * with the other. `inSlot` says whether the ISO date stands where the claim's date does (the words before it).
 */
export function isoClash(claimText: string, claimQ: readonly Quantity[], dates: readonly IsoDate[], inSlot: (claimDate: Quantity, iso: IsoDate) => boolean): { claim: Quantity; reference: Quantity } | undefined {
  for (const w of dates.length ? writtenDates(claimQ) : []) {
    if (dates.some((d) => gives(w, d))) continue;
    const parts = [w.day, w.month, w.year].filter((q): q is Quantity => !!q).sort((a, b) => a.start - b.start);
    const [start, end] = [parts[0]!.start, parts[parts.length - 1]!.end];
    const claim: Quantity = { value: w.year.value, kind: 'year', month: w.year.month, start, end, text: claimText.slice(start, end) };
    const d = dates.find((x) => inSlot(claim, x));
    if (!d) continue;
    // The sentence's date in the claim's words: each part replaced, the last first so that offsets hold.
    let text = claim.text;
    for (const q of [...parts].reverse()) {
      const month = MONTH_WORDS[d.month - 1]!;
      const value = q === w.year ? String(d.year) : q === w.month ? (q.text.length <= 4 ? month.slice(0, 3) : month) : q.text.replace(/\d+/, String(d.day)).replace(/(\d)(?:st|nd|rd|th)$/, `$1${ordinalSuffix(d.day)}`);
      text = text.slice(0, q.start - start) + value + text.slice(q.end - start);
    }
    return { claim, reference: { value: d.year, kind: 'year', month: d.month, start: d.start, end: d.end, text } };
  }
  return undefined;
}

function ordinalSuffix(n: number): string {
  return n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
}

// A minus sign (the text as read writes "−" as "-") after a space, a bracket, Japanese or nothing: not "5-10",
// "1939-1945", "COVID-19", "F-16", "555-1234". "minus 5" likewise. Neither after a number: "5 -10" is a range
// written loosely, "ten minus 5" a sum.
const MINUS_BEFORE = /(?:^|[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\-_.,/+*])([-\u2212])$|\b(minus\s+)$|(マイナス|零下|氷点下)$/iu;
const NUMBER_BEFORE = new RegExp(`(?:\\p{N}|\\b(?:${CARDINAL_WORD}|hundred|thousand|million|billion))\\s*$`, 'iu');

// "5 degrees below zero", "5 °C below zero", "5 below zero": the sign written after the number, part of its mention.
const BELOW_ZERO = /^\s*below\s+zero\b/i;

/** A number with "below zero" after it: negative, the words part of its mention, and counting nothing. */
function belowZero(q: Omit<Quantity, 'text' | 'approx'>, length: number): Omit<Quantity, 'text' | 'approx'> {
  const { counts, ...uncounted } = q;
  void counts;
  return { ...uncounted, value: -q.value, end: q.end + length };
}

/** How many characters before `start` write the number's minus sign: 0 where none does. */
function signBefore(text: string, start: number): number {
  const m = MINUS_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if (!m) return 0;
  const sign = (m[1] ?? m[2] ?? m[3])!.length;
  return !m[3] && NUMBER_BEFORE.test(text.slice(Math.max(0, start - sign - 24), start - sign)) ? 0 : sign;
}

export function quantities(original: string, opts: { iso?: boolean } = {}): Quantity[] {
  const text = asciiDigits(original);
  const out: Quantity[] = [];
  // The spans read so far: a later match inside one is part of it. A short list rather than a flag per character:
  // allocating a typed array for every sentence cost more than the rest of the bookkeeping.
  const taken: number[] = [];
  const take = (start: number, end: number): void => {
    if (start < end) taken.push(start, end);
  };
  const isTaken = (start: number, end: number): boolean => {
    if (start >= end) return false;
    for (let i = 0; i < taken.length; i += 2) if (taken[i]! < end && start < taken[i + 1]!) return true;
    return false;
  };
  for (const m of opts.iso ? text.matchAll(ISO_DATE) : []) {
    const start = m.index ?? 0;
    const month = Number(m[2]);
    out.push(
      { value: Number(m[1]), kind: 'year', start, end: start + 4, text: m[1]!, month },
      { value: month, kind: 'month', start: start + 5, end: start + 7, text: m[2]! },
      { value: Number(m[3]), kind: 'number', start: start + 8, end: start + 10, text: m[3]! },
    );
    take(start, start + 10);
  }
  const add = (unsigned: Omit<Quantity, 'text' | 'approx'>, approx = true, magnitude = false): void => {
    if (isTaken(unsigned.start, unsigned.end)) return;
    // The sign belongs to the number: "-5 degrees" is not 5, and a fix replaces "−5" whole.
    const signed = unsigned.kind === 'number' || unsigned.kind === 'percent';
    const sign = signed ? signBefore(text, unsigned.start) : 0;
    const below = signed && !sign ? BELOW_ZERO.exec(text.slice(unsigned.end, unsigned.end + 16))?.[0].length ?? 0 : 0;
    // "5 below zero" counts nothing: "below" is its sign, not what it counts.
    const q = sign ? { ...unsigned, value: -unsigned.value, start: unsigned.start - sign } : below ? belowZero(unsigned, below) : unsigned;
    // A bound is no rounding: "more than 300" holds of 320 and not of 280.
    const b = boundOf(text, q);
    if (b) {
      take(b.start, b.end);
      out.push({ ...q, start: b.start, end: b.end, text: original.slice(b.start, b.end), bound: b.bound });
      return;
    }
    take(q.start, q.end);
    // Years, months and ranks are exact; small counts are exact unless a word marks them as rounded.
    const hedged = APPROX_BEFORE.test(text.slice(Math.max(0, q.start - 16), q.start));
    const rounded = approx && q.kind !== 'year' && q.kind !== 'month' && q.kind !== 'ordinal' && (Math.abs(q.value) >= 100 || hedged);
    // Given its text in place (every caller passes a fresh object): a spread after other properties takes V8's slow
    // path, for every number of every sentence read.
    const read = q as Quantity;
    read.text = original.slice(q.start, q.end);
    if (rounded) {
      read.approx = true;
      if (hedged || magnitude) read.loose = true;
    }
    out.push(read);
  };
  /**
   * A century where one follows the ordinal `n` ending at `end` ("19th century", 十九世紀): added as the years it spans,
   * the 19th 1800 to 1899, as a reader counts it. Whether it was one.
   */
  const century = (n: number, start: number, end: number): boolean => {
    const to = n >= 1 && n <= 21 ? centuryEnd(text, end) : undefined;
    if (to) add({ value: (n - 1) * 100, kind: 'year', start, end: to, span: 100 });
    return to !== undefined;
  };
  /** A number's kind and unit from what follows it (年, 月, メートル, metres...): the mention grows to include the unit. */
  const withUnit = (value: number, start: number, end: number, kind: QuantityKind): Omit<Quantity, 'text' | 'approx'> => {
    const u = unitAfter(text, end);
    if (!u) {
      // What a bare count counts ("3 floors"): it is no measurement in a unit ("3 metres").
      const noun = kind === 'number' ? /^\s+(\p{L}{3,})/u.exec(text.slice(end, end + 30))?.[1] : undefined;
      return { value, kind, start, end, ...(noun ? { counts: noun.toLowerCase() } : {}) };
    }
    if (u.unit.dim === 'years' && value >= 1000 && text[end] === '年' && text[end + 1] !== '間') return { value, kind: 'year', start, end: end + 1 };
    if (u.unit.dim === 'month') return Number.isInteger(value) && value >= 1 && value <= 12 ? { value, kind: 'month', start, end: u.end } : { value, kind, start, end };
    // "2000 metres" is a length, not a year.
    return { value, kind: kind === 'year' ? 'number' : kind, start, end: u.end, unit: u.unit };
  };
  // Japanese numerals with 万/億/兆 or kanji digits (before ASCII so that 1億2000万 stays one number).
  // Skipped for text without kana or kanji: most reference sentences, each scanned once per check.
  const ja = hasCjk(text);
  for (const m of ja ? text.matchAll(/[0-9〇零一二三四五六七八九十百千万億兆][0-9,.〇零一二三四五六七八九十百千万億兆]*/g) : []) {
    const s = m[0];
    const start = m.index ?? 0;
    if (/^[0-9.,]+$/.test(s)) continue;
    const next = text[start + s.length] ?? '';
    const kanjiOnly = /^[〇零一二三四五六七八九十百千]+$/.test(s);
    const digits = s.replace(/[,.]$/, '');
    const v = parseJapaneseNumber(digits);
    if (v !== undefined && century(v, start, start + digits.length)) continue;
    if (kanjiOnly && !JA_COUNTER.includes(next) && !JA_UNIT_WORDS.some((w) => text.startsWith(w, start + s.length))) continue;
    if (v !== undefined) add(withUnit(v, start, start + digits.length, 'number'), true, /[万億兆]/.test(digits));
  }
  for (const [w, v] of ja ? Object.entries(JA_NATIVE) : []) {
    let i = text.indexOf(w);
    while (i >= 0) {
      add({ value: v, kind: 'number', start: i, end: i + w.length, ...(w.endsWith('人') || w.endsWith('り') ? { unit: { dim: 'people', factor: 1 } } : {}) }, false);
      i = text.indexOf(w, i + 1);
    }
  }
  // ASCII numbers, with currency, percent and magnitude words.
  const num = /([$€£¥]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(%|percent\b|per cent\b|percentage points?\b))?(?:\s*-?\s*(thousand|million|billion|trillion|bn|mn|tn|k|m|b|lakh|crore)\b)?/gi;
  for (const m of text.matchAll(num)) {
    const start = m.index ?? 0;
    const prev = text[start - 1] ?? '';
    // Part of a code like "A320" or "v2" (a Japanese word before a number is no code: 標高は3776メートル).
    if (/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}_]/u.test(prev) && !m[1]) continue;
    // A model or designation: "KX-500", "COVID-19", "Su-24" (not "mid-1990s").
    if (/(?:^|[^\p{L}])\p{Lu}[\p{L}]*-$/u.test(text.slice(Math.max(0, start - 12), start)) && !m[1]) continue;
    const intPart = m[2]!.replace(/,/g, '');
    let value = Number(intPart + (m[3] ?? ''));
    const scale = m[5]?.toLowerCase();
    // A bare "m"/"b" after a number is a magnitude only with currency ("$5m"), not "5 m" of distance.
    const magnitude = !!scale && (scale.length > 1 || !!m[1]);
    if (magnitude) value *= SCALE[scale!] ?? 1;
    const end = start + m[0].length - (scale && !magnitude ? m[5]!.length : 0);
    const trimmed = text.slice(start, end).trimEnd().length + start;
    const after = text.slice(trimmed, trimmed + 3);
    if (!m[1] && !m[3] && !m[4] && !scale && century(value, start, trimmed)) continue;
    if (/^(st|nd|rd|th)\b/i.test(after) && !m[3] && !m[4] && !magnitude) {
      add({ value, kind: 'ordinal', start, end: trimmed + 2 });
      continue;
    }
    // A range's end written with two digits after a year ("2007–11", "the 2016-17 season") is a year of the first's century.
    const shortEnd = !m[1] && !m[3] && !m[4] && !scale && /^\d\d$/.test(intPart) ? rangeEndYear(text, start, value) : undefined;
    if (shortEnd !== undefined) {
      add({ value: shortEnd, kind: 'year', start, end: trimmed });
      continue;
    }
    const kind: QuantityKind = m[4] ? 'percent' : !m[1] && !m[3] && !scale && /^(1[5-9]|20)\d\d$/.test(intPart) ? 'year' : 'number';
    // A decade ("the 1970s", "1980's") is any year in it.
    if (kind === 'year' && /^['’]?s\b/.test(after)) {
      add({ value, kind, start, end: trimmed + after.search(/s/) + 1, span: 10 });
      continue;
    }
    // A number glued to letters is a code or a typo ("Class 6A", "3D", "70ty"), unless they are its unit.
    if (!m[4] && !magnitude && /^[\p{Script=Latin}]/u.test(after) && !unitAfter(text, trimmed)) continue;
    // An amount's currency: its symbol ("$4.2 billion") or the word after it ("4.2 billion dollars").
    const symbol = m[1] ? CURRENCY_SYMBOL[m[1].trim()] : undefined;
    const currencyWord = !m[4] && !symbol && magnitude ? unitAfter(text, trimmed) : undefined;
    if (symbol) add({ value, kind, start, end: trimmed, unit: money(symbol) }, true, magnitude);
    else if (currencyWord?.unit.currency) add({ value, kind, start, end: currencyWord.end, unit: currencyWord.unit }, true, magnitude);
    else add(m[4] || m[1] || magnitude ? { value, kind, start, end: trimmed } : withUnit(value, start, trimmed, kind), true, magnitude);
  }
  // Number words: "seven", "twenty-one", "three hundred", "a dozen", "two million".
  for (const m of text.matchAll(NUMBER_WORD_RE)) {
    const start = m.index ?? 0;
    const word = m[2]!.toLowerCase();
    let value: number;
    if (word in OTHER_WORDS) value = OTHER_WORDS[word]!;
    else if (word in TEENS) value = TEENS[word]!;
    else if (word in UNITS_WORDS) value = UNITS_WORDS[word]!;
    else {
      const [tens, unit] = word.split(/[-\s]+/);
      value = TENS[tens!]! + (unit ? UNITS_WORDS[unit]! : 0);
    }
    // Part of a compound: "hole-in-one", "70ty-three".
    if (/[\p{L}\p{N}]-$/u.test(text.slice(Math.max(0, start - 2), start))) continue;
    const bare = !m[1] && !m[3] && !m[4];
    // A bare "thousand", "million" or "dozen" is a count only after "a" or another number ("a few hundred" stays).
    if (bare && /^(thousand|million|billion|dozen)$/.test(word)) continue;
    if (word === 'one' && bare && (ONE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || ONE_AFTER.test(text.slice(start + 3, start + 20)))) continue;
    if (m[1] && word === 'twice') continue;
    if (m[3]) value *= SCALE[m[3].toLowerCase()]!;
    if (m[4]) value *= SCALE[m[4].toLowerCase()]!;
    const wordStart = m[1] ? start + m[0].indexOf(m[2]!, m[1].length) : start;
    const end = start + m[0].length;
    // Word numbers are exact ("ten"), magnitudes round ("seven million" = 7,0xx,xxx).
    const magnitudeWord = (!!(m[3] || m[4]) && value >= 1000) || (bare && word === 'hundred');
    add(withUnit(value, wordStart, end, 'number'), magnitudeWord, magnitudeWord);
  }
  for (const m of text.matchAll(ORDINAL_RE)) {
    const start = m.index ?? 0;
    const n = ORDINALS[m[1]!.toLowerCase()]!;
    if (century(n, start, start + m[1]!.length)) continue;
    const before = text.slice(Math.max(0, start - 20), start);
    // "The first is a 2014 film, the second...": an enumeration of the answer's own, not a rank to check.
    // After a copula a rank ("are eighth in the league"), except "was first published", an adverb.
    const ranked = ORDINAL_BEFORE.test(before) || (/\b(is|are|was|were|be|been)\s+$/i.test(before) && m[1]!.toLowerCase() !== 'first');
    if (!ranked || /^\s*the\s+$/i.test(text.slice(0, start))) continue;
    add({ value: n, kind: 'ordinal', start, end: start + m[1]!.length });
  }
  for (const m of text.matchAll(MONTH_RE)) {
    const start = m.index ?? 0;
    // A month needs a number beside it ("March 2011", "23 February"): alone, "may" and "march" are verbs.
    if (!m[1] && !DAY_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    const word = (m[1] ?? m[2])!;
    const key = word.toLowerCase().slice(0, 3);
    add({ value: MONTHS.findIndex((x) => x.startsWith(key)) + 1, kind: 'month', start, end: start + word.length });
  }
  // 0円 is 無料, a word (text.ts keys it so), not an amount a reference must give: 入場は0円です = 入場は無料です.
  const priced = out.filter((q) => !(q.value === 0 && q.unit?.currency === 'yen' && /^[0０]円$/.test(q.text)));
  return markDays(datedYears(priced.sort((a, b) => a.start - b.start), text), text);
}

/** Marks the numbers written as a month's day: just before its name ("20 July", "4th of July") or just after it ("July 20"). */
function markDays(qs: Quantity[], text: string): Quantity[] {
  const months = qs.filter((q) => q.kind === 'month');
  if (!months.length) return qs;
  const beside = (q: Quantity, m: Quantity): boolean =>
    (q.end <= m.start && /^\s+(?:of\s+)?$/.test(text.slice(q.end, m.start))) || (q.start >= m.end && /^\.?\s+$/.test(text.slice(m.end, q.start)));
  return qs.map((q) => ((q.kind === 'number' || q.kind === 'ordinal') && Number.isInteger(q.value) && q.value >= 1 && q.value <= 31 && months.some((m) => beside(q, m)) ? { ...q, day: true } : q));
}

// A year, then a dash or "to", before a two-digit number: "2007–11", "2016-17", "1991 -- 94", "1998 to 99".
const YEAR_THEN_DASH = /\b(1[5-9]\d\d|20\d\d)\s*(?:-{1,2}|–|—|to)\s*$/;

/**
 * The year a range's two-digit end stands for (2011 for the "11" of "2007–11"), or undefined where it is no such end:
 * a later year of the first's century only, so that "2021-10" (a month) and a score are left alone, and not where a
 * third part follows ("2007-11-05" is a date).
 */
function rangeEndYear(text: string, start: number, twoDigits: number): number | undefined {
  const first = YEAR_THEN_DASH.exec(text.slice(Math.max(0, start - 10), start))?.[1];
  if (!first || /^[-/.]\d/.test(text.slice(start + 2, start + 4))) return undefined;
  const y = Number(first);
  return twoDigits > y % 100 ? y - (y % 100) + twoDigits : undefined;
}

// What may stand between a month and its year: "October 2021", "October 5, 2021", "2021年10月".
const MONTH_YEAR_GAP = /^\s*(?:\d{1,2}(?:st|nd|rd|th)?)?\s*,?\s*$/;

/**
 * Ties each year to the month written with it, so that a date is checked as one value: "5 October 2021" is
 * not given by "5 October 2022" and "August 2021" in two sentences.
 */
function datedYears(qs: Quantity[], text: string): Quantity[] {
  return qs.map((q, i) => {
    if (q.kind !== 'year') return q;
    // The month may sit before the day: "October 5, 2021".
    const before = qs[i - 1]?.kind === 'month' ? qs[i - 1] : qs[i - 2];
    const after = qs[i + 1];
    const month =
      before?.kind === 'month' && MONTH_YEAR_GAP.test(text.slice(before.end, q.start)) ? before.value
      : after?.kind === 'month' && q.text.endsWith('年') && after.start === q.end ? after.value
      : undefined;
    return month === undefined ? q : { ...q, month };
  });
}

const YEARS = /^(?:years?|decades?|centur(?:y|ies)|yrs?)$/i;

/** The value in its dimension's base unit (metres, kilograms...), or as written. */
function base(q: Quantity): number {
  return q.value * (q.unit?.factor ?? 1);
}

/** Same value, allowing the claim to round the reference (claim "7 million" vs reference 7,012,000) and converting units. */
export function sameValue(claim: Quantity, ref: Quantity): boolean {
  if (claim.kind === 'month' || ref.kind === 'month') return claim.kind === ref.kind && claim.value === ref.value;
  // A year said with its month is that month's year; a year said alone gives any of its months.
  if (claim.month !== undefined && ref.month !== undefined && claim.month !== ref.month) return false;
  // A bound gives no value: "more than 300 metres" does not say 300, nor 320.
  if (ref.bound && !claim.bound) return false;
  // A claim's bound is kept by a span whole (`holds`: "the 1950s" is before 1960, "the 1960s" is not).
  if ((claim.span || ref.span) && !claim.bound) {
    const [lo, hi] = [claim.value, claim.value + (claim.span ?? 1)];
    // A year inside the reference's decade is given by it; inside its century it is a detail the century leaves open.
    return ref.value >= lo && ref.value + (ref.span ?? 1) <= hi || ((ref.span ?? 1) <= 10 && claim.value >= ref.value && claim.value < ref.value + (ref.span ?? 1));
  }
  if (claim.unit && ref.unit && (!sameDim(claim.unit, ref.unit) || claim.unit.currency !== ref.unit.currency)) return false;
  // A measurement is not a count of things: "3 metres tall" is not given by "3 floors".
  if ((claim.unit && ref.counts) || (ref.unit && claim.counts)) return false;
  // A number of years is a duration, not a count of things: "three years" is not given by "three colours".
  if (claim.counts && ref.counts && YEARS.test(claim.counts) !== YEARS.test(ref.counts)) return false;
  const a = base(claim);
  const b = claim.unit && ref.unit ? base(ref) : ref.value * (claim.unit?.factor ?? 1);
  if (claim.bound) return sameThing(claim, ref) && holds(claim.bound, a, b, ref);
  if (a === b || claim.value === ref.value && !(claim.unit && ref.unit && claim.unit.factor !== ref.unit.factor)) return true;
  if (a === 0 || b === 0) return false;
  // A conversion is rounded by whoever wrote it: 330 m = 1,083 ft.
  const converted = claim.unit && ref.unit && claim.unit.factor !== ref.unit.factor ? 0.005 * Math.abs(b) : 0;
  if (!claim.approx) return Math.abs(a - b) <= converted + 1e-9 * Math.abs(b);
  const v = Math.abs(claim.value);
  const factor = claim.unit?.factor ?? 1;
  // Significant digits the claim was written with decide how much rounding it may carry; "about 40"
  // against 41, a hedged small count, may be off by one or by a tenth (never "about 10" for seven).
  // A lone leading 1 ("10 million", "100") is read one digit finer: rounding to it would span 5 to 15 million.
  const mantissa = claim.text.replace(/[^0-9]/g, '').replace(/0+$/, '');
  // A bare round number ("300 metres", "50,000 people", 4000メートル) is read as exact unless a word hedges it or
  // it is in millions or 万: a reader takes "300" for 300, while "3,800" is plainly 3,776 to two digits.
  if (!claim.loose && mantissa.length < 2) return Math.abs(a - b) <= converted + 1e-9 * Math.abs(b);
  const digits = mantissa === '1' ? 2 : mantissa.length || 1;
  const tolerance = v < 100 ? Math.max(1, 0.1 * v) * factor : 0.5 * 10 ** (Math.floor(Math.log10(v)) - digits + 1) * factor;
  return Math.abs(a - b) <= Math.max(tolerance, converted) + 1e-9 * Math.abs(b);
}

/**
 * Whether a bound and the reference's number count one thing: many a larger number holds "over 25 countries", so a
 * count must count what the claim counts ("78,629 cases" does not give it) and a measurement needs a unit.
 */
function sameThing(claim: Quantity, ref: Quantity): boolean {
  if (claim.unit) return !!ref.unit;
  return !claim.counts || !ref.counts || countedKey(claim.counts) === countedKey(ref.counts);
}

/**
 * Whether a reference number and a claim's may be one value where either is a bound, so neither gives the other and
 * they do not clash: "more than 300" and "over 280", "under 400" and "more than 300", 350 and "more than 320".
 */
export function mayAgree(claim: Quantity, ref: Quantity): boolean {
  if (claim.kind === 'year' && ref.kind === 'year' && (ref.span ?? 0) > 10 && claim.value >= ref.value && claim.value + (claim.span ?? 1) <= ref.value + ref.span!) return true;
  if (!claim.bound && !ref.bound) return false;
  const lo = (q: Quantity): number => (q.bound?.side === 'max' ? -Infinity : q.value);
  const hi = (q: Quantity): number => (q.bound?.side === 'min' ? Infinity : q.value + (q.span ? q.span - 1 : 0));
  const factor = (q: Quantity): number => (claim.unit && ref.unit ? q.unit!.factor : 1);
  // A strict bound leaves its own value out ("after 2010" and 2010 cannot be one year), unless that value is
  // rounded ("over 7 million" and "about 7 million" may be).
  const below = (a: Quantity, b: Quantity): boolean => {
    const [x, y] = [lo(a) * factor(a), hi(b) * factor(b)];
    return x < y || (x === y && (!!a.approx || !!b.approx || (!(a.bound?.side === 'min' && a.bound.strict) && !(b.bound?.side === 'max' && b.bound.strict))));
  };
  return below(claim, ref) && below(ref, claim);
}

/**
 * Whether the reference's value `b` (in the claim's units) keeps within the claim's bound at `a`. A reference bound
 * gives the claim's only on the same side and at least as tight ("over 320" gives "more than 300"); a decade keeps
 * within it whole ("the 1950s" is before 1960).
 */
function holds(bound: Bound, a: number, b: number, ref: Quantity): boolean {
  if (ref.bound && ref.bound.side !== bound.side) return false;
  // Past a strict bound, the reference's own value is enough: "over 300" gives "at least 300" and "more than 300".
  const strict = bound.strict && !ref.bound?.strict;
  if (bound.side === 'min') return strict ? b > a : b >= a;
  const hi = b + (ref.span ? ref.span - 1 : 0);
  return strict ? hi < a : hi <= a;
}

/**
 * Whether the claim's number is the reference's written to fewer digits: 7,212,000 to two is "7.2 million",
 * 3,776 to two is "3,800"; 2.5 million to one is 3 million, not "about 2 million".
 */
export function roundsTo(claim: Quantity, ref: Quantity): boolean {
  if (claim.bound || claim.value === ref.value || claim.value === 0 || (claim.unit?.factor ?? 1) !== (ref.unit?.factor ?? 1)) return false;
  const digits = claim.text.replace(/[^0-9]/g, '').replace(/0+$/, '').length || 1;
  return Math.abs(Number(ref.value.toPrecision(Math.min(21, digits))) - claim.value) <= 1e-9 * Math.abs(claim.value);
}

// Words that say a number was worked out: a change "by" an amount, a total. Without one, small sums are
// chance ("three years" is two plus one of "two years here and one year elsewhere").
const CHANGE_BY = /\bby\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|over\s+|more than\s+)?$/i;
const TOTAL = /\b(?:total(?:led|ling|s)?|combined|together|in all|altogether|sum)\b|合わせ|合計|計/i;

/** Whether a word of the claim, whole, says its number is a total ("together", "combined", 合計; not 時計). */
export function saysTotal(word: string): boolean {
  return TOTAL.exec(word)?.[0].length === word.length;
}

/**
 * Whether the claim's number is the sum or difference of two of the sentence's, where the claim says it
 * worked one out ("fell by roughly 500 MB" from "1.2 GB to 700 MB", 合わせて約25分 from 15分 and 10分): a
 * reader's sum, no other value for the same thing.
 */
export function derivedValue(claim: Quantity, claimText: string, among: readonly Quantity[]): boolean {
  if (claim.kind !== 'number' && claim.kind !== 'percent') return false;
  if (!CHANGE_BY.test(claimText.slice(Math.max(0, claim.start - 30), claim.start)) && !TOTAL.test(claimText)) return false;
  const xs = among.filter((r) => comparable(claim, r));
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const [a, b] = [xs[i]!, xs[j]!];
      const factor = a.unit?.factor ?? 1;
      for (const v of [base(a) + base(b), Math.abs(base(a) - base(b))]) if (v > 0 && sameValue(claim, { ...a, value: v / factor })) return true;
    }
  }
  return false;
}

/**
 * Whether the reference gives the claim's number: the same value of a comparable kind, where a rank and a
 * count of the same value also agree ("eighth" and "8", "the seventh consecutive year" and "seven years").
 */
export function givesValue(claim: Quantity, ref: Quantity): boolean {
  const rank = (q: Quantity): boolean => q.kind === 'ordinal' || q.kind === 'number';
  // A month's day and a rank are not one value: "the 20th conference" does not give "starting on 20 July".
  const lenient = rank(claim) && rank(ref) && !claim.day === !ref.day && !(claim.unit && ref.unit && !sameDim(claim.unit, ref.unit));
  return (comparable(claim, ref) || lenient) && sameValue(claim, ref);
}

/** Whether two quantities are about the same kind of thing, so a different value is a contradiction. */
export function comparable(a: Quantity, b: Quantity): boolean {
  if (a.unit && b.unit && !sameDim(a.unit, b.unit)) return false;
  return a.kind === b.kind;
}

const SCALES = new Set(['celsius', 'fahrenheit']);

/** Whether two units measure one thing: "degrees" and 度 name no scale, so they are °C or °F as the other side says. */
function sameDim(a: Unit, b: Unit): boolean {
  return a.dim === b.dim || (a.dim === 'degree' && SCALES.has(b.dim)) || (b.dim === 'degree' && SCALES.has(a.dim));
}

/** Whether a word is (part of) a number's mention. */
export function overlaps(t: Token, q: Quantity): boolean {
  return t.start < q.end && q.start < t.end;
}
