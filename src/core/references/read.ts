// Reads one text file the way every face of ClaimCheck should: size limit, binary check, strict decoding.
import { readFile, stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { InputError } from '../errors';

/** Files above this size are refused (5 MB): a reference that large is almost always a mistake. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  /** Refuse files larger than this many bytes. Default `DEFAULT_MAX_FILE_BYTES`. */
  maxFileBytes?: number;
  /** The name shown in error messages (the path as the user wrote it). Default: `path`. */
  displayName?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

/**
 * Reads a UTF-8 text file (a UTF-8 BOM is dropped; UTF-16 LE/BE is accepted with a BOM).
 * Throws `InputError` naming the file for a missing, unreadable, empty, binary, oversized or badly encoded file.
 */
export async function readTextFile(path: string, options: ReadOptions = {}): Promise<string> {
  const name = options.displayName ?? path;
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(name, 'isFolder');
    if (info.size > limit) {
      throw new InputError(name, 'tooLarge', formatBytes(info.size), formatBytes(limit));
    }
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fsError(name, err);
  }
  return decodeText(bytes, name, limit);
}

/** Decodes file bytes with the same checks as `readTextFile` (for hosts that read files themselves). */
export function decodeText(bytes: Uint8Array, name: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): string {
  if (bytes.length > maxFileBytes) {
    throw new InputError(name, 'tooLarge', formatBytes(bytes.length), formatBytes(maxFileBytes));
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeWith(utf16le, bytes, name, 'UTF-16 LE');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeWith(utf16be, bytes, name, 'UTF-16 BE');
  else {
    if (bytes.indexOf(0) !== -1) {
      if (utf16WithoutBom(bytes)) throw new InputError(name, 'utf16WithoutBom');
      throw new InputError(name, 'binary');
    }
    text = decodeWith(utf8, bytes, name, 'UTF-8');
  }
  if (isBlank(text)) throw new InputError(name, 'empty');
  return text;
}

/** Whether text has nothing but white space (an empty file, to every face of ClaimCheck). */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/** Bytes read from the start of a file to tell UTF-16 text from binary. */
const UTF16_SNIFF_BYTES = 4096;

/**
 * Whether a file with NUL bytes is UTF-16 text saved without a BOM, in either byte order. Latin text has a zero
 * in every other byte, but CJK text does not ('一' is 4E 00, the ideographic space 00 30), so the test is what
 * the code units read as: no U+0000, no unpaired surrogate, and nine in ten characters of a script or
 * punctuation that text is written in. Binary data fails it: runs of zeros are U+0000, and random bytes make
 * lone surrogates and private-use characters. ASCII read two bytes at a time reads as CJK, though, so a UTF-8
 * file with a stray NUL ('abc\0def') would pass: it is told by what is left without its NULs, UTF-8 text, while
 * Latin UTF-16 has a NUL in every other byte and CJK UTF-16's other bytes are no UTF-8.
 */
function utf16WithoutBom(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  const head = bytes.subarray(0, Math.min(bytes.length, UTF16_SNIFF_BYTES));
  return !utf8WithStrayNuls(head) && (readsAsText(head, true) || readsAsText(head, false));
}

/** Whether NULs are under a quarter of the bytes and the rest decodes as UTF-8 (a sequence cut at the end allowed). */
function utf8WithStrayNuls(bytes: Uint8Array): boolean {
  const rest = bytes.filter((b) => b !== 0);
  if ((bytes.length - rest.length) * 4 >= bytes.length) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(rest, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function readsAsText(bytes: Uint8Array, littleEndian: boolean): boolean {
  const unit = (i: number): number => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let chars = 0;
  let textLike = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    const u = unit(i);
    if (u === 0) return false;
    chars++;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 2 >= bytes.length) break; // the sniffed head may end between the halves of a pair
      const low = unit(i + 2);
      if (low < 0xdc00 || low > 0xdfff) return false;
      textLike++; // emoji, rare CJK
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return false;
    else if (isTextChar(u)) textLike++;
  }
  return chars > 0 && textLike >= 0.9 * chars;
}

/** Code units of the scripts, punctuation and symbols text is written in (Latin to CJK); no controls, no private use. */
const TEXT_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x7e], [0xa0, 0x24f], // ASCII, Latin
  [0x370, 0x4ff], [0x590, 0x6ff], [0x900, 0x97f], [0xe00, 0xe7f], [0x1e00, 0x1eff], // Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, Vietnamese
  [0x2010, 0x205e], [0x20a0, 0x20bf], [0x2100, 0x27bf], // punctuation, currency, symbols, arrows, maths, box drawing, ①
  [0x3000, 0x30ff], [0x3200, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3], // CJK punctuation, kana, ideographs, Hangul
  [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xffef], // compatibility ideographs, full- and half-width forms
];

function isTextChar(u: number): boolean {
  return TEXT_RANGES.some(([from, to]) => u >= from && u <= to);
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array, name: string, encoding: string): string {
  try {
    return decoder.decode(bytes); // the decoder drops the BOM itself
  } catch {
    throw new InputError(name, 'badEncoding', encoding);
  }
}

function fsError(name: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(name, 'notFound');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(name, 'permissionDenied');
  const detail = err instanceof Error ? err.message : String(err);
  return new InputError(name, 'cannotRead', detail);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}
