// HTML references: converted to text by html-to-text (block structure kept as lines, headings marked),
// then each passage's line is mapped back to the original HTML line where its first words occur.
import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';
import { decodeCharacterReferences } from '../charrefs';
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
/** Letters and digits a passage's start is found by: enough to tell "The tower is 330 metres" from a heading "The Tower". */
const PREFIX_CHARS = 40;
/**
 * The HTML's text as html-to-text reads it, a token at a time: what it leaves out (a comment, a script, a style, the
 * title) or a tag (a "<" before a space is text), a character reference ("&eacute;", decoded by charrefs), or a run
 * of letters and digits.
 */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(?<raw>script|style|title)\b[\s\S]*?(?:<\/\k<raw>\s*>|$)|<[/!?a-zA-Z][^>]*>?|&#?[\da-zA-Z]{1,31};|[\p{L}\p{N}]+/giu;
/**
 * Sets each passage's line to the line of the original HTML where it starts: its first letters and digits (up to
 * PREFIX_CHARS, any case), looked for in the HTML's text (tags and character references read as html-to-text reads
 * them) forward from the previous passage; else its first word; else it keeps the previous passage's line. By the
 * first word alone, "The tower is 330 metres tall." pointed at an earlier heading "The Tower", and "It" at "Item".
 */
export function mapLinesToHtml(passages: ReferencePassage[], html: string): void {
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const body = html.search(/<body[\s>]/i);
  const text = htmlLetters(html, body === -1 ? 0 : body);
  let cursor = 0;
  let line = 1;
  for (const p of passages) {
    const letters = lettersOf(p.text);
    const firstWord = lettersOf(WORD.exec(p.text)?.[0] ?? '');
    let at = letters ? text.letters.indexOf(letters.slice(0, PREFIX_CHARS), cursor) : -1;
    if (at === -1 && firstWord) at = text.letters.indexOf(firstWord, cursor);
    if (at !== -1) {
      cursor = at + 1;
      line = lineOf(lineStarts, text.offsets[at]!);
    }
    p.line = line;
  }
}

/** A text's letters and digits, lower-cased, and nothing else: spaces, punctuation and markup differ between the two. */
function lettersOf(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).join('').toLowerCase();
}

/** The letters of the HTML's text from `from` on (`lettersOf`), each with the offset in `html` it is written at. */
function htmlLetters(html: string, from: number): { letters: string; offsets: Int32Array } {
  // Lower-cased whole, once, where that keeps every offset (nearly always); else a run at a time ("İ" reads "i̇").
  const lower = html.toLowerCase();
  const source = lower.length === html.length ? lower : html;
  const parts: string[] = [];
  let offsets = new Int32Array(html.length + 64);
  let length = 0;
  const token = new RegExp(TOKEN);
  token.lastIndex = from;
  for (let m = token.exec(source); m; m = token.exec(source)) {
    const written = m[0];
    if (written[0] === '<') continue;
    const reference = written[0] === '&';
    const letters = reference ? lettersOf(decodeCharacterReferences(written)) : source === lower ? written : written.toLowerCase();
    if (length + letters.length > offsets.length) {
      const grown = new Int32Array(offsets.length * 2 + letters.length);
      grown.set(offsets);
      offsets = grown;
    }
    // A reference's letters are where it is written; so are a run's, one by one where lower-casing kept its length.
    const each = !reference && letters.length === written.length;
    for (let i = 0; i < letters.length; i++) offsets[length++] = m.index + (each ? i : 0);
    parts.push(letters);
  }
  return { letters: parts.join(''), offsets };
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
