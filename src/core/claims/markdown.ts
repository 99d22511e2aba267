// Markdown → prose units, through the real CommonMark + GFM parser and its source offsets. Headings, code,
// HTML, front matter, definitions and table header rows are skipped; paragraphs (in lists, quotes,
// footnotes) and table data rows are kept.
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { HARD, OPAQUE, SKIP, isAsciiPunctuation, isSpace } from './chars';
import { BLOCK_CHARS, blockCuts, drain, lineCuts } from './blocks';
import { plaintextUnits } from './plaintext';
import { badSeams, pieceEdges, type Edges } from './seams';
import { characterReferences } from '../charrefs';
import { pairedTag } from './tags';
import { shiftMarkup, type Markup } from './reading';
import { applyMasks, type Mask, type ParsedText, type Unit } from './view';

// Built once: the extension objects are plain data and reused by every parse. GFM's only tree transform
// re-walks the whole tree to turn bare URLs into links; a bare URL reads the same to us either way, and the
// walk costs a large share of the parse, so it is left out.
const PARSE_OPTIONS = {
  extensions: [gfm(), frontmatter(['yaml', 'toml'])],
  mdastExtensions: [...gfmFromMarkdown().map((ext) => ({ ...ext, transforms: [] })), frontmatterFromMarkdown(['yaml', 'toml'])],
};

const BR = /^<br\s*\/?>$/i;
/** Container prefixes at the start of a continuation line inside a block quote ("> ", "> > "). */
const QUOTE_PREFIX = /\n([ \t]*(?:>[ \t]?)+)/g;

/**
 * `parse: 'auto'` skips the (comparatively slow) parser when the text holds no Markdown syntax at all:
 * such a text parses to plain paragraphs, which `paragraphUnits` finds directly. Tests force the parser
 * with `parse: 'always'` to check that both paths agree.
 */
export function markdownUnits(text: string, parse: 'auto' | 'always' = 'auto', blockChars = BLOCK_CHARS): ParsedText {
  return drain(markdownSteps(text, parse, blockChars));
}

/**
 * `markdownUnits` a block at a time: it yields after each block of about `blockChars` (see blocks.ts; one long
 * paragraph is cut at line ends, seams.ts), so a caller can hand the event loop back between them; the result is the
 * same as one parse of the whole.
 */
