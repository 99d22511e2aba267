// STUB (to be replaced by the references module): loads plain files, one passage per paragraph.
import { readFile } from 'node:fs/promises';
import type { Passage } from '../types';
import { InputError } from '../errors';

export interface LoadedReferences {
  passages: Passage[];
  /** Files that were skipped, each with an actionable message. */
  problems: InputError[];
  /** Files that were loaded. */
  files: string[];
}

export interface LoadOptions {
  cwd: string;
  signal?: AbortSignal;
}

/** Loads `.md`, `.txt`, `.html` references from files, folders and globs. */
export async function loadReferences(patterns: readonly string[], options: LoadOptions): Promise<LoadedReferences> {
  const out: LoadedReferences = { passages: [], problems: [], files: [] };
  for (const p of patterns) {
    try {
      const text = await readFile(new URL(p, `file://${options.cwd}/`), 'utf8');
      out.passages.push(...passagesFromText(p, text));
      out.files.push(p);
    } catch {
      out.problems.push(new InputError(p, 'cannot read the reference', 'Check the path given to --refs'));
    }
  }
  return out;
}

/** Chunks one reference text (already plain text or Markdown) into passages that remember source and line. */
export function passagesFromText(source: string, text: string): Passage[] {
  const passages: Passage[] = [];
  let line = 1;
  for (const para of text.split(/\n\s*\n/)) {
    if (para.trim()) passages.push({ id: `${source}#${passages.length}`, source, line, text: para.trim() });
    line += para.split('\n').length + 1;
  }
  return passages;
}
