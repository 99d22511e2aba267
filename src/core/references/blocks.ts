// Splits reference text into blocks (paragraphs, list items, table rows) with their 1-based start line.
// A line scanner, not a full Markdown parser: references can be large and this keeps loading linear and fast.

export interface Block {
  /** 1-based line of the block's first character. */
  line: number;
  /** The block's lines joined by "\n"; each line is a verbatim substring of its source line. */
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
    c.push(i, segment);
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
      c.heading = line.trim().replace(/^#+[ \t]*/, '').replace(/[ \t]+#+$/, '') || c.heading;
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
    c.push(i, line.trim());
  }
  c.flush();
  return c.blocks;
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
