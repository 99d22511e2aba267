// Pure helpers (no `vscode`): move claim spans through text edits, and map offsets to lines.

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

/** Maps a UTF-16 offset to a 0-based line and character, for text that is not open in an editor. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }
}
