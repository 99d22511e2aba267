// Character references ("&amp;", "&nbsp;", "&#39;", "&#x27;") as CommonMark reads them, with the tables its parser
// uses (every HTML named reference; a numeric one made safe), so that a claim reads as the parser read its text.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/** "&", a name (up to 31 letters and digits) or "#" and 1-7 digits or "#x" and 1-6 hex digits, ";" (CommonMark's limits). */
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([\da-zA-Z]{1,31}));/g;

/** What a reference stands for (REFERENCE's groups), or undefined for a name that is none ("&bogus;"). */
function decoded(decimal: string | undefined, hex: string | undefined, name: string | undefined): string | undefined {
  if (decimal !== undefined) return decodeNumericCharacterReference(decimal, 10);
  if (hex !== undefined) return decodeNumericCharacterReference(hex, 16);
  return decodeNamedCharacterReference(name!) || undefined;
}

/** The character references in `text[start, end)`: where each is written, and what it reads as. */
export function* characterReferences(text: string, start = 0, end = text.length): Generator<{ start: number; end: number; reads: string }> {
  const re = new RegExp(REFERENCE);
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index + m[0].length <= end; m = re.exec(text)) {
    const reads = decoded(m[1], m[2], m[3]);
    if (reads !== undefined) yield { start: m.index, end: m.index + m[0].length, reads };
    // A name that is none: the text after its "&" may still hold one ("&x&amp;").
    else re.lastIndex = m.index + 1;
  }
}

/** `text` with its character references read ("AT&amp;T" is "AT&T"). */
export function decodeCharacterReferences(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, (all, decimal?: string, hex?: string, name?: string) => decoded(decimal, hex, name) ?? all) : text;
}