export function* markdownSteps(text: string, parse: 'auto' | 'always' = 'auto', blockChars = BLOCK_CHARS): Generator<void, ParsedText> {
  if (parse === 'auto') {
    const plain = withoutAtxHeadings(text);
    if (!mayHoldMarkdown(plain.rest)) return { view: text, units: paragraphUnits(plain.blanked) };
  }
  // micromark slows down superlinearly with container depth (minutes for a 1,500-level list): such a
  // document is read as plain text, which keeps its prose and exact offsets.
  if (nestsTooDeeply(text)) return plaintextUnits(text);
  const pieces = piecesOf(text, blockChars);
  // The labels the document defines, as the parser reads them, from the pieces that may hold a definition (parsed
  // first); a piece that refers to a label defined in another is parsed with a stand-in for it ("[e]: x").
  const defined = new Map<string, string>();
  const parsed: (ParsedPiece | undefined)[] = pieces.map(() => undefined);
  for (const [k, piece] of pieces.entries()) {
    if (!piece.mayDefine) continue;
    if (k > 0) yield;
    parsed[k] = parsePiece(piece.text, '', k === 0);
    for (const [id, line] of parsed[k]!.defines) if (!defined.has(id)) defined.set(id, line);
  }
  const standIns = (k: number): string => {
    const own = parsed[k]?.defines;
    // A label scan only where another piece defines something (most documents define nothing).
    const elsewhere = pieces.length > 1 && defined.size > (own?.size ?? 0);
    const lines = elsewhere ? [...referencedLabels(pieces[k]!.text)].filter((id) => defined.has(id) && !own?.has(id)).map((id) => defined.get(id)!) : [];
    return lines.length ? `\n\n${lines.map((l) => `${l}\n\n`).join('')}` : '';
  };
  // A piece cut from the one before in a paragraph is parsed after the opener that the parse of that one gives.
  const opener = (k: number): string => (pieces[k]!.joins ? parsed[k - 1]!.next : '');
  for (const [k, piece] of pieces.entries()) {
    const extra = standIns(k);
    if (parsed[k] && !extra && parsed[k]!.opener === opener(k)) continue;
    if (k > 0) yield;
    parsed[k] = parsePiece(piece.text, extra, k === 0, opener(k));
  }
  // A paragraph cut at line ends: where the parses do not join into the whole one, parse both sides as one piece.
  const seams = (): number[] => badSeams(pieces.map((p) => p.joins), parsed.map((p) => p!.edges));
  for (let bad = seams(); bad.length > 0; bad = seams()) {
    for (const k of bad.reverse()) {
      pieces.splice(k - 1, 2, { ...pieces[k - 1]!, text: pieces[k - 1]!.text + pieces[k]!.text });
      parsed.splice(k - 1, 2, undefined);
    }
    // In order: a piece parsed again may give the next one another opener.
    for (const [k, piece] of pieces.entries()) {
      if (parsed[k] && parsed[k]!.opener === opener(k)) continue;
      yield;
      parsed[k] = parsePiece(piece.text, standIns(k), k === 0, opener(k));
    }
  }
  const units: Unit[] = [];
  const masks: Mask[] = [];
  const markup: Markup[] = [];
  for (const [k, piece] of pieces.entries()) {
    const own = parsed[k]!.units.map((x) => ({ ...x, start: x.start + piece.at, end: x.end + piece.at }));
    // The paragraph goes on from the piece before: one unit.
    if (piece.joins) units[units.length - 1]!.end = own.shift()!.end;
    units.push(...own);
    for (const x of parsed[k]!.masks) masks.push({ ...x, start: x.start + piece.at, end: x.end + piece.at });
    for (const x of parsed[k]!.markup) markup.push(shiftMarkup(x, piece.at));
  }
  return { view: applyMasks(text, masks), units, markup: markup.sort((a, b) => a.start - b.start) };
}

interface Piece {
  at: number;
  text: string;
  /** Cut from the piece before at a line end, in a paragraph (see seams.ts). */
  joins: boolean;
  /** It may hold a definition (MAY_DEFINE): then it is a whole block, parsed before the others. */
  mayDefine: boolean;
}

/**
 * The pieces to parse: blocks (blocks.ts), and a long block with no definition in it also cut at line ends. (A
 * definition read in a part alone might be no definition in the whole, and other pieces would be parsed with it.)
 */
function piecesOf(text: string, blockChars: number): Piece[] {
  const cuts = blockCuts(text, blockChars);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const block = text.slice(cuts[k], cuts[k + 1]);
    const mayDefine = MAY_DEFINE.test(block);
    const lines = mayDefine ? [] : lineCuts(block, blockChars);
    const starts = [0, ...lines];
    starts.forEach((s, j) => pieces.push({ at: cuts[k]! + s, text: block.slice(s, starts[j + 1] ?? block.length), joins: j > 0, mayDefine }));
  }
  return pieces;
}

/** A line that may open a definition ("[e]: url", "[^1]: note"), also inside a quote or a list item. */
const MAY_DEFINE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*\[(?:[^\]\\]|\\.)+\]:/m;

interface ParsedPiece {
  /** Offsets in the piece. */
  units: Unit[];
  masks: Mask[];
  markup: Markup[];
  /** The labels this piece defines, by identifier, each with a stand-in definition line for the other pieces. */
  defines: Map<string, string>;
  /** The paragraphs at its two ends, to judge a cut at a line end. */
  edges: Edges;
  /** What it was parsed after (see parsePiece). */
  opener: string;
  /** The opener for a piece that goes on from this one's last paragraph. */
  next: string;
}

