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
  if (!/\S/.test(text)) throw new InputError(name, 'empty');
  return text;
}

/**
 * Whether NUL bytes are the zero halves of UTF-16 code units (Latin text saved as UTF-16 with no BOM): nearly
 * every odd byte zero (little-endian) or every even one (big-endian), and almost none on the other side.
 */
function utf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (n < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  return (oddZero >= 0.9 * units && evenZero <= 0.05 * units) || (evenZero >= 0.9 * units && oddZero <= 0.05 * units);
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
