// A claim as a reader reads it, for the grader: Markdown's markup left out ("**900** metres" reads "900 metres",
// "[900](https://x)" reads "900"), runs of white space as one space. A claim's own text keeps the markup (it is what
// the editor underlines); every character read knows the written text it came from, so that an edit the grader
// proposes on the text read (a fix) is mapped back onto the text as written.
import type { ClaimFix } from '../types';

/** Written characters a reader does not read as words (document offsets, UTF-16). */
export interface Markup {
  start: number;
  end: number;
  /** Read as a space (a hard line break, `<br>`), else as nothing. */
  space?: boolean;
  /** Read as this text instead: a character reference ("&amp;" reads "&"). */
  reads?: string;
  /**
   * For an opening or closing delimiter ("**", "`", "[" and "](url)", "<b>" and "</b>"): the whole construct. A fix
   * that replaces this delimiter but not the whole construct keeps it, so that the markup stays balanced.
   */
  span?: { start: number; end: number };
}

/** A claim's text as read, and the written range (relative to the claim) each character of it came from. */
export interface Reading {
  text: string;
  from: number[];
  to: number[];
  /** The markup inside the claim, relative to it. */
  markup: Markup[];
}

/**
 * `written` (a claim's text, or that text with its citation markers blanked: the same length) read: the markup of the
 * document (`markup`, sorted and disjoint) that lies in it left out, and white space folded. `at` is the claim's
 * offset in the document; `asWritten` the claim's text before its markers were blanked. Where a marker stood before a
 * closing punctuation mark, the space left is not read either: "tall [1](u)." reads "tall.", as it reads without one.
 */
export function readClaim(written: string, at: number, markup: readonly Markup[], asWritten = written): Reading {
  const own = markupWithin(markup, at, at + written.length);
  const text: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  // A run of white space (and the markup in it) is one space, written from its first to its last character.
  let gap: { from: number; to: number } | undefined;
  // A blanked marker in the white space since the last character read.
  let blanked = false;
  const widen = (s: number, e: number): void => {
    if (gap) gap.to = e;
    else gap = { from: s, to: e };
  };
  const read = (ch: string, s: number, e: number): void => {
    if (isFolded(ch.charCodeAt(0))) {
      if (written[s] !== asWritten[s]) blanked = true;
      return widen(s, e);
    }
    if (gap && text.length && !(blanked && CLOSING.includes(ch))) {
      text.push(' ');
      from.push(gap.from);
      to.push(gap.to);
    }
    gap = undefined;
    blanked = false;
    text.push(ch);
    from.push(s);
    to.push(e);
  };
  let k = 0;
  for (let i = 0; i < written.length; ) {
    const m = own[k];
    if (m && m.start <= i) {
      // A marker may be markup too ("[^1]", "[1](u)"): blanked all the same.
      if (written !== asWritten && written.slice(i, m.end) !== asWritten.slice(i, m.end)) blanked = true;
      if (m.space) widen(i, m.end);
      // Each character of a reference comes from all of it: a fix replaces a reference whole or not at all.
      else if (m.reads) for (let j = 0; j < m.reads.length; j++) read(m.reads[j]!, i, m.end);
      i = Math.max(i, m.end);
      k++;
      continue;
    }
    read(written[i]!, i, i + 1);
    i++;
  }
  return { text: text.join(''), from, to, markup: own };
}

/**
 * A fix the grader proposed on the text read, on the claim's text as written (`claimText`): it replaces exactly the written text that the
 * characters it replaces came from ("900** metres" of "**900** metres tall"). A delimiter in there whose construct
 * reaches outside is kept, an opening one before the new text and a closing one after it ("330 metres**"), so that the
 * result is still the Markdown it was ("**330 metres** tall"); a construct wholly inside is replaced with the rest.
 */
export function writtenFix(claimText: string, reading: Reading, fix: ClaimFix): ClaimFix {
  const n = reading.text.length;
  const s = Math.max(0, Math.min(fix.start, n));
  const e = Math.max(s, Math.min(fix.end, n));
  const start = e > s ? reading.from[s]! : s < n ? reading.from[s]! : (reading.to[n - 1] ?? 0);
  const end = e > s ? reading.to[e - 1]! : start;
  let before = '';
  let after = '';
  for (const m of reading.markup) {
    if (m.start < start || m.end > end || !m.span || (m.span.start >= start && m.span.end <= end)) continue;
    if (m.start === m.span.start) before += claimText.slice(m.start, m.end);
    else after += claimText.slice(m.start, m.end);
  }
  const written = { start, end, text: before + fix.text + after };
  // What the fix says as read, where the written text holds markup or folded space: a quick fix's title names "900
  // metres" and "330 metres", not "900** metres" and "330 metres**".
  const from = reading.text.slice(s, e);
  return from === claimText.slice(start, end) && written.text === fix.text ? written : { ...written, said: { from, to: fix.text } };
}

export function shiftMarkup(m: Markup, by: number): Markup {
  return by ? { ...m, start: m.start + by, end: m.end + by, ...(m.span ? { span: { start: m.span.start + by, end: m.span.end + by } } : {}) } : m;
}

/** Punctuation that closes what comes before it, with no space before it: after a citation, "tall [1]." reads "tall.". */
const CLOSING = '.,;:!?)]}\u2026\u3001\u3002\uff01\uff09\uff0c\uff1a\uff1b\uff1f';

/** Space, tab and line breaks: the white space Markdown folds (a no-break space is a character of its own). */
function isFolded(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b;
}

/** The markup inside `start`..`end`, relative to `start` (clipped: a claim may end inside a construct). */
function markupWithin(markup: readonly Markup[], start: number, end: number): Markup[] {
  // The first piece that ends after `start` (the pieces are sorted and disjoint, so their ends are sorted too).
  let lo = 0;
  let hi = markup.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markup[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Markup[] = [];
  for (let k = lo; k < markup.length && markup[k]!.start < end; k++) {
    const m = markup[k]!;
    const s = Math.max(m.start, start) - start;
    const e = Math.min(m.end, end) - start;
    // A reference that the claim's edge cuts is read as written.
    if (m.reads !== undefined && (m.start < start || m.end > end)) continue;
    out.push({ start: s, end: e, ...(m.space ? { space: true } : {}), ...(m.reads !== undefined ? { reads: m.reads } : {}), ...(m.span ? { span: { start: m.span.start - start, end: m.span.end - start } } : {}) });
  }
  return out;
}
