// Citations in a model's answer: "[1]" or "[^1]" markers that point, through a definition such as
// "[1]: references/fuji.md" or "[^1]: references/fuji.md", at one of the reference files. A claim that
// cites a reference is checked against that reference first (see check.ts).
import { posix } from 'node:path';

export interface CitationDefinition {
  /** As written between the brackets: "1", "^1", "fuji". */
  label: string;
  /** The path or URL it points at, as written. */
  target: string;
  /** UTF-16 range of the definition line (it is no claim of its own). */
  start: number;
  end: number;
}

// Up to three spaces, the label, a colon, then the target (optionally in <>), then the rest of the line.
const DEFINITION = /^\uFEFF? {0,3}\[(\^?[^\]\s]{1,40})\]:[ \t]*<?([^\s>]+)>?([^\n]*)$/gm;
// A target is a path or an address ("refs/a.md", "fuji.md", "https://..."), not the first word of a footnote.
const TARGET = /^[a-z][\w+.-]*:|[/\\]|\.[A-Za-z0-9]{1,8}(?:[#?]\S*)?$/i;
// After the target, at most a title: "title", 'title' or (title).
const TITLE = /^\s*(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\))?\s*$/;
// A marker not followed by "(" or ":" (a link, or a definition).
const MARKER = /\[(\^?[^\]\s,;]{1,40}|\d{1,3}(?:\s*[,;\u2013-]\s*\d{1,3})+)\](?![(:])/g;
// A numbered link used as a citation: "[1](https://...)".
const NUMBERED_LINK = /\[\^?\d{1,3}\]\([^)\s]*\)/g;
// Verbs, articles, prepositions, conjunctions and pronouns: words a number does not count or measure.
const FUNCTION_WORDS =
  'and|or|but|nor|so|yet|is|are|was|were|be|been|has|have|had|does|did|will|would|can|could|may|might|must|should|says?|said|reports?|reported|notes?|noted|also|still|then|the|a|an|this|that|these|those|which|who|whose|where|when|while|because|since|as|in|on|at|of|to|for|from|with|by|after|before|during|about|into|over|under|per|according|not|it|its|they|their|he|his|she|her|we|our';
