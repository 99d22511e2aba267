// Where a long Markdown document can be cut into pieces that parse exactly as the whole does, so the parser
// (about 4 s per MB of text dense with links and emphasis) runs in short stretches with pauses between them.
// A cut goes before a line that follows a blank line and starts at column 0 with a character that cannot
// continue anything open (no indent or quote mark; a list item only where it opens with a letter), outside a
// fenced code block, an HTML block that blank lines do not end, and front matter. A long block with no such place
// (one long paragraph, in a list item or a quote too, or one long line) is cut at line ends and spaces too (lineCuts;
// seams.ts checks that the parts join).

/** Characters of Markdown parsed at a time: a few tens of milliseconds for the densest text. */
export const BLOCK_CHARS = 4_096;

const FENCE = /^( {0,3})(`{3,}|~{3,})/;
/** HTML blocks of CommonMark kinds 1 to 5, which blank lines do not end, and the text that does. */
const HTML_OPEN: [RegExp, RegExp][] = [
  [/^( {0,3})<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^( {0,3})<!--/, /-->/],
  [/^( {0,3})<\?/, /\?>/],
  [/^( {0,3})<![A-Za-z]/, />/],
  [/^( {0,3})<!\[CDATA\[/, /\]\]>/],
];
/** Kind 6: a block-level tag, to the next blank line. */
const HTML_BLOCK_TAG =
  /^( {0,3})<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
/** Kind 7: any other tag alone on its line (an HTML block only where no paragraph is open, which is not tracked here). */
const HTML_LONE_TAG = /^( {0,3})<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>\s*$/;

/**
 * Offsets at which the text may be cut, pieces at least `size` long: [0, ..., text.length]. Where a construct
 * could be read two ways by this line scanner (an indented fence or HTML block, which may sit in a list item; a
 * fence right after a lone tag, which may or may not be HTML), it does not cut at all: the text is parsed whole.
 */
export function blockCuts(text: string, size = BLOCK_CHARS): number[] {
  const cuts = [0];
  const whole = [0, text.length];
  if (text.length <= size) return whole;
  let blankBefore = true;
  /** The last line that was not blank was indented 4 columns or more (indented code, maybe). */
  let indentedBefore = false;
  const scan = scanLines(text);
  for (let step = scan.next(); ; step = scan.next()) {
    if (step.done) {
      if (step.value === 'unsure') return whole;
      break;
    }
    const { at, line, blank, outside } = step.value;
    if (outside && blankBefore && !blank && at - cuts[cuts.length - 1]! >= size && startsFresh(line, indentedBefore)) cuts.push(at);
    blankBefore = blank;
    if (!blank) indentedBefore = /^(?: {4}| {0,3}\t)/.test(line);
  }
  cuts.push(text.length);
  return cuts;
}

/**
 * Offsets inside a block that blockCuts could not cut (one long paragraph, say) at which to cut it, parts at least
 * `size` long, outside code and HTML: at a line end, before a line that opens with a letter after any container marks
 * ("> ", indentation; no block construct opens with a letter) where the line before ends in neither a hard break nor
 * white space; and inside a long line, before a letter after one space that follows neither white space nor a
 * backslash (a space reads as a line end there, and no line is parsed whole). Whether the parses of the parts join
 * into the whole one is for the caller to check (seams.ts): these are only the likely places. None where the
 * scanner is unsure of a construct.
 */
export function lineCuts(piece: string, size = BLOCK_CHARS): number[] {
  const cuts: number[] = [];
  if (piece.length <= 2 * size) return cuts;
  let last = 0;
  let lineAt = 0;
  let cleanEnd = false;
  const fits = (at: number): boolean => at - last >= size && piece.length - at >= size;
  const scan = scanLines(piece);
  for (let step = scan.next(); ; step = scan.next()) {
    if (step.done) return step.value === 'unsure' ? [] : cuts;
    const { at, line, outside } = step.value;
    // A table's delimiter row makes the line before it a header row, which a part of it alone would not be.
    if (DELIMITER_ROW.test(line)) {
      while (cuts.length > 0 && cuts[cuts.length - 1]! > lineAt) cuts.pop();
      last = cuts[cuts.length - 1] ?? 0;
    }
    lineAt = at;
    if (outside && cleanEnd && fits(at) && OPENS_WITH_LETTER.test(line)) cuts.push((last = at));
    if (outside && line.length > size) {
      // After a letter of the line's own (a marker alone, as in "1. ", may read otherwise: an empty item does not
      // interrupt a paragraph).
      const first = line.search(LETTER);
      for (IN_LINE.lastIndex = Math.max(first + 1, last + size - at); first >= 0 && IN_LINE.lastIndex < line.length; ) {
        const m = IN_LINE.exec(line);
        if (!m) break;
        if (!fits(at + m.index)) break;
        cuts.push((last = at + m.index));
        IN_LINE.lastIndex = m.index + size;
      }
    }
    cleanEnd = outside && CLEAN_END.test(line);
  }
}

/** A line that opens with a letter after any container marks ("> ", indentation). */
const OPENS_WITH_LETTER = /^[ >]*\p{L}/u;
const LETTER = /\p{L}/u;
/**
 * A place to cut inside a long line: a letter after one space that follows neither white space, a backslash nor "]"
 * ("- [ ] " alone is no task list item). Global: lineCuts sets lastIndex before each use.
 */
const IN_LINE = /(?<=[^ \t\\\]] )\p{L}/gu;
/** A line that ends in neither a hard break (a backslash) nor white space. */
const CLEAN_END = /[^ \t\\]$/;

/** A line that may be a table's delimiter row (white space, pipes, colons and hyphens, in a quote too). */
const DELIMITER_ROW = /^[ \t>|:-]*-[ \t>|:-]*$/;

interface Line {
  at: number;
  line: string;
  /** Spaces and tabs only, as CommonMark has it (a line of U+3000 is text). */
  blank: boolean;
  /** Not in a fenced code block or an HTML block (front matter is skipped). */
  outside: boolean;
}

/** The lines after front matter, each before its own opening is taken into account; 'unsure' where it gives up. */
function* scanLines(text: string): Generator<Line, 'unsure' | undefined> {
  let fence: { ch: string; len: number } | undefined;
  /** In an HTML block: what ends it ('blank': the next blank line), and whether it may be a paragraph instead. */
  let html: { end: RegExp | 'blank'; maybe?: boolean } | undefined;
  for (let at = frontMatterEnd(text); at < text.length; ) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    const blank = !/[^ \t]/.test(line);
    const f = FENCE.exec(line);
    yield { at, line, blank, outside: !fence && !html };
    if (fence) {
      // Only spaces and tabs may follow a closing fence (not U+3000: the fence stays open).
      if (f && f[2]![0] === fence.ch && f[2]!.length >= fence.len && !/[^ \t]/.test(line.slice(f[0].length))) fence = undefined;
    } else if (html) {
      if (html.end === 'blank' ? blank : html.end.test(line)) html = undefined;
      // A lone tag may have been paragraph text: then a fence or an HTML block may open inside what looked like HTML.
      else if (html.maybe && opening(line, f) !== undefined) return 'unsure';
    } else {
      const opened = opening(line, f);
      if (opened === 'unsure') return 'unsure';
      if (opened && 'ch' in opened) fence = opened;
      else html = opened;
    }
    at = nextLine(text, end);
  }
  return undefined;
}

/** What a line outside code and HTML opens: a fence, an HTML block, nothing, or something this scanner cannot place. */
function opening(line: string, f: RegExpExecArray | null): { ch: string; len: number } | { end: RegExp | 'blank'; maybe?: boolean } | 'unsure' | undefined {
  if (f) {
    // A backtick fence's info string holds no backtick: "```a```" is inline code.
    if (f[2]![0] === '`' && line.slice(f[0].length).includes('`')) return undefined;
    return f[1] ? 'unsure' : { ch: f[2]![0]!, len: f[2]!.length };
  }
  for (const [start, end] of HTML_OPEN) {
    const m = start.exec(line);
    if (m) return m[1] ? 'unsure' : end.test(line.slice(m[0].length)) ? undefined : { end };
  }
  const block = HTML_BLOCK_TAG.exec(line) ?? HTML_LONE_TAG.exec(line);
  if (block) return block[1] ? 'unsure' : { end: 'blank', maybe: !HTML_BLOCK_TAG.test(line) };
  return undefined;
}

/** A line that begins a block of its own after a blank line, whatever came before (`afterIndented`: an indented line). */
function startsFresh(line: string, afterIndented: boolean): boolean {
  const c = line.charCodeAt(0);
  // Indented: the continuation of a list item or footnote, or indented code. ">": a quote that may go on.
  if (c === 0x20 || c === 0x09 || c === 0x3e) return false;
  // "---" or "+++" opening a piece would read as front matter there.
  // A list item at column 0 after a blank line ends the item before it: a long loose list can be cut there too, where
  // the item opens with a letter (an empty one, "+", or one that opens with another marker, "- 2)", the parser reads by
  // what precedes it).
  const item = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.exec(line);
  // After indented code and a blank line, micromark reads an ordered item that does not start at 1 as a paragraph,
  // as if it would interrupt one ("    x\n\n2) T"); alone, it is a list.
  if (item && afterIndented && /^\d/.test(line) && !/^1[.)]/.test(line)) return false;
  if (item) return /^[ \t]+\p{L}/u.test(line.slice(item[0].length - 1));
  return !/^(?:-{3}|\+{3})[ \t]*$/.test(line);
}

/** Where front matter ("---" or "+++" on the first line, to the same line again) ends, or 0. */
function frontMatterEnd(text: string): number {
  const firstEnd = lineEnd(text, 0);
  // Spaces or tabs may follow the fence ("--- "), as the parser allows.
  const first = text.slice(0, firstEnd).replace(/[ \t]+$/, '');
  if (first !== '---' && first !== '+++') return 0;
  for (let at = nextLine(text, firstEnd); at < text.length; ) {
    const end = lineEnd(text, at);
    if (text.slice(at, end).replace(/[ \t]+$/, '') === first) return nextLine(text, end);
    at = nextLine(text, end);
  }
  return text.length; // never closed: no cut at all, as for one block
}

/** Runs steps that yield between blocks to the end, without pausing: the result. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function lineEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  return end;
}

function nextLine(text: string, end: number): number {
  return end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
}