/**
 * One piece parsed with `standIns` (blank-line separated definitions): after the first piece (which may open with
 * an indented line that a footnote before it would take in), before any other (the last may end inside an open
 * fence, which would take them in). Only the piece's own units and masks are kept.
 *
 * A piece that goes on with a paragraph of the piece before it is parsed after `opener`: the container marks of
 * that paragraph's first line ("> ", "- ", "1. ") and a stand-in line "x", so that its first line is read as the
 * paragraph's next line in the same containers, as in the whole (seams.ts checks that it was).
 */
function parsePiece(piece: string, standIns: string, first: boolean, opener = ''): ParsedPiece {
  const full = first ? piece + standIns : standIns + opener + piece;
  const shift = first ? 0 : standIns.length + opener.length;
  const end = shift + piece.length;
  const units: Unit[] = [];
  const masks: Mask[] = [];
  const markup: Markup[] = [];
  const found: Definition[] = [];
  const tree = collect(full, { units, masks, markup }, found);
  // Its own, not the stand-ins it was parsed with (a piece may be parsed again after another opener).
  const defines = new Map(found.filter((d) => d.at >= shift && d.at < end).map((d) => [d.id, d.line]));
  // The stand-in line's paragraph runs on into the piece: its part there is kept.
  const inPiece = (x: { start: number; end: number }): boolean => x.end > shift && x.start < end;
  const clip = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: Math.max(x.start, shift) - shift, end: Math.min(x.end, end) - shift });
  const at = standIns.length;
  const edges = pieceEdges(full, tree, shift, end, opener ? { at, head: at + opener.length - STAND_IN.length } : undefined);
  const tailStart = edges.tail?.start ?? end;
  // The tail paragraph's first line: in this piece, or (the stand-in's) in the opener.
  const next = tailStart < shift ? opener : `${full.slice(Math.max(shift, lineStartOf(full, tailStart)), tailStart)}${STAND_IN}`;
  const markupIn = (m: Markup): Markup => {
    const c = clip(m);
    return c.span ? { ...c, span: { start: Math.max(c.span.start, shift) - shift, end: Math.min(c.span.end, end) - shift } } : c;
  };
  return { units: units.filter(inPiece).map(clip), masks: masks.filter(inPiece).map(clip), markup: markup.filter(inPiece).map(markupIn), defines, edges, opener, next };
}

/** The stand-in first line of a paragraph that a piece goes on with (any letter: it opens and closes nothing). */
const STAND_IN = 'x\n';

function lineStartOf(text: string, at: number): number {
  return Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
}

/** Identifiers of the labels a piece may refer to ("[img]", "[Eiffel\nTower]", "[^1]"), normalised as the parser does. */
function referencedLabels(piece: string): Set<string> {
  const out = new Set<string>();
  // Labels hold no unescaped bracket: in "[[^1]" the label is "^1".
  for (const m of piece.matchAll(/\[((?:[^[\]\\]|\\.){1,999})\]/g)) out.add(identifier(m[1]!));
  return out;
}

/** A label as micromark compares it: runs of white space as one space, trimmed, case folded. */
function identifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

interface Definition {
  /** The label's identifier. */
  id: string;
  /** A stand-in definition line for it. */
  line: string;
  at: number;
}

/** What a parse gives: prose units, the scanner's masks, the markup a reader does not read (reading.ts). */
interface Collected {
  units: Unit[];
  masks: Mask[];
  markup: Markup[];
}

