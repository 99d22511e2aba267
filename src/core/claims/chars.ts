// Character classes shared by the scanner, the filters and language detection. Code-unit tests, no regexes, for speed.

/** Placeholder for a construct that is skipped and trimmed off a claim's ends (HTML, images, footnote marks). */
export const SKIP = '\uE000';
/** Placeholder for content kept inside a claim but opaque to the scanner (inline code, link destinations). */
export const OPAQUE = '\uE001';
/** Placeholder for a hard boundary (`<br>`, which often separates items on one line): ends the sentence, trimmed. */
export const HARD = '\uE002';

export const SKIP_CODE = 0xe000;
export const OPAQUE_CODE = 0xe001;
export const HARD_CODE = 0xe002;

export function isSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b ||
    c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b)
  );
}

/** Whitespace or a placeholder that never belongs at a claim's edge. */
export function isTrimmable(c: number): boolean {
  return isSpace(c) || c === SKIP_CODE || c === HARD_CODE;
}

/** Hiragana, katakana, CJK ideographs (BMP), half-width katakana. */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f) || c === 0x3005
  );
}

export function isKana(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f);
}

/** ASCII punctuation: what a Markdown backslash escapes ("\\*" is a literal "*"). */
export function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

export function isAsciiUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isAsciiLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Characters that may follow a sentence terminal and still belong to the sentence: quotes, brackets, emphasis marks. */
export function isCloser(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0x2a: // * (Markdown emphasis)
    case 0x5f: // _
    case 0x7e: // ~
    case 0x2019: // ’
    case 0x201d: // ”
    case 0xbb: // »
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0x3009: // 〉
    case 0x300b: // 》
    case 0xff3d: // ］
    case 0xff02: // ＂
    case SKIP_CODE:
      return true;
    default:
      return false;
  }
}

/** Full-width terminals that end a sentence with no space after them. */
export function isCjkTerminal(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61 || c === 0x203c || c === 0x2047 || c === 0x2048 || c === 0x2049;
}

/**
 * Emoji and pictographs that decorate the start of a line ("✅ Tokyo is…"): not part of the claim.
 * Works on code units: a surrogate pair is two decorations in a row.
 */
export function isDecoration(c: number): boolean {
  return (
    (c >= 0xd83c && c <= 0xd83e) || // high surrogates of U+1F000–U+1FAFF
    (c >= 0xdc00 && c <= 0xdfff) || // any low surrogate following them
    (c >= 0x2600 && c <= 0x27bf) || c === 0x2705 || c === 0x2b50 || c === 0x2b55 || c === 0xfe0f || c === 0x200d || c === 0x20e3
  );
}
