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
 * Moves spans through edits that all refer to the same earlier text. A span after an edit shifts; a span
 * before it stays; a span whose own text the edit touched is dropped (its text was never judged).
 */
export function shiftSpans<T extends Span>(spans: readonly T[], changes: readonly OffsetChange[]): T[] {
  // Applied from the last edit to the first, each edit's offsets still hold for the text it sees.
  const ordered = [...changes].sort((a, b) => b.offset - a.offset);
  let out = spans.map((s) => ({ ...s }));
  for (const c of ordered) {
    const end = c.offset + c.length;
    const delta = c.text.length - c.length;
    out = out.flatMap((s) => {
      if (end <= s.start) return [{ ...s, start: s.start + delta, end: s.end + delta }];
      if (c.offset >= s.end) return [s];
      return [];
    });
  }
  return out;
}
