// References: find reference files (files, folders, globs), read them strictly, chunk them into passages.
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { InputError, isCancellation, throwIfAborted, UnmatchedPathError, unexpectedProblem } from '../errors';
import { fileIdentity, realPath } from '../files';
import { displayPath } from '../paths';
import { walkFolder, walkGlob } from '../walk';
import type { Passage } from '../types';
import { blocksFor, chunkBlocks, type ReferenceKind, type ReferencePassage } from './chunk';
import { htmlToText, mapLinesToHtml } from './html';
import { referenceKind } from './kind';
import { DEFAULT_MAX_FILE_BYTES, readTextFile } from './read';

export { DEFAULT_MAX_FILE_BYTES, decodeText, isBlank, readTextFile, type ReadOptions } from './read';
export type { ReferenceKind, ReferencePassage } from './chunk';
export { referenceKind } from './kind';

export interface LoadedReferences {
  passages: Passage[];
  /** Files that were skipped, each with an actionable message. */
  problems: InputError[];
  /** Files that were loaded, as shown in `Passage.source`. */
  files: string[];
}

export interface LoadOptions {
  cwd: string;
  signal?: AbortSignal;
  /** Per-file size limit in bytes. Default `DEFAULT_MAX_FILE_BYTES`. */
  maxFileBytes?: number;
  /** Only files that really lie inside `cwd` are read: a link, or a glob, that leads out of it is refused. */
  confine?: boolean;
}

const FOLDER_GLOB = '**/*.{md,markdown,txt,html,htm}';
const READ_CONCURRENCY = 16;

/**
 * A test of whether a file really lies inside `folder`, by where both are on disk (a link inside the folder may
 * point anywhere); the folder's own real path is looked up once.
 */
export async function insideFolder(folder: string): Promise<(file: string) => Promise<boolean>> {
  const within = await withinFolder(folder);
  return async (file) => within(await realPath(resolve(file)));
}

/** The same test for a path that is already real (links resolved): no look-up per file. */
async function withinFolder(folder: string): Promise<(real: string) => boolean> {
  const root = await realPath(resolve(folder));
  const prefix = root.endsWith(sep) ? root : root + sep;
  return (real) => real === root || real.startsWith(prefix);
}

/** A reference refused because it lies outside the folder a confined load may read (Restricted Mode). */
export function outsideFolder(name: string): InputError {
  return new InputError(name, 'outsideFolder');
}

/**
 * Loads `.md`, `.markdown`, `.txt`, `.html` and `.htm` references from files, folders (recursively, skipping
 * node_modules and hidden files and folders: walk.ts) and globs, relative to `cwd`. Files are deduplicated and loaded in sorted order.
 * A file that cannot be used becomes a problem; the others still load. Throws `CancelledError` when aborted.
 */
export async function loadReferences(patterns: readonly string[], options: LoadOptions): Promise<LoadedReferences> {
  const { found, problems } = await findReferenceFiles(patterns, options);
  const out: LoadedReferences = { passages: [], problems, files: [] };
  const files = [...found.values()].map((f) => f.shown).sort(compareStrings);
  const absolute = new Map([...found.values()].map(({ real, shown }) => [shown, real]));
  const results = new Array<Passage[] | InputError>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      throwIfAborted(options.signal);
      const shown = files[i]!;
      try {
        const text = await readTextFile(absolute.get(shown)!, { maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, displayName: shown });
        results[i] = passagesFromText(shown, text, referenceKind(shown));
      } catch (err) {
        // Any other failure (a library past its limits, say) is this file's alone: the others still load.
        if (isCancellation(err)) throw err;
        results[i] = err instanceof InputError ? err : unexpectedProblem(shown, err, 'unreadableReference');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  throwIfAborted(options.signal);
  results.forEach((r, i) => {
    if (r instanceof InputError) out.problems.push(r);
    else if (r.length === 0) out.problems.push(new InputError(files[i]!, 'noText'));
    else {
      out.files.push(files[i]!);
      for (const p of r) out.passages.push(p);
    }
  });
  return out;
}

/**
 * The reference files `patterns` name (as `loadReferences` would load them), without reading them: by `fileIdentity`
 * (a file under two names is found once), and a problem for each pattern or file that cannot be used.
 */
export async function findReferenceFiles(patterns: readonly string[], options: Omit<LoadOptions, 'maxFileBytes'>): Promise<{ found: Found; problems: InputError[] }> {
  const found: Found = new Map();
  const problems: InputError[] = [];
  for (const pattern of patterns) {
    throwIfAborted(options.signal);
    const problem = await expand(pattern, options.cwd, found);
    if (problem) problems.push(problem);
  }
  if (options.confine) {
    // Each file's real path is known already (see add).
    const within = await withinFolder(options.cwd);
    for (const [id, { real, shown }] of found) {
      if (within(real)) continue;
      found.delete(id);
      problems.push(outsideFolder(shown));
    }
  }
  return { found, problems };
}

/** The files found, by `fileIdentity` (a file under two names is read once): where each really is, and its name as shown. */
type Found = Map<string, { real: string; shown: string }>;

/** Adds the files one pattern names to `found`; returns a problem when it names nothing usable. */
async function expand(pattern: string, cwd: string, found: Found): Promise<InputError | undefined> {
  const path = resolve(cwd, pattern);
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) {
    if (!referenceKind(path)) {
      return new UnmatchedPathError(pattern, 'unsupportedType', extname(path));
    }
    await add(path, cwd, found);
    return undefined;
  }
  if (info?.isDirectory()) {
    const files = await walkFolder(path, FOLDER_GLOB, { caseSensitive: false });
    if (!files.length) return new UnmatchedPathError(pattern, 'folderWithoutReferences');
    for (const f of files) await add(f, cwd, found);
    return undefined;
  }
  // /dev/null, a pipe from <(...): it exists, so "not found" would mislead (the documents say the same).
  if (info) return new UnmatchedPathError(pattern, 'notRegularFile');
  if (!fg.isDynamicPattern(pattern)) return new UnmatchedPathError(pattern, 'referenceNotFound');
  const matches = await walkGlob(cwd, pattern);
  const usable = matches.filter((f) => referenceKind(f));
  if (!matches.length) return new UnmatchedPathError(pattern, 'globMatchesNothing');
  if (!usable.length) return new UnmatchedPathError(pattern, 'globMatchesNoReference');
  for (const f of usable) await add(f, cwd, found);
  return undefined;
}

async function add(file: string, cwd: string, found: Found): Promise<void> {
  const id = await fileIdentity(file);
  if (!found.has(id)) found.set(id, { real: await realPath(file), shown: displayPath(cwd, file) });
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Chunks one reference text into passages that remember source and 1-based line.
 * For HTML, `line` is the line of the original HTML where the passage's first word occurs (best effort).
 */
export function passagesFromText(source: string, text: string, kind: ReferenceKind = 'text'): ReferencePassage[] {
  if (kind !== 'html') return chunkBlocks(source, blocksFor(text, kind));
  const passages = chunkBlocks(source, blocksFor(htmlToText(text, source), 'html'));
  mapLinesToHtml(passages, text);
  return passages;
}
