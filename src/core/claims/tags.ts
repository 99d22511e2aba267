// Inline HTML tags that come in pairs ("<b>" … "</b>"): markdown.ts pairs them so that a fix keeps them balanced, and
// seams.ts keeps a pair that a cut would part in one parse.

const OPENING_TAG = /^<([A-Za-z][\w-]*)(?:\s[^>]*)?>$/;
const CLOSING_TAG = /^<\/([A-Za-z][\w-]*)\s*>$/;
const VOID_TAG = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

/** The tag an inline HTML node is, where it opens or closes a pair: a void or self-closing tag, or a comment, is none. */
export function pairedTag(value: string): { name: string; closing: boolean } | undefined {
  const closing = CLOSING_TAG.exec(value);
  if (closing) return { name: closing[1]!.toLowerCase(), closing: true };
  const opening = OPENING_TAG.exec(value);
  if (!opening || value.endsWith('/>') || VOID_TAG.test(opening[1]!)) return undefined;
  return { name: opening[1]!.toLowerCase(), closing: false };
}
