// From units to claims: split bullet lines, scan sentences, keep those in the selection, filter.
import type { Claim } from '../types';
import { drain } from './blocks';
import { isTrimmable } from './chars';
import { isCheckable } from './filter';
import { scanSentences, type Span } from './sentences';
import { bulletLength, type ParsedText, type Unit } from './view';

export interface CollectOptions {
  /** Offset of `text` in the caller's string (1 when a BOM was cut off). */
  base?: number;
  /** Selection in the caller's offsets. */
  range?: Span;
  /** Split paragraph lines that start with •, ・ and the like (plain text units are already split). */
  bulletLines?: boolean;
}

export function claimsFrom(text: string, parsed: ParsedText, options: CollectOptions = {}): Claim[] {
  return drain(claimsFromSteps(text, parsed, options));
}

/** Units scanned between two yields of `claimsFromSteps`: a few milliseconds of work. */
const UNITS_PER_STEP = 500;

/** `claimsFrom`, yielding every few hundred units so that a paced caller can pause. */
export function* claimsFromSteps(text: string, parsed: ParsedText, options: CollectOptions = {}): Generator<void, Claim[]> {
  const { view, units } = parsed;
  const base = options.base ?? 0;
  const range = options.range && { start: options.range.start - base, end: options.range.end - base };
  const spans: Span[] = [];
  const claims: Claim[] = [];
  // Whether the filter dropped a sentence (small talk, a question, a list introduction) since the last claim.
  // Headings and code are not units, so they never count.
  let dropped = false;
  for (const [u, unit] of units.entries()) {
    if (u > 0 && u % UNITS_PER_STEP === 0) yield;
    if (range && (unit.end < range.start || unit.start > range.end)) continue;
    spans.length = 0;
    if (unit.kind === 'row') {
      const row = trimSpan(view, unit);
      if (row) spans.push(row);
    } else {
      for (const part of options.bulletLines ? splitBulletLines(view, unit) : [unit]) scanSentences(view, part.start, part.end, spans);
    }
    for (const span of spans) {
      if (range && !claimInSelection(span, range)) continue;
      const claimText = text.slice(span.start, span.end);
      if (!isCheckable(claimText, unit.kind)) {
        dropped = true;
        continue;
      }
      claims.push({ text: claimText, start: span.start + base, end: span.end + base, ...(dropped ? { afterSmallTalk: true } : {}) });
      dropped = false;
    }
  }
  return claims;
}

/**
 * Whether a selection check covers this claim: the midpoint rule for claims that straddle the selection's
 * edge; an empty selection is a caret. Hosts use it to know which earlier findings a selection check replaces.
 */
export function claimInSelection(span: Span, range: Span): boolean {
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
