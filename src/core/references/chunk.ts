// Chunks reference text into passages of one to three sentences that remember their 1-based source line.
// Passage text stays verbatim: every line of a passage is a substring of the source line it came from (a Markdown
// line with its character references read, blocks.ts), so a passage's line is its source's.
import type { Passage } from '../types';
import { convertedHtmlBlocks, markdownBlocks, textBlocks, type Block } from './blocks';
import { sentenceSpans } from '../claims';

/** A passage with the heading of the section it stands in (Markdown and HTML), used by retrieval. */
export interface ReferencePassage extends Passage {
  heading?: string;
}

export type ReferenceKind = 'markdown' | 'text' | 'html';

/** Passages hold at most this many sentences, and at most about this many characters. */
export const MAX_SENTENCES = 3;
export const MAX_PASSAGE_CHARS = 500;

/** Chunks blocks into passages; ids are `${source}#${index}`. */
export function chunkBlocks(source: string, blocks: readonly Block[]): ReferencePassage[] {
  const out: ReferencePassage[] = [];
  for (const block of blocks) {
    // Ranges come in order, so lines are counted from the last one: from the block's start each time, a
    // block of 140,000 short lines took a minute.
    let at = 0;
    let line = block.line;
    for (const [start, end] of chunkRanges(block.text)) {
      line += countNewlines(block.text, at, start);
      at = start;
      const text = block.text.slice(start, end);
      const passage: ReferencePassage = { id: `${source}#${out.length}`, source, line, text };
      if (block.heading) passage.heading = block.heading;
      out.push(passage);
    }
  }
  return out;
}

/** Blocks of a text; for 'html', the text is the output of `htmlToText`. */
export function blocksFor(text: string, kind: ReferenceKind): Block[] {
  if (kind === 'text') return textBlocks(text);
  return kind === 'html' ? convertedHtmlBlocks(text) : markdownBlocks(text);
}

/** [start, end) ranges of the passages in one block: whole when short, else sentence windows overlapping by one. */
export function chunkRanges(text: string): [number, number][] {
  const sentences = splitSentences(text);
  if (sentences.length <= MAX_SENTENCES && text.length <= MAX_PASSAGE_CHARS) return [[0, text.length]];
  const ranges: [number, number][] = [];
  let i = 0;
  while (i < sentences.length) {
    let j = i + 1;
    while (j < sentences.length && j - i < MAX_SENTENCES && sentences[j]![1] - sentences[i]![0] <= MAX_PASSAGE_CHARS) j++;
    const start = sentences[i]![0];
    const end = sentences[j - 1]![1];
    if (end - start > MAX_PASSAGE_CHARS) ranges.push(...hardSplit(text, start, end));
    else ranges.push([start, end]);
    if (j >= sentences.length) break;
    i = j - i >= 2 ? j - 1 : j; // overlap one sentence so a fact spanning a boundary stays whole somewhere
  }
  return ranges;
}

/**
 * Sentence [start, end) ranges (trimmed) in a block: the claims' scanner, so that a passage boundary and a
 * claim boundary are the same rule (abbreviations, decimals, Japanese quotes, line-oriented Japanese).
 */
export function splitSentences(text: string): [number, number][] {
  return sentenceSpans(text).map((s) => [s.start, s.end]);
}

function hardSplit(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  while (end - s > MAX_PASSAGE_CHARS) {
    let cut = text.lastIndexOf(' ', s + MAX_PASSAGE_CHARS);
    if (cut <= s + MAX_PASSAGE_CHARS / 2) cut = s + MAX_PASSAGE_CHARS;
    if (isLowSurrogate(text.charCodeAt(cut))) cut--;
    out.push([s, trimEnd(text, cut)]);
    s = skipSpace(text, cut);
  }
  if (end > s) out.push([s, end]);
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\u3000' || c === '\u00a0';
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  return end;
}

/** Line breaks in text[from, to). */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
