// Splits reference text into blocks (paragraphs, list items, table rows) with their 1-based start line.
// A line scanner, not a full Markdown parser: references can be large and this keeps loading linear and fast.
import { characterReferences } from '../charrefs';

export interface Block {
  /** 1-based line of the block's first character. */
  line: number;
  /**
   * The block's lines joined by "\n"; each line is a verbatim substring of its source line (in Markdown, with its
   * character references read: see `readReferences`).
   */
  text: string;
  /** Text of the nearest heading above the block (Markdown). */
  heading?: string;
}

const LINE_BREAK = /\r\n|\r|\n/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_SEPARATOR = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const QUOTE = /^ {0,3}(?:>[ \t]?)+/;
const TAG_ONLY = /^[ \t]*<\/?[A-Za-z][^<>]*>[ \t]*$/;
const INLINE_COMMENT = /<!--[\s\S]*?-->/g;

/** Marks heading lines in text converted from HTML (a private-use character never found in prose). */
export const HEADING_MARK = '\uE000';
const HTML_LIST_ITEM = /^(?:\*|\d{1,9}\.)[ \t]+/;

/** Gathers lines into blocks that remember their first line and the heading above them. */
class BlockCollector {
  readonly blocks: Block[] = [];
  heading: string | undefined;
  /** Lines of the open block. */
  para: string[] = [];
  private first = 0;

  /** Adds line `i` to the open block, opening one if none is. */
  push(i: number, content: string): void {
    if (!this.para.length) this.first = i;
    this.para.push(content);
  }

  /** Closes the open block, if any. */
  flush(): void {
    if (this.para.length) {
      const block: Block = { line: this.first + 1, text: this.para.join('\n') };
      if (this.heading) block.heading = this.heading;
      this.blocks.push(block);
    }
    this.para = [];
  }
}

/** Plain text: blocks are runs of non-blank lines. */
export function textBlocks(text: string): Block[] {
  return lineBlocks(text, false);
}

/**
 * Text converted from HTML: like plain text (no Markdown syntax is trusted), but lines starting with
 * `HEADING_MARK` are headings and list items ("* ", "1. ") are blocks of their own.
 */
export function convertedHtmlBlocks(text: string): Block[] {
  return lineBlocks(text, true);
}

function lineBlocks(text: string, html: boolean): Block[] {
  const lines = text.split(LINE_BREAK);
  const c = new BlockCollector();
  for (let i = 0; i < lines.length; i++) {
    let content = lines[i]!.trim();
    if (!content) {
      c.flush();
      continue;
    }
    if (html) {
      if (content.startsWith(HEADING_MARK)) {
        c.flush();
        c.heading = content.slice(HEADING_MARK.length).trim() || c.heading;
        continue;
      }
      const item = HTML_LIST_ITEM.exec(content);
      if (item) {
        c.flush();
        content = content.slice(item[0].length);
      }
    }
    c.push(i, content);
  }
  c.flush();
  return c.blocks;
}

/** Markdown: skips front matter, code, HTML comments and tags, link definitions; keeps headings as context. */
export function markdownBlocks(text: string): Block[] {
  const lines = text.split(LINE_BREAK);
  const c = new BlockCollector();
  let inList = false;
  const start = (i: number, segment: string): void => {
    c.flush();
    c.push(i, readReferences(segment));
  };

  let i = skipFrontMatter(lines);
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const quote = QUOTE.exec(raw);
    let line = quote ? raw.slice(quote[0].length) : raw;
    if (!line.trim()) {
      c.flush();
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      c.flush();
      i = skipFence(lines, i, fence[1]!);
      continue;
    }
    if (line.trimStart().startsWith('<!--') && !line.includes('-->')) {
      c.flush();
      while (i + 1 < lines.length && !lines[i]!.includes('-->')) i++;
      continue;
    }
    if (line.includes('<!--')) {
      line = line.replace(INLINE_COMMENT, '');
      if (!line.trim()) continue;
    }
    if (ATX_HEADING.test(line)) {
      c.flush();
      c.heading = readReferences(line.trim().replace(/^#+[ \t]*/, '').replace(/[ \t]+#+$/, '')) || c.heading;
      inList = false;
      continue;
    }
    if (c.para.length && SETEXT_UNDERLINE.test(line) && !inList) {
      c.heading = c.para.join(' ');
      c.para = [];
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      c.flush();
      continue;
    }
    if (LINK_DEFINITION.test(line) || TAG_ONLY.test(line)) {
      c.flush();
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      c.flush();
      if (!TABLE_SEPARATOR.test(line)) start(i, line.trim());
      c.flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      inList = true;
      const rest = line.slice(item[0].length).trim();
      if (rest) start(i, rest);
      else c.flush();
      continue;
    }
    const indented = line.startsWith('    ') || line.startsWith('\t');
    if (indented && !c.para.length && !inList) continue; // indented code block
    if (!indented && !c.para.length) inList = false;
    c.push(i, readReferences(line.trim()));
  }
  c.flush();
  return c.blocks;
}

/**
 * A Markdown line's character references read as a claim's are ("AT&amp;T" is "AT&T", charrefs.ts), so that a claim
 * and the reference that states it read alike; not in a code span nor after an escaping backslash, where Markdown
 * reads them as written. One that reads as a line break ("&#10;") reads as a space: the passage keeps its lines.
 */
function readReferences(line: string): string {
  const amp = line.indexOf('&');
  if (amp === -1) return line;
  const code = codeSpans(line);
  const parts: string[] = [];
  let at = 0;
  let k = 0;
  for (const ref of characterReferences(line, amp)) {
    while (k < code.length && code[k]!.end <= ref.start) k++;
    if ((k < code.length && code[k]!.start <= ref.start) || escaped(line, ref.start)) continue;
    parts.push(line.slice(at, ref.start), ref.reads.replace(/[\r\n]/g, ' '));
    at = ref.end;
  }
  return at ? parts.join('') + line.slice(at) : line;
}

/**
 * The code spans of one line, in order: a run of backticks to the next run of as many (CommonMark's rule; a run with
 * none after it is text). Linear: each run is paired through the next run of its length, found from the right.
 */
function codeSpans(line: string): { start: number; end: number }[] {
  if (!line.includes('`')) return [];
  const runs: { start: number; end: number }[] = [];
  for (const m of line.matchAll(/`+/g)) runs.push({ start: m.index, end: m.index + m[0].length });
  const next = new Array<number>(runs.length).fill(-1);
  const seen = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const length = runs[k]!.end - runs[k]!.start;
    next[k] = seen.get(length) ?? -1;
    seen.set(length, k);
  }
  const spans: { start: number; end: number }[] = [];
  for (let k = 0; k < runs.length; k++) {
    if (next[k]! < 0) continue;
    spans.push({ start: runs[k]!.start, end: runs[next[k]!]!.end });
    k = next[k]!;
  }
  return spans;
}

/** Whether an odd run of backslashes stands before `at` ("\\&amp;" is a literal "&amp;"). */
function escaped(line: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && line.charCodeAt(at - n - 1) === 0x5c) n++;
  return n % 2 === 1;
}

function skipFrontMatter(lines: readonly string[]): number {
  const open = lines[0]?.trim();
  if (open !== '---' && open !== '+++') return 0;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === open || (open === '---' && t === '...')) return i + 1;
  }
  return 0;
}

function skipFence(lines: readonly string[], open: number, marker: string): number {
  const ch = marker[0]!;
  for (let i = open + 1; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t.length >= marker.length && t[0] === ch && /^(`+|~+)$/.test(t)) return i;
  }
  return lines.length;
}
