// Which files ClaimCheck reads as references, by their extension: the loader's rule, and the watchers' (core/walk.ts
// asks it of a file created in a reference folder), kept apart from the loader so that the walk can ask it too.
import { extname } from 'node:path';
import type { ReferenceKind } from './chunk';

const KINDS: Readonly<Record<string, ReferenceKind>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

/** The kind of reference a file name is, or undefined when ClaimCheck cannot read it. */
export function referenceKind(file: string): ReferenceKind | undefined {
  return KINDS[extname(file).toLowerCase()];
}
