// Turns the documents (check) or data files (eval) named on the command line (files, folders, globs) into a list of
// files, by one rule.
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { UnmatchedPathError, type InputError } from '../core/errors';
import type { ProblemKind } from '../core/problems';
import { fileIdentity, realPath } from '../core/files';
import { displayPath } from '../core/paths';
import { splitGlob, walkFolder, walkGlob } from '../core/walk';
import { isStdin, STDIN_NAME } from './args';

/** Folders expand to the document types ClaimCheck checks as answers. */
export const DOCUMENT_GLOB = '**/*.{md,markdown,txt}';
/**
 * HTML is read as a reference only: as a document it would be read as Markdown, its markup skipped and most of its
 * text with it, and pass as "0 claims".
 */
const HTML = /\.html?$/i;

export interface Document {
  /** As shown in reports: relative to cwd, forward slashes. */
  path: string;
  absolute: string;
  /** The file itself (`fileIdentity`): one file under two names is one document. */
  id: string;
  /** Named on its own on the command line, not found through a folder or a glob. */
  explicit: boolean;
  /** Standard input ("-"), named STDIN_NAME in reports. */
  stdin?: true;
  /** Which argument of the command line named it or found it (0 for the first). */
  arg: number;
  /**
   * Its path as that argument gave it: the argument itself for a file named on its own, else the folder or the glob's
   * fixed part as written, then the path below it (`../data` finds `../data/a.jsonl`).
   */
  asNamed: string;
}

/** What a command takes: the files a folder expands to, and what it says of a folder without any. */
export interface InputKind {
  folderGlob: string;
  emptyFolder: Extract<ProblemKind, 'folderWithoutDocuments' | 'folderWithoutData'>;
  /** check's documents: HTML is refused (above), and so is what is no regular file (a pipe from <(...)). */
  documents: boolean;
}

export const DOCUMENTS: InputKind = { folderGlob: DOCUMENT_GLOB, emptyFolder: 'folderWithoutDocuments', documents: true };
/** eval's data files; a pipe from <(...) is read as a file is. */
export const DATA_FILES: InputKind = { folderGlob: '**/*.jsonl', emptyFolder: 'folderWithoutData', documents: false };

export interface ExpandOptions {
  cwd: string;
  /** Skip found (not explicitly named) documents for which this returns true, e.g. config excludes. */
  excluded?: (absolute: string) => boolean;
  /** Default DOCUMENTS. */
  kind?: InputKind;
}

export interface Expanded {
  documents: Document[];
  problems: InputError[];
  /** The argument each problem is of (its index), to say it in the order of the command line. */
  problemArg: ReadonlyMap<InputError, number>;
}

export async function expandDocuments(patterns: readonly string[], options: ExpandOptions): Promise<Expanded> {
  const kind = options.kind ?? DOCUMENTS;
  const documents = new Map<string, Document>();
  const problems: InputError[] = [];
  const problemArg = new Map<InputError, number>();
  let arg = 0;
  const said = (problem: InputError): void => {
    problems.push(problem);
    problemArg.set(problem, arg);
  };
  // Keyed by the file itself: a link to a folder above (a loop) or a linked package would check one file many
  // times over. The first name found stands, unless the file's own path (links followed) turns up too.
  const own = async (absolute: string): Promise<boolean> => (await realPath(absolute)) === absolute;
  const add = async (absolute: string, explicit: boolean, asNamed: string): Promise<void> => {
    if (!explicit && options.excluded?.(absolute)) return;
    const id = await fileIdentity(absolute);
    const known = documents.get(id);
    if (known && (!(await own(absolute)) || (await own(known.absolute)))) {
      known.explicit ||= explicit;
      return;
    }
    // Re-inserted: under its own name, it takes that name's place in the order.
    documents.delete(id);
    documents.set(id, { path: displayPath(options.cwd, absolute), absolute, id, explicit: explicit || Boolean(known?.explicit), arg, asNamed });
  };
  /** A named or globbed file, unless it is HTML (said as `name`); a folder's files are never HTML (DOCUMENT_GLOB). */
  const addUnlessHtml = async (absolute: string, name: string, explicit: boolean, asNamed: string): Promise<void> => {
    if (kind.documents && HTML.test(absolute)) said(new UnmatchedPathError(name, 'htmlDocument'));
    else await add(absolute, explicit, asNamed);
  };
  for (const [index, pattern] of patterns.entries()) {
    arg = index;
    if (isStdin(pattern)) {
      // Named once at most (the parser refuses a second); it stands in the current folder, for the config's globs.
      const absolute = resolve(options.cwd, STDIN_NAME);
      documents.set(absolute, { path: STDIN_NAME, absolute, id: absolute, explicit: true, stdin: true, arg, asNamed: STDIN_NAME });
      continue;
    }
    const absolute = resolve(options.cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile() || (info && !info.isDirectory() && !kind.documents)) await addUnlessHtml(absolute, pattern, true, pattern);
    else if (info?.isDirectory()) {
      // Hidden files and folders and node_modules are skipped (walk.ts), as Check Workspace skips them.
      const found = await walkFolder(absolute, kind.folderGlob, { caseSensitive: false });
      if (!found.length) said(new UnmatchedPathError(pattern, kind.emptyFolder));
      for (const f of found) await add(f, false, namedBelow(pattern, absolute, f));
    } else if (fg.isDynamicPattern(pattern)) {
      const found = await walkGlob(options.cwd, pattern);
      if (!found.length) said(new UnmatchedPathError(pattern, 'globMatchesNothing'));
      const { base } = splitGlob(pattern);
      for (const f of found) await addUnlessHtml(f, displayPath(options.cwd, f), false, namedBelow(base, resolve(options.cwd, base), f));
    } else if (info) {
      // A pipe from <(...), a device: it exists, so "not found" would mislead.
      said(new UnmatchedPathError(pattern, 'notRegularDocument'));
    } else {
      said(new UnmatchedPathError(pattern, 'notFound'));
    }
  }
  return { documents: [...documents.values()], problems, problemArg };
}

/** A file found below `from` (a folder, or a glob's fixed part, as written; at `folder`), named from there. */
function namedBelow(from: string, folder: string, file: string): string {
  const below = relative(folder, file).split(sep).join('/');
  if (!from) return below;
  return /[\\/]$/.test(from) ? `${from}${below}` : `${from}/${below}`;
}

