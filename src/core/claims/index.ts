// Claims: split a model's answer into checkable statements, each with its exact UTF-16 range in the
// original text. Markdown goes through a real parser (markdown.ts), plain text through a line scanner
// (plaintext.ts); both hand prose units to one sentence scanner (sentences.ts), and filter.ts drops
// what asserts nothing. The scanner is ours rather than Intl.Segmenter: the segmenter breaks after "Dr."
// and "Mr.", copies the whole input for every segment in V8 (quadratic on long references), and its
// rules change with the ICU version, so results would differ between Node and VS Code builds.
import { pauser } from '../pause';
import type { Claim } from '../types';
import { blankEndMarkers } from './citations';
import { claimsFromSteps } from './extract';
import { detectLanguage, type Language } from './language';
import { drain } from './blocks';
import { markdownSteps } from './markdown';
import { shiftMarkup, type Markup } from './reading';
import { plaintextUnits } from './plaintext';
import { scanSentences, type Span } from './sentences';

export { detectLanguage, type Language } from './language';
export { isCheckable } from './filter';
export { claimInSelection } from './extract';
export { readClaim, writtenFix, type Markup, type Reading } from './reading';

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
  return drain(claimSteps(text, options)).claims;
}

/** A text's claims, and its markup (document offsets, sorted) for reading them as the grader does (`readClaim`). */
export interface Extracted {
  claims: Claim[];
  markup: Markup[];
}

/**
 * `extractClaims` for a host that must stay responsive: a long Markdown document is parsed a block (or a run of lines
 * of one long paragraph) at a time, handing the event loop back between them (about 4 s per MB of text dense with
 * links, otherwise in one stretch).
 */
export async function extractClaimsPaced(text: string, options: ExtractOptions = {}, signal?: AbortSignal): Promise<Extracted> {
  const pause = pauser();
  const steps = claimSteps(text, options);
  for (;;) {
    await pause(signal);
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function* claimSteps(text: string, options: ExtractOptions): Generator<void, Extracted> {
  // A BOM would shift the parser's offsets (and hide front matter): parse without it, add it back.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = base ? text.slice(1) : text;
  const markdown = options.format !== 'plaintext';
  // Sentences are found in the text without the citation markers after their ends; claims keep the text's own words.
  const scanned = blankEndMarkers(body);
  const parsed = markdown ? yield* markdownSteps(scanned) : plaintextUnits(scanned);
  const claims = yield* claimsFromSteps(body, parsed, { base, range: options.range, bulletLines: markdown });
  const markup = (parsed.markup ?? []).map((m) => shiftMarkup(m, base));
  return { claims, markup };
}

/**
 * Plain sentence segmentation with exact offsets, no filtering: for reference passages. `lang` 'ja' (or
 * 'auto' that detects Japanese) also breaks at every line break, since Japanese text is rarely hard-wrapped.
 */
export function splitSentences(text: string, lang: Language | 'auto' = 'auto'): Claim[] {
  return sentenceSpans(text, lang).map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end }));
}

/** The same segmentation as offsets only: for megabytes of references, where a copy per sentence adds up. */
export function sentenceSpans(text: string, lang: Language | 'auto' = 'auto'): Span[] {
  // Line breaks only matter in a text that has one: skip the language scan otherwise.
  const newlineBreaks = text.includes('\n') && (lang === 'auto' ? detectLanguage(text) : lang) === 'ja';
  const spans: Span[] = [];
  scanSentences(text, 0, text.length, spans, { newlineBreaks });
  return spans;
}
