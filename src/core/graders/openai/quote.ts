// Finds a grader's quote in a passage, tolerant of whitespace, case, Unicode width, typographic quotes and
// dashes, and "..." elisions; returns the verbatim span of the passage, so evidence is always real text.

export interface QuoteMatch {
  start: number;
  end: number;
}

/** Normalised text plus, for each of its characters, the index of the source character it came from. */
function normalise(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let lastSpace = true;
  let i = 0;
  for (const ch of text) {
    let n = ch.normalize('NFKC').toLowerCase();
    n = n.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"').replace(/[‐‑‒–—―−]/g, '-');
    if (/^\s+$/u.test(n)) {
      if (!lastSpace) {
        norm += ' ';
        map.push(i);
      }
      lastSpace = true;
    } else {
      for (const c of n) {
        norm += c;
        map.push(i);
      }
      lastSpace = false;
    }
    i += ch.length;
  }
  return { norm, map };
}

/** Where `quote` stands in `passage`, or undefined when it does not occur there. */
export function findQuote(passage: string, quote: string): QuoteMatch | undefined {
  const unquoted = quote.trim().replace(/^["'“‘«「]+|["'”’»」]+$/g, '').trim();
  // As given first; then without trailing punctuation, which models add or drop freely.
  return matchParts(passage, unquoted) ?? matchParts(passage, unquoted.replace(/[.,;:!?。、]+$/u, '').trim());
}

function matchParts(passage: string, cleaned: string): QuoteMatch | undefined {
  const parts = cleaned
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((p) => normalise(p).norm.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  if (parts.length > 1 && parts.some((p) => p.length < 8)) return undefined;
  const { norm, map } = normalise(passage);
  let from = 0;
  let first = -1;
  let last = -1;
  for (const part of parts) {
    const at = norm.indexOf(part, from);
    if (at < 0) return undefined;
    if (first < 0) first = at;
    last = at + part.length - 1;
    from = at + part.length;
  }
  const start = map[first]!;
  const endChar = map[last]!;
  const end = endChar + (passage.codePointAt(endChar)! > 0xffff ? 2 : 1);
  return { start, end };
}
