// Claims: split a model's answer into checkable statements, each with its exact UTF-16 range in the
// original text. Markdown goes through a real parser (markdown.ts), plain text through a line scanner
// (plaintext.ts); both hand prose units to one sentence scanner (sentences.ts), then filter.ts drops
// what asserts nothing.
import type { Claim } from '../types';
import { isTrimmable } from './chars';
import { isCheckable } from './filter';
import { detectLanguage, type Language } from './language';
import { markdownUnits } from './markdown';
import { plaintextUnits } from './plaintext';
import { scanSentences, type Span } from './sentences';
import { bulletLength, type Unit } from './view';

export { detectLanguage, type Language } from './language';
export { isCheckable } from './filter';

export type TextFormat = 'markdown' | 'plaintext';

export interface ExtractOptions {
  format?: TextFormat;
  /**
   * Only claims within this UTF-16 range of the text (a selection). A claim that straddles an edge is kept
   * when its midpoint lies inside; an empty range keeps the claim under the caret.
   */
  range?: { start: number; end: number };
}

/** The checkable claims of `text`, in document order. Deterministic; never throws on any string. */
export function extractClaims(text: string, options: ExtractOptions = {}): Claim[] {
  // A BOM would shift the parser's offsets (and hide front matter): parse without it, add it back.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = base ? text.slice(1) : text;
  const { view, units } = options.format === 'plaintext' ? plaintextUnits(body) : markdownUnits(body);
  const range = options.range && { start: options.range.start - base, end: options.range.end - base };
  const markdown = options.format !== 'plaintext';
  const spans: Span[] = [];
  const claims: Claim[] = [];
  for (const unit of units) {
    if (range && (unit.end < range.start || unit.start > range.end)) continue;
    spans.length = 0;
    if (unit.kind === 'row') {
      const row = trimSpan(view, unit);
      if (row) spans.push(row);
    } else for (const part of markdown ? splitBulletLines(view, unit) : [unit]) scanSentences(view, part.start, part.end, spans);
    for (const span of spans) {
      if (range && !inRange(span, range)) continue;
      const claimText = body.slice(span.start, span.end);
      if (!isCheckable(claimText, unit.kind)) continue;
      claims.push({ text: claimText, start: span.start + base, end: span.end + base });
    }
  }
  return claims;
}

/**
 * Plain sentence segmentation with exact offsets, no filtering: for reference passages. `lang` 'ja' (or
 * 'auto' that detects Japanese) also breaks at every line break, since Japanese text is rarely hard-wrapped.
 */
export function splitSentences(text: string, lang: Language | 'auto' = 'auto'): Claim[] {
  const resolved = lang === 'auto' ? detectLanguage(text) : lang;
  const spans: Span[] = [];
  scanSentences(text, 0, text.length, spans, { newlineBreaks: resolved === 'ja' });
  return spans.map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end }));
}

function inRange(span: Span, range: Span): boolean {
  if (range.start === range.end) return span.start <= range.start && range.start <= span.end;
  const mid = (span.start + span.end) / 2;
  return mid >= range.start && mid < range.end;
}

/** Table rows are not scanned: trim them the way the scanner trims sentences. */
function trimSpan(view: string, span: Span): Span | undefined {
  let a = span.start;
  let b = span.end;
  while (a < b && isTrimmable(view.charCodeAt(a))) a++;
  while (b > a && isTrimmable(view.charCodeAt(b - 1))) b--;
  return b > a ? { start: a, end: b } : undefined;
}

/** LLM answers often bullet with "•" or "・" inside one Markdown paragraph: each such line is its own unit. */
function splitBulletLines(view: string, unit: Unit): Span[] {
  const parts: Span[] = [];
  let start = unit.start + bulletLength(view, unit.start, unit.end, false);
  for (let i = view.indexOf('\n', start); i !== -1 && i < unit.end; i = view.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < unit.end && (view[j] === ' ' || view[j] === '\t' || view[j] === '\r')) j++;
    const bullet = bulletLength(view, j, unit.end, false);
    if (bullet === 0) continue;
    parts.push({ start, end: i });
    start = j + bullet;
  }
  parts.push({ start, end: unit.end });
  return parts;
}
