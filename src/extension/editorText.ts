// The checks the engine makes of a file it reads, made of an open document's text: Check Claims and Check
// Workspace say the same of a document whether it is read from its editor or from the disk.
import { decodeText } from '../core/references';

/**
 * Throws the engine's error for a file on disk (`decodeText`'s checks, the same message) where an open document's
 * text fails them, so that an open document is never read from the disk instead, nor reported in other words:
 * over the size limit (its UTF-8 bytes, as the disk's are measured), binary (NUL characters: a binary file
 * opened anyway), blank. The encoding checks pass by construction: the editor has decoded the file already, with
 * the encoding it shows, and its text in UTF-8 is valid UTF-8.
 */
export function checkEditorText(file: string, text: string, maxFileBytes: number): void {
  // The decoded copy is dropped: the editor's own text is what is checked (decoding drops a leading U+FEFF).
  decodeText(new TextEncoder().encode(text), file, maxFileBytes);
}
