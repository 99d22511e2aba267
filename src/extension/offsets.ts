// Pure helpers (no `vscode`): move claim spans through text edits.

export interface Span {
  start: number;
  end: number;
}

/** One edit, in UTF-16 offsets of the text before the edit (as `TextDocumentContentChangeEvent` gives it). */
export interface OffsetChange {
  offset: number;
  length: number;
  text: string;
}

/**
 * Where a span's text was when an edit went through it: the point where that edit began (moved by later
 * edits), and how far from that point the span started. An undo puts the text back at `at + depth`.
 */
export interface Anchor {
  at: number;
  depth: number;
}

/**
 * Moves spans through edits that all refer to the same earlier text. A span after an edit shifts; a span
 * before it stays; a span whose own text the edit touched is set aside, anchored where it was (its text
 * was never judged, unless an undo brings it back).
 */
export function shiftSpans<T extends Span>(spans: readonly T[], changes: readonly OffsetChange[]): { kept: T[]; touched: (T & Anchor)[] } {
  // Applied from the last edit to the first, each edit's offsets still hold for the text it sees.
  const ordered = [...changes].sort((a, b) => b.offset - a.offset);
  let kept = spans.map((s) => ({ ...s }));
  let touched: (T & Anchor)[] = [];
  for (const c of ordered) {
    const end = c.offset + c.length;
    const delta = c.text.length - c.length;
    touched = moveAnchors(touched, [c]);
    kept = kept.flatMap((s) => {
      if (end <= s.start) return [{ ...s, start: s.start + delta, end: s.end + delta }];
      if (c.offset >= s.end) return [s];
      touched.push({ ...s, at: c.offset, depth: s.start - c.offset });
      return [];
    });
  }
  return { kept, touched };
}

/**
 * Moves anchors through edits (relative to the same earlier text). Text inserted exactly at an anchor goes
 * after it, so that an undo which re-inserts a deleted block finds each claim at its old depth in it.
 */
export function moveAnchors<T extends Anchor>(anchors: readonly T[], changes: readonly OffsetChange[]): T[] {
  const ordered = [...changes].sort((a, b) => b.offset - a.offset);
  return anchors.map((a) => {
    let at = a.at;
    for (const c of ordered) {
      if (c.offset + c.length < at || (c.length > 0 && c.offset + c.length === at)) at += c.text.length - c.length;
      else if (c.offset < at) at = c.offset;
    }
    return { ...a, at };
  });
}

/** An edit with the lines of the old text its range starts and ends on (as the editor reports it). */
export interface LineChange extends OffsetChange {
  startLine: number;
  endLine: number;
}

/**
 * How many lines a span that an edit event left intact moves, from its old start offset and line; undefined
 * when a change ends on that line before it (its column moves too). `changes` are sorted by offset. Most
 * spans of a long document move by whole lines (or not at all), so their ranges need no recomputing.
 */
export function lineShift(changes: readonly LineChange[], start: number, line: number): number | undefined {
  let delta = 0;
  for (const c of changes) {
    if (c.offset + c.length > start) break;
    if (c.endLine === line) return undefined;
    let added = 0;
    for (let i = c.text.indexOf('\n'); i >= 0; i = c.text.indexOf('\n', i + 1)) added++;
    delta += added - (c.endLine - c.startLine);
  }
  return delta;
}
