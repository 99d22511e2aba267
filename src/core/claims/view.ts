// The scanner's view of a document: the same length and offsets as the text, with skipped constructs
// overwritten by placeholders, so every span found in the view is a valid range of the original.
import type { Markup } from './reading';

export interface Mask {
  start: number;
  end: number;
  /** One placeholder character, repeated over the range. */
  ch: string;
}

/** A block of prose to segment ('prose'), or a table row kept whole ('row'). */
export interface Unit {
  start: number;
  end: number;
  kind: 'prose' | 'row';
}

export interface ParsedText {
  view: string;
  units: Unit[];
  /** Markdown's markup, sorted (reading.ts); none in plain text. */
  markup?: Markup[];
}

export function applyMasks(text: string, masks: Mask[]): string {
  if (masks.length === 0) return text;
  masks.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const m of masks) {
    const s = Math.max(m.start, at);
    if (m.end <= s) continue;
    parts.push(text.slice(at, s), m.ch.repeat(m.end - s));
    at = m.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Length of a bullet marker and the spaces after it at `i`, or 0. `markdownLists` adds the markers a
 * Markdown parser already turns into lists (-, *, +, 1., 1)), for plain text.
 */
export function bulletLength(view: string, i: number, end: number, markdownLists: boolean): number {
  const c = view.charCodeAt(i);
  let j = i;
  if (isBulletChar(c)) j = i + 1;
  else if (markdownLists && (c === 0x2d || c === 0x2a || c === 0x2b)) j = i + 1;
  else if (markdownLists && c >= 0x30 && c <= 0x39) {
    j = i + 1;
    while (j < end && j - i < 3 && view.charCodeAt(j) >= 0x30 && view.charCodeAt(j) <= 0x39) j++;
    const d = view.charCodeAt(j);
    if (d !== 0x2e && d !== 0x29) return 0;
    j++;
  } else return 0;
  // A marker must be followed by a space (or be a CJK bullet like ・, which often is not).
  const after = view.charCodeAt(j);
  if (j >= end) return 0;
  if (after !== 0x20 && after !== 0x09 && after !== 0x3000 && !(c === 0x30fb || (c >= 0x2460 && c <= 0x2473))) return 0;
  while (j < end && (view.charCodeAt(j) === 0x20 || view.charCodeAt(j) === 0x09 || view.charCodeAt(j) === 0x3000)) j++;
  // A task box ("- [ ] ", "- [x] ") is part of the marker, as the Markdown parser treats it.
  if (markdownLists && /^\[[ xX]\][ \t]/.test(view.slice(j, j + 4))) {
    j += 4;
    while (j < end && (view.charCodeAt(j) === 0x20 || view.charCodeAt(j) === 0x09)) j++;
  }
  return j - i;
}

function isBulletChar(c: number): boolean {
  return (
    c === 0x2022 || c === 0x30fb || c === 0x25cf || c === 0x25cb || c === 0x25a0 || c === 0x25a1 || c === 0x25c6 ||
    c === 0x25c7 || c === 0x25aa || c === 0x25b8 || c === 0x25ba || c === 0x2023 || c === 0x25e6 || c === 0x2713 ||
    c === 0x2714 || c === 0x2043 || (c >= 0x2460 && c <= 0x2473)
  );
}
