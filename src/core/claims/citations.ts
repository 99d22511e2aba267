// Citations in a model's answer: "[1]" or "[^1]" markers that point, through a definition such as
// "[1]: references/fuji.md" or "[^1]: references/fuji.md", at one of the reference files. A claim that
// cites a reference is checked against that reference first (see check.ts).

export interface CitationDefinition {
  /** As written between the brackets: "1", "^1", "fuji". */
  label: string;
  /** The path or URL it points at, as written. */
  target: string;
  /** UTF-16 range of the definition line (it is no claim of its own). */
  start: number;
  end: number;
}

// Up to three spaces, the label, a colon, then the target (optionally in <>), then an optional title.
const DEFINITION = /^ {0,3}\[(\^?[^\]\s]{1,40})\]:[ \t]*<?([^\s>]+)>?.*$/gm;
// A marker not followed by "(" or ":" (a link, or a definition).
const MARKER = /\[(\^?[^\]\s]{1,40})\](?![(:])/g;

export function citationDefinitions(text: string): CitationDefinition[] {
  const out: CitationDefinition[] = [];
  for (const m of text.matchAll(DEFINITION)) out.push({ label: m[1]!, target: m[2]!, start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Labels a claim cites: markers inside it, and those right after it ("high.[^2]", "tall. [1][3]"), which
 * the sentence scanner leaves out of the claim.
 */
export function citedLabels(text: string, claim: { start: number; end: number }): string[] {
  let end = claim.end;
  for (const m of text.slice(claim.end, claim.end + 200).matchAll(/^(?:[ \t]*\[\^?[^\]\s]{1,40}\](?![(:]))+/g)) end = claim.end + m[0].length;
  return [...new Set([...text.slice(claim.start, end).matchAll(MARKER)].map((m) => m[1]!))];
}

/**
 * The reference sources (as passages name them) a citation target denotes: the same path, or one ending with
 * it ("../references/fuji.md" and "./fuji.md" both name "references/fuji.md"). A web address names none.
 */
export function sourcesFor(target: string, sources: Iterable<string>): string[] {
  if (/^[a-z][\w+.-]*:/i.test(target) && !/^file:/i.test(target)) return [];
  let t = target.replace(/^file:\/\//i, '').replace(/[?#].*$/, '');
  try {
    t = decodeURI(t);
  } catch {
    // Not percent-encoded after all.
  }
  t = t.replace(/\\/g, '/').replace(/^(?:\.\.?\/)+/, '');
  if (!t) return [];
  const out: string[] = [];
  for (const s of sources) {
    const src = s.replace(/\\/g, '/');
    if (src === t || src.endsWith(`/${t}`) || t.endsWith(`/${src}`)) out.push(s);
  }
  return out;
}

/**
 * The claim's text with its citation markers blanked (same length, so offsets into it hold): "[1]" is no
 * number of the claim's. Numbered markers and footnote markers always; other labels where they are defined.
 */
export function withoutMarkers(claimText: string, defined: ReadonlySet<string>): string {
  return claimText.replace(MARKER, (m, label: string) => (/^\^|^\d{1,3}$/.test(label) || defined.has(label) ? ' '.repeat(m.length) : m));
}