/** The units, masks and markup of a parsed text, and the labels it defines (with a stand-in definition line for each); the tree. */
function collect(text: string, out: Collected, defines: Definition[]): Root {
  const tree = fromMarkdown(text, PARSE_OPTIONS);
  // An explicit stack, not recursion: deep nesting (a quote thousands of ">" deep) must not overflow the
  // call stack. Children are pushed in reverse so nodes are still visited in document order.
  const stack: { node: Nodes; inQuote: boolean }[] = [{ node: tree, inQuote: false }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, inQuote } = top;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const label = `${node.type === 'footnoteDefinition' ? '^' : ''}${node.label ?? node.identifier}`;
      defines.push({ id: identifier(label), line: `[${label}]: x`, at: node.position?.start.offset ?? -1 });
    }
    switch (node.type) {
      case 'root':
      case 'list':
      case 'listItem':
      case 'footnoteDefinition':
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, inQuote: inQuote || node.type === 'blockquote' });
        break;
      case 'paragraph':
        addParagraph(text, node, inQuote, out);
        break;
      case 'table':
        addTableRows(text, node, out);
        break;
      default:
        // heading, code, html, yaml, toml, thematicBreak, definition: nothing to check.
        break;
    }
  }
  return tree;
}

/** Columns of container prefix (indentation, ">", list markers) on one line beyond which the parser is not used. */
const MAX_CONTAINER_PREFIX = 400;

/**
 * Whether a line opens with more than `MAX_CONTAINER_PREFIX` columns of spaces, tabs, ">" and list markers,
 * at least one of them a ">" or a marker (deep indentation alone nests nothing). Each nesting level costs at
 * least one such column on the line that opens it, so this bounds the depth the parser sees. O(n).
 */
function nestsTooDeeply(text: string): boolean {
  const n = text.length;
  if (n <= MAX_CONTAINER_PREFIX) return false;
  for (let i = 0; i < n; i++) {
    let col = 0;
    let container = false;
    for (;;) {
      const c = text.charCodeAt(i);
      const marker = c === 0x3e ? 1 : listMarkerLength(text, i);
      if (marker > 0) {
        container = true;
        col += marker;
        i += marker;
      } else if (c === 0x20) {
        col++;
        i++;
      } else if (c === 0x09) {
        col += 4 - (col % 4);
        i++;
      } else break;
    }
    if (container && col > MAX_CONTAINER_PREFIX) return true;
    // On to the end of the line (\n, \r\n or \r); the loop steps past it.
    while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  }
  return false;
}

/** Length of a list marker ("-", "+", "*", "1." or "1)") at `i` that a space or tab follows, or 0. */
function listMarkerLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let j = i;
  if (c === 0x2d || c === 0x2b || c === 0x2a) j++;
  else {
    while (j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    if (j === i || (text.charCodeAt(j) !== 0x2e && text.charCodeAt(j) !== 0x29)) return 0;
    j++;
  }
  const after = text.charCodeAt(j);
  return after === 0x20 || after === 0x09 ? j - i : 0;
}

function addParagraph(text: string, node: Paragraph, inQuote: boolean, out: Collected): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  out.units.push({ start, end, kind: 'prose' });
  maskPhrasing(text, node.children, out);
  if (inQuote) {
    const slice = text.slice(start, end);
    for (const m of slice.matchAll(QUOTE_PREFIX)) {
      const s = start + (m.index ?? 0) + 1;
      out.masks.push({ start: s, end: s + m[1]!.length, ch: ' ' });
      out.markup.push({ start: s, end: s + m[1]!.length });
    }
  }
}

/**
 * One claim per data row, from the first filled cell to the last (a row reads as a statement:
 * "Tokyo | 37 million"). The header row names columns and asserts nothing.
 */
function addTableRows(text: string, table: Table, out: Collected): void {
  for (const row of table.children.slice(1)) {
    const filled = row.children.filter((cell) => cell.children.length > 0);
    if (filled.length < 2) continue;
    const start = filled[0]!.children[0]!.position?.start.offset;
    const last = filled[filled.length - 1]!.children;
    const end = last[last.length - 1]!.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    out.units.push({ start, end, kind: 'row' });
    for (const cell of filled) maskPhrasing(text, cell.children, out);
  }
}

