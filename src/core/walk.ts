// What a folder or a glob stands for: one rule for the CLI's documents, the references (CLI and editor) and Check
// Workspace, so that they cannot drift apart.
import fg from 'fast-glob';
import { readdirSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { isGlob, matchesGlob } from './glob';
import { liesOutside } from './paths';
import { referenceKind } from './references/kind';

/** A glob for `name` in any letter case (`[nN][oO]...`): the same in every glob dialect, fast-glob's, the engine's and the editor's. */
function anyCase(name: string): string {
  return name.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/**
 * Skipped below where a walk starts, whatever its globs say: node_modules (in any letter case: on Windows and macOS
 * Node_Modules is that folder, and a folder walk once matched it so everywhere), and hidden files and folders (a
 * name that starts with "."): .git, .claimcheck, .github, .venv. A folder named, or named in the fixed part of a
 * glob (`.github/*.md`), is walked: the user asked for it.
 */
export const WALK_SKIPS: readonly string[] = [`**/${anyCase('node_modules')}/**`, '**/.*', '**/.*/**'];

/** Whether a walk leaves out the file at `path`, relative to where the walk starts (either slash). */
export function skippedInWalk(path: string): boolean {
  return WALK_SKIPS.some((glob) => matchesGlob(path, glob));
}

/**
 * A glob split where it starts to vary: `docs/**\/*.md` → `{ base: 'docs', rest: '**\/*.md' }`, `*.md` →
 * `{ base: '', rest: '*.md' }`. Forward slashes; an absolute glob keeps its root in `base`.
 */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = (sep === '\\' ? pattern.replace(/\\/g, '/') : pattern).split('/');
  // fast-glob's extglobs (`@(a|b)`, `!(drafts)`) vary too; `isGlob` sees a brace split by a slash (`{a/b,c}`).
  const fixed = parts.findIndex((part) => isGlob(part) || (part !== '' && fg.isDynamicPattern(part)));
  const at = fixed < 0 ? parts.length - 1 : fixed;
  // A root alone keeps its slash: '' would be the folder the run is in, and 'C:' the current folder on drive C.
  const root = at === 1 && (parts[0] === '' || /^[A-Za-z]:$/.test(parts[0]!)) ? `${parts[0]}/` : undefined;
  return { base: root ?? parts.slice(0, at).join('/'), rest: parts.slice(at).join('/') };
}

/**
 * A reference pattern (file, folder or glob; either slash) as where it starts and what varies below: a glob by
 * `splitGlob`, a plain path whole (`refs/a.md` → `{ base: 'refs/a.md', rest: '' }`).
 */
export function splitPattern(pattern: string): { base: string; rest: string } {
  const p = pattern.replace(/\\/g, '/');
  return isGlob(p) ? splitGlob(p) : { base: p, rest: '' };
}

/** What a watcher reported at a path, where it could be looked at: a created path can, a deleted one no longer. */
export type PathKind = 'file' | 'folder' | undefined;

/**
 * Whether something at `path` may be a reference or hold one: a folder, a file of a reference's kind; where the
 * kind is unknown (deleted), a name without an extension too (it may have been a folder).
 */
export function mayHoldReference(path: string, kind: PathKind): boolean {
  return mayBeFolder(path, kind) || (kind !== 'folder' && !!referenceKind(path));
}

function mayBeFolder(path: string, kind: PathKind): boolean {
  return kind === 'folder' || (kind === undefined && !extname(path));
}

/**
 * Whether a file or folder at `path` (absolute; `kind` where known) is one a reference pattern (a file, folder or
 * glob, relative to `cwd` or absolute) stands for, or may hold one: the file it names, a reference file below the
 * folder it names or matched by its glob, a folder there (that may hold such files), or a folder above it. A file
 * created, deleted or edited there changes what the pattern names. Letter case counts, as in a glob's walk.
 */
export function patternCovers(cwd: string, pattern: string, path: string, kind?: PathKind): boolean {
  const { base, rest } = splitPattern(pattern);
  const from = resolve(cwd, base);
  const at = resolve(path);
  if (!liesOutside(at, from)) return true; // the pattern's folder or file itself, or a folder above it
  if (liesOutside(from, at)) return false;
  const below = relative(from, at).split(sep).join('/');
  if (skippedInWalk(below)) return false;
  // A folder below a glob's fixed part may hold files the glob matches; a file there is read only if it is of a
  // reference's kind (a LICENSE or a picture added to a reference folder changes nothing).
  if (mayBeFolder(at, kind)) return true;
  return !!referenceKind(at) && (!rest || matchesGlob(below, rest));
}

/**
 * The files of a reference's kind below `folder` (absolute paths), as a walk from it finds them (`skippedInWalk`
 * leaves out hidden ones and node_modules); undefined where it holds more than `limit` entries, or cannot be read.
 * At once, not by a walk that yields: a watcher that reports a folder made (or moved in with its files) asks it
 * before the next check may look.
 */
export function referenceFilesIn(folder: string, limit = 1000): string[] | undefined {
  const found: string[] = [];
  const pending = [''];
  let seen = 0;
  try {
    for (let below = pending.pop(); below !== undefined; below = pending.pop()) {
      for (const entry of readdirSync(join(folder, below), { withFileTypes: true })) {
        if (++seen > limit) return undefined;
        const rel = below ? `${below}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!skippedInWalk(`${rel}/`)) pending.push(rel);
        } else if (!skippedInWalk(rel) && referenceKind(entry.name)) found.push(join(folder, rel));
      }
    }
  } catch {
    return undefined;
  }
  return found.sort();
}

export interface WalkOptions {
  /** Letter case counts in the glob (default true). */
  caseSensitive?: boolean;
}

/** The files `glob` matches in `folder` (absolute paths, sorted), less what `skippedInWalk` leaves out there. */
export async function walkFolder(folder: string, glob: string, options: WalkOptions = {}): Promise<string[]> {
  // The skips as fast-glob's ignore: it never enters node_modules or .git. Relative to `folder`, as the rule is.
  const found = await fg(glob, {
    cwd: folder,
    absolute: true,
    onlyFiles: true,
    dot: true,
    ignore: [...WALK_SKIPS],
    caseSensitiveMatch: options.caseSensitive ?? true,
    suppressErrors: true,
  });
  return found.map((f) => resolve(f)).sort();
}

/** The files a glob (relative to `cwd`, or absolute) matches: walked from its fixed part, so that part may be hidden. */
export function walkGlob(cwd: string, pattern: string, options: WalkOptions = {}): Promise<string[]> {
  const { base, rest } = splitGlob(pattern);
  return walkFolder(resolve(cwd, base), rest, options);
}

