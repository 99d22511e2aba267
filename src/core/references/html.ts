// HTML references: converted to text by html-to-text (block structure kept as lines, headings marked),
// then each passage's line is mapped back to the original HTML line where its first words occur.
import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';
import { InputError } from '../errors';
import { HEADING_MARK } from './blocks';
import type { ReferencePassage } from './chunk';

const headingFormatter: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(HEADING_MARK);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { claimcheckHeading: headingFormatter },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'claimcheckHeading' })),
  ],
};

/**
 * Converts HTML to text: blocks separated by blank lines, list items as "* " lines, headings marked by
 * `HEADING_MARK`. Throws `InputError` naming `source` when elements nest too deeply to convert.
 */
export function htmlToText(html: string, source = 'HTML'): string {
  try {
    return convert(html, OPTIONS);
  } catch (err) {
    // html-to-text walks the element tree recursively: a few thousand nested elements overflow the stack
    // (where exactly depends on the host's stack size, so this is caught rather than predicted).
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new InputError(source, 'nestedTooDeep');
    }
    throw err;
  }
}

const WORD = /[\p{L}\p{N}]+/u;

/**
 * Sets each passage's line to the line of the original HTML where its first word occurs (searching
 * forward from the previous passage, outside tags). Best effort: a passage whose first word cannot be
 * found keeps the previous passage's line.
 */
export function mapLinesToHtml(passages: ReferencePassage[], html: string): void {
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const body = html.search(/<body[\s>]/i);
  let cursor = body === -1 ? 0 : body;
  let line = 1;
  for (const p of passages) {
    const word = WORD.exec(p.text)?.[0];
    const at = word ? findOutsideTags(html, word, cursor) : -1;
    if (at !== -1) {
      cursor = at + 1;
      line = lineOf(lineStarts, at);
    }
    p.line = line;
  }
}

function findOutsideTags(html: string, word: string, from: number): number {
  for (let at = html.indexOf(word, from); at !== -1; at = html.indexOf(word, at + 1)) {
    if (html.lastIndexOf('<', at) <= html.lastIndexOf('>', at)) return at;
  }
  return -1;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