/** The scanner's masks of inline content, and its markup: what a reader reads of "**900** [metres](x)" is "900 metres". */
function maskPhrasing(text: string, nodes: readonly PhrasingContent[], { masks, markup }: Collected): void {
  // An explicit stack, as in `markdownUnits`: emphasis can nest thousands deep ("***…x…***").
  const stack = [...nodes].reverse();
  const tags = htmlTags(markup);
  const pushChildren = (children: readonly PhrasingContent[]): void => {
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    switch (node.type) {
      case 'inlineCode': {
        // Kept in the claim, but a period inside `a.b()` must not end a sentence.
        masks.push({ start, end, ch: OPAQUE });
        let ticks = 0;
        while (start + ticks < end && text.charCodeAt(start + ticks) === 0x60) ticks++;
        delimiters(start, end, start + ticks, end - ticks, markup);
        break;
      }
      case 'html':
        masks.push({ start, end, ch: BR.test(node.value) ? HARD : SKIP });
        tags(node.value, start, end);
        break;
      case 'break':
        // A hard break ("  \n", "\\\n") breaks the line, not the sentence: the scanner sees the line ending as it sees
        // a soft one (its backslash as a space), and a reader reads it as a space.
        if (text.charCodeAt(start) === 0x5c) masks.push({ start, end: start + 1, ch: ' ' });
        markup.push({ start, end, space: true });
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        masks.push({ start, end, ch: SKIP });
        markup.push({ start, end });
        break;
      case 'link':
      case 'linkReference':
      case 'emphasis':
      case 'strong':
      case 'delete':
        if (node.type === 'link' || node.type === 'linkReference') maskLinkTail(node, start, end, masks);
        childDelimiters(node, start, end, markup);
        // An autolink's text ("<https://e.x/?a&amp;b>") is its address as written: no escape or reference in it.
        if (!(node.type === 'link' && text.charCodeAt(start) === 0x3c)) pushChildren(node.children);
        break;
      case 'text':
        textMarkup(text, start, end, markup);
        break;
      default:
        if ('children' in node) pushChildren((node as Parent).children as PhrasingContent[]);
    }
  }
}

/**
 * What a text node reads otherwise than as written: an escape's backslash ("\\*") is not read, a character reference
 * ("&amp;") reads as its character.
 */
function textMarkup(text: string, start: number, end: number, markup: Markup[]): void {
  const amp = text.indexOf('&', start);
  const refs = amp !== -1 && amp < end ? [...characterReferences(text, amp, end)] : [];
  let k = 0;
  for (let i = start; i < end; i++) {
    while (k < refs.length && refs[k]!.start < i) k++;
    const ref = refs[k];
    if (ref && ref.start === i) {
      markup.push(ref);
      i = ref.end - 1;
      continue;
    }
    if (i + 1 >= end || text.charCodeAt(i) !== 0x5c || !isAsciiPunctuation(text.charCodeAt(i + 1))) continue;
    markup.push({ start: i, end: i + 1 });
    i++; // the escaped character is no backslash of an escape, nor the "&" of a reference ("\\&amp;")
  }
}

/** The delimiters around a construct's children: "**" and "**", "[" and "](url)", "<" and ">" of an autolink. */
function childDelimiters(node: Parent, start: number, end: number, markup: Markup[]): void {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  // Nothing inside ("[](x)"): nothing to read.
  if (first === undefined || last === undefined) markup.push({ start, end });
  else delimiters(start, end, first, last, markup);
}

/** The delimiters of a construct from `start` to `end` whose content runs from `inner` to `innerEnd`. */
function delimiters(start: number, end: number, inner: number, innerEnd: number, markup: Markup[]): void {
  const span = { start, end };
  if (inner > start) markup.push({ start, end: inner, span });
  if (innerEnd < end && innerEnd >= inner) markup.push({ start: innerEnd, end, span });
}

