// The sentence scanner: one pass over UTF-16 code units, no allocation per character. It reads a "view" of
// the text (same length, same offsets) in which skipped constructs are replaced by placeholders.
import { periodEndsSentence, type NextWord } from './abbreviations';
import * as chars from './chars';

// Bound once at load: where modules run as CommonJS (tsx, the tests and benches), every call to an imported
// function goes through an export getter, and these run for every character of every sentence scanned
// (7% of grading time in profiles). In the esbuild bundles this is the same as a plain import.
const {
  HARD_CODE, OPAQUE_CODE, isDecoration, isAsciiLower, isAsciiUpper, isCjk, isCjkTerminal, isCloser, isDigit, isSpace, isTrimmable,
} = chars;

export interface Span {
  start: number;
  end: number;
}

export interface ScanOptions {
  /** Treat every line break as a sentence boundary (line-oriented Japanese text). */
  newlineBreaks?: boolean;
}

/** Japanese opening brackets and their closers: a terminal inside a quoted span does not end the sentence. */
const JA_PAIRS: Record<number, number> = { 0x300c: 0x300d, 0x300e: 0x300f, 0xff08: 0xff09, 0x3010: 0x3011 };
/** Polite endings of a Japanese lead-in before a full-width colon (ます：, です：, ください：, とおり：). */
const JA_LEAD_IN = /(?:ます|です|した|さい|おり|通り)$/;
/** How far to look for a closing bracket; keeps the scan linear on unbalanced input. */
const PAIR_LOOKAHEAD = 200;

/** Pushes the trimmed sentence spans of `view[start, end)` onto `out`. */
export function scanSentences(view: string, start: number, end: number, out: Span[], options: ScanOptions = {}): void {
  let sentStart = start;
  let quoteEnd = -1; // offset of the closer of the Japanese quote we are inside, or -1
  let i = start;
  const emit = (to: number): void => {
    pushTrimmed(view, sentStart, to, out);
    sentStart = to;
  };
  while (i < end) {
    const c = view.charCodeAt(i);
    if (c === HARD_CODE) {
      emit(i);
      i++;
      continue;
    }
    if (c === 0x0a) {
      if (options.newlineBreaks || isBlankLineAhead(view, i + 1, end)) emit(i);
      i++;
      continue;
    }
    if (c >= 0x3000 && quoteEnd < i) {
      const closer = JA_PAIRS[c];
      if (closer !== undefined) quoteEnd = findCloser(view, i + 1, end, c, closer);
    }
    if (isCjkTerminal(c) || (c === 0xff0e && !(isDigit(view.charCodeAt(i - 1)) && isDigit(view.charCodeAt(i + 1))))) {
      let j = i + 1;
      while (j < end && isTerminalTail(view.charCodeAt(j))) j++;
      if (i < quoteEnd) {
        // 「…。」 closes the sentence with its bracket unless the quote is embedded (「…。」と言った).
        if (j === quoteEnd + 1 && !isQuoteParticle(view.charCodeAt(j))) {
          emit(j);
          quoteEnd = -1;
        }
      } else {
        emit(j);
      }
      i = j;
      continue;
    }
    if (c === 0x21 || c === 0x3f) {
      let j = i + 1;
      while (j < end && isTerminalTail(view.charCodeAt(j))) j++;
      // '"Stop!" she said' goes on: a lower-case word after a quoted exclamation continues the sentence.
      const quoted = j > i + 1 && isQuote(view.charCodeAt(j - 1));
      if (j >= end || (isBoundaryAfter(view.charCodeAt(j)) && !(quoted && nextWordAfter(view, j, end).kind === 'lower'))) emit(j);
      i = j;
      continue;
    }
    if (c === 0x3a || c === 0xff1a) {
      // "Here is a summary: The Nile…", "以下にまとめます：富士山は…": a colon before a new sentence ends a
      // lead-in, which the filter then drops. "Population: 14 million" and "人口：約1400万人" stay whole.
      const next = nextWordAfter(view, i + 1, end);
      const leadIn = c === 0xff1a ? JA_LEAD_IN.test(view.slice(Math.max(start, i - 2), i)) : isSpace(view.charCodeAt(i + 1)) && next.kind === 'upper';
      if (i >= quoteEnd && leadIn && next.kind !== 'end') emit(i + 1);
      i++;
      continue;
    }
    if (c === 0x2e || c === 0x2026) {
      i = scanPeriod(view, i, end, emit);
      continue;
    }
    i++;
  }
  emit(end);
}