const FUNCTION_WORD = new RegExp(`^(?:${FUNCTION_WORDS})$`, 'i');
// A link whose number reads on into the sentence as one of its words ("is [900](x) metres tall"): a space before it,
// a word after it that a number can count or measure. A citation in mid-sentence stands before a verb, an article,
// a preposition or a clause's "and" ("Paris [1](u) is the capital", "[2](u) in 1889").
const READS_ON = new RegExp(`^[ \\t]+(?!(?:${FUNCTION_WORDS})\\b)\\p{L}`, 'iu');
// Words that come before a figure, capitalised at a sentence's start all the same: "Roughly [900](x) people" is no name.
const BEFORE_FIGURE = /^(?:roughly|nearly|almost|approximately|around|circa|some|only|just|exactly|over|under|more|less|fewer|precisely)$/i;
// Words that open a noun phrase: after one, the next word is a noun ("the tower", "its height", "the city's tower").
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|each|every|\p{L}+['\u2019]s)$/iu;
// The label of a reference link right after its text: "[1]" of "[900][1]", "[]" of "[900][]".
const REFERENCE_AFTER = /^\[([^\]\s]{0,40})\]/;
// Inline code ("arr[1]") holds no citations.
const CODE = /`[^`\n]*`/g;

/** The labels of one marker: "1", "^a", each of "2, 3", and every number of a range "1-3" or "1–3". */
function labelsOf(inner: string): string[] {
  return inner.split(/\s*[,;]\s*/).flatMap((part) => {
    const range = /^(\d{1,3})\s*[\u2013-]\s*(\d{1,3})$/.exec(part);
    if (!range) return [part];
    const [from, to] = [Number(range[1]), Number(range[2])];
    return to >= from && to - from < 50 ? Array.from({ length: to - from + 1 }, (_, i) => String(from + i)) : [part];
  });
}

/** `text` with its inline code blanked (same length). */
function withoutCode(text: string): string {
  return text.replace(CODE, (m) => ' '.repeat(m.length));
}

/** The definitions of citations: a label, then a path or address alone on its line (a footnote of prose is no definition). */
export function citationDefinitions(text: string): CitationDefinition[] {
  const out: CitationDefinition[] = [];
  for (const m of text.matchAll(DEFINITION)) {
    if (TARGET.test(m[2]!) && TITLE.test(m[3]!)) out.push({ label: m[1]!, target: m[2]!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Whether all of `text[start, end)` but white space lies in definitions (a claim made of definition lines). */
export function withinDefinitions(text: string, start: number, end: number, definitions: readonly CitationDefinition[]): boolean {
  for (let p = start; p < end; p++) {
    if (/\s/.test(text[p]!)) continue;
    const d = definitions.find((x) => p >= x.start && p < x.end);
    if (!d) return false;
    p = d.end - 1;
  }
  return true;
}

/**
 * Labels a claim cites: markers inside it, and those right after it ("high.[^2]", "tall. [1][3]"), which
 * the sentence scanner leaves out of the claim.
 */
export function citedLabels(text: string, claim: { start: number; end: number }): string[] {
  let end = claim.end;
  for (const m of text.slice(claim.end, claim.end + 200).matchAll(/^(?:[ \t]*\[\^?[^\]\s]{1,40}\](?![(:]))+/g)) end = claim.end + m[0].length;
  return [...new Set([...withoutCode(text.slice(claim.start, end)).matchAll(MARKER)].flatMap((m) => labelsOf(m[1]!)))];
}

/**
 * The reference sources (as passages name them) a citation target denotes: the same path, or one ending with
 * it ("../references/fuji.md" and "./fuji.md" both name "references/fuji.md"). A web address names none.
 */
export function sourcesFor(target: string, sources: Iterable<string>): string[] {
  if (/^[a-z][\w+.-]+:/i.test(target) && !/^file:/i.test(target)) return []; // a scheme; "C:\..." is a Windows path
  const t = asPath(target).path;
  if (!t) return [];
  const out: string[] = [];
  for (const s of sources) {
    const src = s.replace(/\\/g, '/');
    if (src === t || src.endsWith(`/${t}`) || t.endsWith(`/${src}`)) out.push(s);
  }
  return out;
}

/** A definition's target as a path: "../" and "./" in front apart (`lead`), forward slashes, no fragment. */
function asPath(target: string): { lead: string; path: string } {
  let t = target.replace(/^file:\/\//i, '').replace(/[?#].*$/, '');
  try {
    t = decodeURI(t);
  } catch {
    // Not percent-encoded after all.
  }
  t = t.replace(/\\/g, '/');
  const lead = /^(?:\.\.?\/)*/.exec(t)![0];
  return { lead, path: t.slice(lead.length) };
}

/**
 * `other` (a loaded reference, as sources are named) the way a document names its references, learnt from one
 * of its definitions: cited as "../references/a.md" for "docs/references/a.md", "docs/references/b.md" is
 * "../references/b.md"; cited as "refs/a.md" for "docs/refs/a.md", "references/b.md" is "../references/b.md".
 * Unchanged where the definition teaches nothing (an absolute path).
 */
export function namedLike(other: string, cited: { target: string; source: string }): string {
  const { lead, path } = asPath(cited.target);
  const src = cited.source.replace(/\\/g, '/');
  if (!path || /^(?:[A-Za-z]:)?\//.test(path) || !(src === path || src.endsWith(`/${path}`))) return other;
  // The folder the target is written from, less the target's own "../": "docs/" for "refs/a.md" = "docs/refs/a.md".
  const folder = src.slice(0, src.length - path.length) || '.';
  const named = lead + posix.relative(folder, other.replace(/\\/g, '/'));
  // Written with backslashes (references\a.md), suggested the same way.
  return cited.target.includes('\\') && !cited.target.includes('/') ? named.replace(/\//g, '\\') : named;
}

/**
 * The claim's text with its citation markers blanked (same length, so offsets into it hold): "[1]" is no
 * number of the claim's. A lone numbered marker, a numbered link (unless its number reads on into the sentence as
 * one of its words: "is [900](x) metres", "is [900][1] metres" where "1" or "900" is no citation) and footnote markers always; lists, ranges and other labels where they
 * are defined; none inside inline code.
 */
export function withoutMarkers(claimText: string, defined: ReadonlySet<string>): string {
  const code = withoutCode(claimText);
  const blank = (re: RegExp, keep: (m: RegExpExecArray) => boolean): void => {
    for (const m of code.matchAll(re)) if (!keep(m)) claimText = claimText.slice(0, m.index) + ' '.repeat(m[0].length) + claimText.slice(m.index + m[0].length);
  };
  // A numbered link whose number reads on into the sentence is the claim's: "is [900](x) metres", and "is [900][1] metres"
  // where "[1]" names no citation (a link definition).
  const readsOn = (at: number, end: number): boolean => (at === 0 || /\s/.test(code[at - 1]!)) && !endsNounPhrase(code.slice(Math.max(0, at - 80), at)) && READS_ON.test(code.slice(end, end + 8));
  blank(NUMBERED_LINK, (m) => readsOn(m.index, m.index + m[0].length));
  // "[900][1]" is a link with the text "900" where its own label names no citation (two labels side by side, "[2][1]",
  // each defined, are two citations), or where "[1]" names none.
  const linkedBy = (m: RegExpExecArray): boolean => {
    const ref = REFERENCE_AFTER.exec(code.slice(m.index + m[0].length, m.index + m[0].length + 44));
    return !!ref && (!defined.has(ref[1]!) || !defined.has(m[1]!)) && readsOn(m.index, m.index + m[0].length + ref[0].length);
  };
  // A lone "[3]" is a citation even undefined (a list of sources is often plain text); "[0, 100]" or "[1-3]"
  // is one only where every label is defined: otherwise it is the claim's own interval.
  blank(MARKER, (m) => (!/^\d{1,3}$/.test(m[1]!) && !labelsOf(m[1]!).every((l) => defined.has(l) || l.startsWith('^'))) || linkedBy(m));
  return claimText;
}

/**
 * Whether `before` ends with what a citation cites and a figure does not follow: a name ("Paris", "the Eiffel Tower") or
 * a noun after an article, a demonstrative or a possessive ("The tower [1](u) remains", "the city's tower [2](u) rises";
 * "is [900](x) metres", "has [3](x) floors", "rose [12](x) percent" are figures).
 */
function endsNounPhrase(before: string): boolean {
  const words = before.trimEnd().split(/\s+/);
  const last = words[words.length - 1]!;
  if (!/^\p{L}[\p{L}'\u2019-]*$/u.test(last) || FUNCTION_WORD.test(last) || BEFORE_FIGURE.test(last)) return false;
  if (/^\p{Lu}/u.test(last)) return true;
  const prev = words[words.length - 2];
  return prev !== undefined && DETERMINER.test(prev);
}

// Markers right after a sentence's end ("high.[1] The", "1889![2] It", "完成した。[1]富士山", "tall. [1][2] It"),
// not a link "[1](url)" nor a definition "[1]:".
const END_MARKERS = /([.!?\u3002\uff01\uff1f]["'\u201d\u2019)]*)((?:[ \t]?\[(?:\^?[\w-]{1,40}|\d{1,3}(?:\s*[,;\u2013-]\s*\d{1,3})+)\])+)(?![(:])/g;

/**
 * `text` with the citation markers that follow a sentence's end blanked (same length), for the sentence
 * scanner only: a marker there must not keep the sentence from ending (in Markdown "![2]" would read as an
 * image and "[2][1]" as a link). The claim then ends at its full stop, and `citedLabels` finds the markers after it.
 */
export function blankEndMarkers(text: string): string {
  if (!text.includes('[')) return text;
  return text.replace(END_MARKERS, (_m, end: string, markers: string) => end + ' '.repeat(markers.length));
}