/**
 * Inline HTML as markup: "<br>" reads as a space, any other tag or comment as nothing. A closing tag is paired with the
 * last open tag of its name in the paragraph, so that a fix keeps the pair balanced ("<b>900</b> metres").
 */
function htmlTags(markup: Markup[]): (value: string, start: number, end: number) => void {
  const open: { name: string; markup: Markup }[] = [];
  return (value, start, end) => {
    if (BR.test(value)) {
      markup.push({ start, end, space: true });
      return;
    }
    const piece: Markup = { start, end };
    markup.push(piece);
    const tag = pairedTag(value);
    if (!tag) return;
    if (!tag.closing) {
      open.push({ name: tag.name, markup: piece });
      return;
    }
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k]!.name !== tag.name) continue;
      const span = { start: open[k]!.markup.start, end };
      open[k]!.markup.span = span;
      piece.span = span;
      open.splice(k);
      return;
    }
  };
}

/** The link text is prose; the destination and title after it ("](https://…)") are not. */
function maskLinkTail(node: Parent, start: number, end: number, masks: Mask[]): void {
  const last = node.children[node.children.length - 1];
  const textEnd = last?.position?.end.offset;
  if (textEnd === undefined) {
    masks.push({ start, end, ch: SKIP });
    return;
  }
  // Autolinks ("https://…", "<https://…>") have no destination apart from their text.
  if (textEnd + 1 < end) masks.push({ start: textEnd, end, ch: OPAQUE });
}

/** Characters that can open an inline construct, an HTML tag, an entity, an escape or a table. */
const INLINE_SYNTAX = /[`*_[\]<>#|~\\&]/;
/**
 * Line openings that make a block: indented code, lists, thematic breaks, setext underlines, front matter.
 * Anything else is a plain paragraph line (two spaces before a line ending make a hard break, which reads as a
 * soft one: no sentence ends there).
 */
const BLOCK_SYNTAX = /(?:^|[\r\n])(?:[ ]{4}|[ ]{0,3}(?:\t|[-+=]|\d{1,9}[.)]))/;

function mayHoldMarkdown(text: string): boolean {
  return INLINE_SYNTAX.test(text) || BLOCK_SYNTAX.test(text);
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Answers often hold nothing but ATX headings ("# Answer") and plain paragraphs. A heading is one line
 * that ends any paragraph before it and is never checked, so such a text needs no parser either:
 * `rest` is the text without its heading lines (for the syntax test), `blanked` the text with them
 * overwritten by spaces (same offsets, for `paragraphUnits`). Line endings are Markdown's: \n, \r\n, \r.
 */
function withoutAtxHeadings(text: string): { rest: string; blanked: string } {
  if (!text.includes('#')) return { rest: text, blanked: text };
  const rest: string[] = [];
  const blanked: string[] = [];
  let at = 0;
  while (at <= text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    const next = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    const line = text.slice(at, Math.min(next, text.length));
    if (ATX_HEADING.test(text.slice(at, end))) blanked.push(' '.repeat(end - at), text.slice(end, next));
    else {
      rest.push(line);
      blanked.push(line);
    }
    if (end >= text.length) break;
    at = next;
  }
  return { rest: rest.join(''), blanked: blanked.join('') };
}

/** Paragraphs of a syntax-free text: runs of non-blank lines, from first to last non-space character. */
function paragraphUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let start = -1;
  let end = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) lineEnd++;
    let a = lineStart;
    while (a < lineEnd && isSpace(text.charCodeAt(a))) a++;
    if (a < lineEnd) {
      let b = lineEnd;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (start < 0) start = a;
      end = b;
    } else if (start >= 0) {
      units.push({ start, end, kind: 'prose' });
      start = -1;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1);
  }
  if (start >= 0) units.push({ start, end, kind: 'prose' });
  return units;
}