/** Handles a run of periods or an ellipsis at `i`; returns where scanning resumes. */
function scanPeriod(view: string, i: number, end: number, emit: (to: number) => void): number {
  let j = i;
  while (j < end && (view.charCodeAt(j) === 0x2e || view.charCodeAt(j) === 0x2026)) j++;
  const ellipsis = j - i >= 2 || view.charCodeAt(i) === 0x2026 || view.charCodeAt(j - 1) === 0x2026;
  let k = j;
  while (k < end && isCloser(view.charCodeAt(k))) k++;
  // "3.5", "v1.2.3", "example.com", "e.g.,": no space after the period, no break.
  if (k < end && !isBoundaryAfter(view.charCodeAt(k))) return j;
  const next = nextWordAfter(view, k, end);
  const ends = ellipsis
    ? next.kind !== 'lower' && next.kind !== 'digit'
    : periodEndsSentence(tokenBefore(view, i), next);
  if (ends) emit(k);
  return k;
}

function pushTrimmed(view: string, a: number, b: number, out: Span[]): void {
  while (a < b && (isTrimmable(view.charCodeAt(a)) || isDecoration(view.charCodeAt(a)))) a++;
  while (b > a && isTrimmable(view.charCodeAt(b - 1))) b--;
  if (b > a) out.push({ start: a, end: b });
}

function isTerminalTail(c: number): boolean {
  return isCjkTerminal(c) || isCloser(c) || c === 0x21 || c === 0x3f || c === 0x2e || c === 0x2026;
}

function isBoundaryAfter(c: number): boolean {
  return isSpace(c) || isCjk(c) || c === HARD_CODE;
}

function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb;
}

function isQuoteParticle(c: number): boolean {
  return c === 0x3068 /* と */ || c === 0x3063 /* っ */;
}

function isBlankLineAhead(view: string, i: number, end: number): boolean {
  while (i < end) {
    const c = view.charCodeAt(i);
    if (c === 0x0a) return true;
    if (!isSpace(c)) return false;
    i++;
  }
  return false;
}

function findCloser(view: string, from: number, end: number, open: number, close: number): number {
  const limit = Math.min(end, from + PAIR_LOOKAHEAD);
  let depth = 1;
  for (let i = from; i < limit; i++) {
    const c = view.charCodeAt(i);
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return -1;
}

/** The ASCII letters and dots right before a period ("U.S" in "U.S."), without leading dots. */
function tokenBefore(view: string, i: number): string {
  let p = i;
  while (p > 0) {
    const c = view.charCodeAt(p - 1);
    if (isAsciiUpper(c) || isAsciiLower(c) || c === 0x2e) p--;
    else break;
  }
  while (p < i && view.charCodeAt(p) === 0x2e) p++;
  return view.slice(p, i);
}

function nextWordAfter(view: string, m: number, end: number): NextWord {
  while (m < end && isSpace(view.charCodeAt(m))) m++;
  // Opening quotes, brackets and emphasis marks do not decide the case of the next sentence.
  while (m < end) {
    const c = view.charCodeAt(m);
    if (c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x2a || c === 0x5f || c === 0x201c || c === 0x2018 || c === OPAQUE_CODE) m++;
    else break;
  }
  if (m >= end) return { kind: 'end', word: '' };
  const c = view.charCodeAt(m);
  if (isDigit(c)) return { kind: 'digit', word: '' };
  if (isAsciiUpper(c) || isAsciiLower(c)) {
    let e = m + 1;
    while (e < end && (isAsciiUpper(view.charCodeAt(e)) || isAsciiLower(view.charCodeAt(e)))) e++;
    return { kind: isAsciiUpper(c) ? 'upper' : 'lower', word: view.slice(m, e) };
  }
  const ch = view[m]!;
  if (ch.toLowerCase() !== ch) return { kind: 'upper', word: '' };
  if (ch.toUpperCase() !== ch) return { kind: 'lower', word: '' };
  return { kind: 'other', word: '' };
}
