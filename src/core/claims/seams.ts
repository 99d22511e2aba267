// A paragraph with no blank line in it is parsed a run of lines at a time too (blocks.ts lineCuts): micromark's
// inline resolvers splice one array of events per paragraph, so one long paragraph costs quadratic time (about
// a minute per MB of text dense with links). Two parses join into the parse of the whole across a cut (a seam)
// where the same paragraph goes on across it, inside the same containers (block quotes, list items), its start
// cannot be read as a definition that goes on past the seam, and nothing it leaves open before the seam can be
// closed after it. The piece after a seam is parsed after an opener (markdown.ts): the container marks of the
// paragraph's first line and a stand-in first line ("- x"), so its first line is read as the paragraph's next line.
//
// What can be left open, as the parser reads it (micromark's text constructs): an unmatched "[" (a link or footnote
// call that a later "]" closes; it also keeps a bare URL after it from being a link, whose characters may then be
// read as Markdown); a "](" or "][" that did not make a link (its destination or label may go on); a backtick run (a
// code span to the next run of the same length); a "<" that may open HTML (to a ">"); a run of "*", "_" or "~" that
// made no emphasis or strikethrough (one after the seam may close it: the grader reads the claim without the marks);
// an HTML tag that a closing tag after the seam may pair with.
import type { Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import { isAsciiPunctuation } from './chars';
import { pairedTag } from './tags';

const BRACKET = 1;
const RESOURCE = 2;
const BACKTICK = 4;
const ANGLE = 8;
const EMPHASIS = 16;
const TAG = 32;

const DEFINITION = /\[(?:[^[\]\\]|\\[^])*\]:/y;

/** One side of a seam: a paragraph that starts or ends a piece. */
export interface Edge {
  /** What the paragraph leaves open (bits). */
  opens: number;
  /** What it holds that could close something open before it (bits). */
  closes: number;
  /** Its start cannot be a definition that more lines would complete (tested where the paragraph starts). */
  plain: boolean;
  /** The containers it sits in, outermost first ("blockquote>list>listItem"; "" at the top level). */
  chain: string;
  /** Where it starts, in the parsed text. */
  start: number;
}

export interface Edges {
  /** The paragraph that opens the piece (at its first character, or the opener's stand-in line), if one does. */
  head?: Edge;
  /** The paragraph that ends the piece (only white space after it), if one does. */
  tail?: Edge;
  /** Head and tail are one paragraph: the whole piece. */
  single: boolean;
}

/** Blocks that hold blocks: a paragraph's place in them must be the same on both sides of a seam. */
const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition']);

/**
 * The edges of the piece `from`..`to` of `text`, parsed into `tree`. Where an opener comes before the piece (at
 * `opener.at`), the head is the paragraph of its stand-in line (at `opener.head`) where it runs on into the piece.
 */
export function pieceEdges(text: string, tree: Root, from: number, to: number, opener?: { at: number; head: number }): Edges {
  const headAt = opener?.head ?? from;
  const inside = tree.children.filter((c) => (c.position?.start.offset ?? -1) >= (opener?.at ?? from) && c.position!.start.offset! < to);
  const first = leaf(inside, 'first');
  const last = leaf(inside, 'last');
  const reaches = (p: Paragraph): boolean => p.position!.end.offset! > from;
  const head = first && first.paragraph.position!.start.offset === headAt && reaches(first.paragraph) ? edge(text, first) : undefined;
  const ends = last && reaches(last.paragraph) && !/[^ \t\r\n]/.test(text.slice(last.paragraph.position!.end.offset, to));
  const tail = !ends ? undefined : head && last.paragraph === first?.paragraph ? head : edge(text, last);
  return { head, tail, single: head !== undefined && head === tail };
}

interface Leaf {
  paragraph: Paragraph;
  chain: string;
  /** The block before it in its container, if any. */
  before?: RootContent;
}

/** The paragraph at the first (or last) end of these blocks, through containers, if a paragraph is there. */
function leaf(blocks: readonly RootContent[], end: 'first' | 'last'): Leaf | undefined {
  const chain: string[] = [];
  for (let children = blocks; ; ) {
    const node = end === 'first' ? children[0] : children[children.length - 1];
    const before = end === 'last' ? children[children.length - 2] : undefined;
    if (node?.type === 'paragraph' && node.position) return { paragraph: node, chain: chain.join('>'), before };
    if (!node || !CONTAINERS.has(node.type)) return undefined;
    chain.push(node.type);
    children = (node as Parent).children as RootContent[];
  }
}

/**
 * Seams (as the index of the piece after each) at which the parses of the pieces do not join into the parse of the
 * whole. Judged from parses on both sides that may be wrong where another seam is: merge these, parse again, and
 * ask again until none is left.
 */
export function badSeams(joins: readonly boolean[], edges: readonly Edges[]): number[] {
  const n = edges.length;
  // What the paragraph that runs to the end of piece k leaves open from its start, and whether that start is plain.
  const opens: number[] = [];
  const plain: boolean[] = [];
  for (let k = 0; k < n; k++) {
    const tail = edges[k]!.tail;
    if (!tail) continue;
    const carried = edges[k]!.single && joins[k] && edges[k - 1]?.tail !== undefined;
    opens[k] = tail.opens | (carried ? opens[k - 1]! : 0);
    plain[k] = carried ? plain[k - 1]! : tail.plain;
  }
  // What the paragraph that starts piece k holds that could close something, to its end.
  const closes: number[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const head = edges[k]!.head;
    if (!head) continue;
    const carried = edges[k]!.single && joins[k + 1] && edges[k + 1]?.head !== undefined;
    closes[k] = head.closes | (carried ? closes[k + 1]! : 0);
  }
  const bad: number[] = [];
  for (let k = 1; k < n; k++) {
    if (!joins[k]) continue;
    const tail = edges[k - 1]!.tail;
    const head = edges[k]!.head;
    const joined = tail && head && tail.chain === head.chain && plain[k - 1] && !(opens[k - 1]! & closes[k]!);
    if (!joined) bad.push(k);
  }
  return bad;
}

/** What a paragraph leaves open and may close; `before` is the block before it in its container. */
function edge(text: string, { paragraph, chain, before }: Leaf): Edge {
  const start = paragraph.position!.start.offset!;
  const end = paragraph.position!.end.offset!;
  let opens = 0;
  let closes = 0;
  /** Code, HTML and autolinks: whole in this parse, and so in the parse of the whole; nothing in them opens. */
  const taken: Span[] = [];
  const brackets: number[] = [];
  const tags: { at: number; name: string; closing: boolean }[] = [];
  const stack: Nodes[] = [...paragraph.children];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    if (node.type === 'text') {
      brackets.push(...unescaped(text, s, e, '[]'));
      // A mark left as text may pair with one across the seam; one that did pair here pairs the same in the whole.
      const marks = leftMarks(text, s, e);
      opens |= marks.opens;
      closes |= marks.closes;
    }
    else if (node.type === 'inlineCode' || node.type === 'html') {
      taken.push({ start: s, end: e });
      const tag = node.type === 'html' ? pairedTag(node.value) : undefined;
      if (tag) tags.push({ at: s, ...tag });
    } else if (node.type === 'link' && text[s] !== '[') {
      taken.push({ start: s, end: e });
      // A bare URL is no link after an unmatched "[" (micromark's previousUnbalanced): a backtick, bracket or backslash
      // in it would then be read as Markdown.
      if (text[s] !== '<' && /[`[\]\\]/.test(text.slice(s, e))) closes |= BRACKET;
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  // Each "]" pairs with the nearest unpaired "[" before it, whether or not they make a link; unpaired ones are left.
  let depth = 0;
  for (const i of brackets.sort((a, b) => a - b)) {
    if (text[i] === '[') depth++;
    else if (depth > 0) depth--;
    else closes |= BRACKET;
    if (text[i] === ']' && (text[i + 1] === '(' || text[i + 1] === '[')) opens |= RESOURCE;
  }
  if (depth > 0) opens |= BRACKET;
  // An HTML tag left unpaired may pair with one across the seam ("<b>" … "</b>"), which a fix keeps balanced.
  const unpaired: string[] = [];
  for (const t of tags.sort((a, b) => a.at - b.at)) {
    if (!t.closing) unpaired.push(t.name);
    else if (unpaired.includes(t.name)) unpaired.length = unpaired.lastIndexOf(t.name);
    else closes |= TAG;
  }
  if (unpaired.length) opens |= TAG;
  taken.sort((a, b) => a.start - b.start);
  for (const i of unescaped(text, start, end, '`<', taken)) {
    if (text[i] === '`') opens |= BACKTICK;
    else if (/[A-Za-z!?/]/.test(text[i + 1] ?? '')) opens |= ANGLE;
  }
  const body = text.slice(start, end);
  if (body.includes('`')) closes |= BACKTICK;
  if (body.includes('>')) closes |= ANGLE;
  if (/[)\]]/.test(body)) closes |= RESOURCE;
  // A definition opens with "[label]:" (a label that the seam cuts leaves a "[" open), and one just before may take a
  // title from this line.
  DEFINITION.lastIndex = start;
  const c = text[start];
  const plain = !DEFINITION.test(text) && !(before?.type === 'definition' && (c === '"' || c === "'" || c === '('));
  return { opens, closes, plain, chain, start };
}

// Around a run of marks: a letter or digit ("_" between two is no mark), white space.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WHITE = /\s/;

/**
 * What the emphasis and strikethrough marks the parse left as text in start..end may do across a seam: a run with no
 * white space after it may open (EMPHASIS in `opens`), one with none before it may close. ("_" inside a word, or three
 * tildes or more, are no mark.)
 */
function leftMarks(text: string, start: number, end: number): { opens: number; closes: number } {
  let opens = 0;
  let closes = 0;
  let runEnd = -1;
  for (const i of unescaped(text, start, end, '*_~')) {
    if (i < runEnd) continue;
    let j = i + 1;
    while (j < end && text[j] === text[i]) j++;
    runEnd = j;
    const before = text[i - 1] ?? ' ';
    const after = text[j] ?? ' ';
    if (text[i] === '_' && WORD_CHAR.test(before) && WORD_CHAR.test(after)) continue;
    // Strikethrough takes one or two tildes, never more.
    if (text[i] === '~' && j - i > 2) continue;
    if (!WHITE.test(after)) opens = EMPHASIS;
    if (!WHITE.test(before)) closes = EMPHASIS;
  }
  return { opens, closes };
}

interface Span {
  start: number;
  end: number;
}

/** Offsets in start..end of any of `chars` that no backslash escapes, outside the `taken` spans (in order). */
function* unescaped(text: string, start: number, end: number, chars: string, taken: readonly Span[] = []): Generator<number> {
  let t = 0;
  for (let i = start; i < end; i++) {
    while (t < taken.length && taken[t]!.end <= i) t++;
    if (t < taken.length && taken[t]!.start <= i) {
      i = taken[t]!.end - 1;
      continue;
    }
    const c = text[i]!;
    if (c === '\\' && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
    else if (chars.includes(c)) yield i;
  }
}
