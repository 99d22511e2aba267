// UTF-16 offsets → 0-based line/character, shared by every report and the extension so that all
// faces agree on where a claim stands. Line breaks are \n, \r\n and \r, as in VS Code and LSP.

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line (LSP's default `character`). */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Line starts of one text, computed once; each lookup is a binary search. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offsets are clamped to the text; an offset inside a \r\n pair stays on the line the pair ends. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Math.trunc(offset), this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The inverse of `positionAt`, for tests and for hosts that speak line/character. */
  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    // A character past the end of the line stops before its line break, as in LSP.
    if (end > this.starts[line]! && this.text[end - 1] === '\n') end--;
    if (end > this.starts[line]! && this.text[end - 1] === '\r') end--;
    return Math.min(this.starts[line]! + Math.max(0, position.character), end);
  }
}

/** One-off conversion; build a `LineMap` when converting many offsets of the same text. */
export function positionAt(text: string, offset: number): Position {
  return new LineMap(text).positionAt(offset);
}
