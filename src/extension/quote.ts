// Pure (no `vscode`): where an evidence quote is written in its reference file, for Open Evidence to select it.
import { characterReferences, decodeCharacterReferences } from '../core/charrefs';
import type { Span } from './offsets';

/** How much of a quote must match where it starts (a long quote's end may have been cut or joined). */
const QUOTE_PREFIX = 80;

/**
 * Where `quote` starts in `text` at or after `from`, and the written text it spans. Both are compared as read, with
 * their character references decoded: a Markdown reference's passages read "AT&amp;T" as "AT&T", so its quotes do
 * too; the span is mapped back to the text as written ("AT&amp;T", all of it).
 */
export function findQuote(text: string, quote: string, from = 0): Span | undefined {
  const wanted = decodeCharacterReferences(quote.trim());
  if (!wanted) return undefined;
  // The text from `from` on as read, and where each character read is written.
  let read = '';
  const written: number[] = [];
  const copy = (start: number, end: number): void => {
    read += text.slice(start, end);
    for (let i = start; i < end; i++) written.push(i);
  };
  let at = from;
  for (const ref of characterReferences(text, from)) {
    copy(at, ref.start);
    read += ref.reads;
    for (let i = 0; i < ref.reads.length; i++) written.push(ref.start);
    at = ref.end;
  }
  copy(at, text.length);
  const start = read.indexOf(wanted.slice(0, QUOTE_PREFIX));
  if (start < 0) return undefined;
  const end = Math.min(start + wanted.length, read.length);
  return { start: written[start]!, end: end < written.length ? written[end]! : text.length };
}
