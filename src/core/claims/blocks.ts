// Where a long Markdown document can be cut into pieces that parse exactly as the whole does, so the parser
// (about 4 s per MB of text dense with links and emphasis) runs in short stretches with pauses between them.
// A cut goes before a line that follows a blank line and starts at column 0 with a character that cannot
// continue anything open (no indent, quote mark or list marker), outside a fenced code block, an HTML block
// that blank lines do not end, and front matter.

/** Characters of Markdown parsed at a time: a few tens of milliseconds for the densest text. */
export const BLOCK_CHARS = 4_096;

const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
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
/** A link reference or footnote definition at the top level: "[label]: destination" (or the destination on the next line). */
const DEFINITION = /^ {0,3}\[((?:[^[\]\\\n]|\\.){1,999})\]:/;

export interface Blocks {
  /** Offsets at which the text may be cut, pieces at least `size` long: [0, ..., text.length]. */
  cuts: number[];
  /** The labels of the text's definitions ("e" for "[e]: url", "^1" for a footnote), in the form `labelKey` gives. */
  labels: Set<string>;
}

/**
 * Where the text may be cut, and the labels it defines. Where a construct could be read two ways by this line
 * scanner (an indented fence or HTML block, which may sit in a list item; a fence right after a lone tag, which
 * may or may not be HTML), it does not cut at all: the text is parsed whole, as before.
 */
export function scanBlocks(text: string, size = BLOCK_CHARS): Blocks {
  const cuts = [0];
  const labels = new Set<string>();
  const whole = { cuts: [0, text.length], labels: new Set<string>() };
  if (text.length <= size) return whole;
  let fence: { ch: string; len: number } | undefined;
  /** In an HTML block: what ends it ('blank': the next blank line), and whether it may be a paragraph instead. */
  let html: { end: RegExp | 'blank'; maybe?: boolean } | undefined;
  let blankBefore = true;
  /** Whether a link reference definition may start here: no paragraph is open. */
  let defOpen = true;
  for (let at = frontMatterEnd(text); at < text.length; ) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    let next = nextLine(text, end);
    const blank = !/\S/.test(line);
    const f = FENCE.exec(line);
    let defined = false;
    if (fence) {
      if (f && f[2]![0] === fence.ch && f[2]!.length >= fence.len && !/\S/.test(line.slice(f[0].length))) fence = undefined;
    } else if (html) {
      if (html.end === 'blank' ? blank : html.end.test(line)) html = undefined;
      // A lone tag may have been paragraph text: then a fence or an HTML block may open inside what looked like HTML.
      else if (html.maybe && opening(line, f) !== undefined) return whole;
    } else {
      if (blankBefore && !blank && at - cuts[cuts.length - 1]! >= size && startsFresh(line)) cuts.push(at);
      const d = definition(text, line, next, defOpen);
      if (d) {
        labels.add(d.label);
        next = d.next;
        defined = true;
      } else {
        const opened = opening(line, f);
        if (opened === 'unsure') return whole;
        if (opened && 'ch' in opened) fence = opened;
        else html = opened;
      }
    }
    blankBefore = blank;
    defOpen = blank || defined;
    at = next;
  }
  cuts.push(text.length);
  return { cuts, labels };
}

/** A link destination (and title) alone on a line, as a definition's. */
const DESTINATION = /^[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;

/**
 * A definition that starts on this line: a footnote's (which may interrupt a paragraph), or a link reference's
 * where no paragraph is open, with its destination on this line or the next. `next`: the line after it.
 */
function definition(text: string, line: string, next: number, open: boolean): { label: string; next: number } | undefined {
  const d = DEFINITION.exec(line);
  if (!d) return undefined;
  const label = labelKey(d[1]!);
  if (label.startsWith('^')) return { label, next };
  if (!open) return undefined;
  const rest = line.slice(d[0].length);
  if (/\S/.test(rest)) return DESTINATION.test(rest) ? { label, next } : undefined;
  const following = text.slice(next, lineEnd(text, next));
  // A footnote definition there starts a block of its own; anything else of one word is the destination.
  const footnote = DEFINITION.exec(following)?.[1]!.startsWith('^');
  return next < text.length && !footnote && DESTINATION.test(following) && /\S/.test(following) ? { label, next: nextLine(text, lineEnd(text, next)) } : undefined;
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

/** A line that begins a block of its own after a blank line, whatever came before. */
function startsFresh(line: string): boolean {
  const c = line.charCodeAt(0);
  // Indented: the continuation of a list item or footnote, or indented code. ">": a quote that may go on.
  if (c === 0x20 || c === 0x09 || c === 0x3e) return false;
  // "---" or "+++" opening a piece would read as front matter there.
  return !LIST_MARKER.test(line) && !/^(?:-{3}|\+{3})[ \t]*$/.test(line);
}

/** Where front matter ("---" or "+++" on the first line, to the same line again) ends, or 0. */
function frontMatterEnd(text: string): number {
  const first = text.slice(0, lineEnd(text, 0));
  if (first !== '---' && first !== '+++') return 0;
  for (let at = nextLine(text, first.length); at < text.length; ) {
    const end = lineEnd(text, at);
    if (text.slice(at, end) === first) return nextLine(text, end);
    at = nextLine(text, end);
  }
  return text.length; // never closed: no cut at all, as for one block
}

/**
 * Definitions standing in for those of other pieces that this piece refers to ("[...]" anywhere in it), to put
 * before or after it: a piece parsed alone still needs them, or "[Eiffel][e]" would read as plain text there.
 * Only the label matters to what is checked, so each is "[label]: x".
 */
export function definitionsFor(piece: string, labels: ReadonlySet<string>): string {
  if (!labels.size) return '';
  const used = new Set<string>();
  // Labels hold no unescaped bracket: in "[[^1]" the label is "^1".
  for (const m of piece.matchAll(/\[((?:[^[\]\\\n]|\\.){1,999})\]/g)) {
    const label = labelKey(m[1]!);
    if (labels.has(label)) used.add(label);
  }
  // A blank line after each: a link definition right after a footnote would be read as the footnote's text.
  return used.size ? `\n\n${[...used].map((l) => `[${l}]: x\n\n`).join("")}` : "";
}

/** Labels match case-insensitively with runs of white space as one, as CommonMark's do. */
function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
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
