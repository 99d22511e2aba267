// Which reference files serve a document, and their passages: loaded once per distinct set, until files change.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseDirectives, referencesFor, type ProjectConfig } from '../core/config';
import { isGlob } from '../core/glob';
import { liesOutside } from '../core/paths';
import { referenceKind } from '../core/references';
import { ReferenceSets, type ReferenceSet } from '../core/run';
import { skippedInWalk, splitGlob } from '../core/walk';
import type { Settings } from './settings';
import { WatcherPool, type WatchTarget } from './watchers';

/** What reads references, as the cache sees it: a document's result (its folder, and the patterns it read). */
export interface ReferenceReader {
  base: vscode.Uri;
  patterns?: readonly string[];
}

/** How long the results must sit still before the watchers outside the workspace follow them (a scan publishes many). */
const WATCH_SYNC_MS = 1000;

/**
 * The folder relative paths resolve against: the workspace folder, else the document's own folder. An
 * untitled document (model output pasted into a new editor) belongs to the first workspace folder.
 */
export function baseFor(uri: vscode.Uri): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return folder.uri;
  if (uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
  return uri.scheme === 'file' ? vscode.Uri.file(path.dirname(uri.fsPath)) : undefined;
}

/** A path relative to `base` with forward slashes where the file lies inside it, else absolute. */
export function relativeTo(base: vscode.Uri, file: vscode.Uri): string {
  return pathInside(base, file) ?? file.fsPath;
}

/** The path of `file` relative to `base`, with forward slashes; undefined where it does not lie inside it. */
export function pathInside(base: vscode.Uri, file: vscode.Uri): string | undefined {
  const rel = configPath(base, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : undefined;
}

/**
 * A path for `.claimcheck.json`: relative to its folder, with `../` for a file beside it (another folder of a
 * multi-root workspace), so the project file works in every clone; absolute only on another drive.
 */
export function configPath(base: vscode.Uri, file: vscode.Uri): string {
  const rel = path.relative(base.fsPath, file.fsPath);
  return path.isAbsolute(rel) ? file.fsPath : rel.split(path.sep).join('/');
}

/** Turns an evidence `source` (relative to `base`, or absolute) back into the file it names. */
export function evidenceUri(base: vscode.Uri, source: string): vscode.Uri {
  return path.isAbsolute(source) ? vscode.Uri.file(source) : vscode.Uri.joinPath(base, source);
}

/** The patterns `.claimcheck.json` gives a document (or all its documents); where it gives none, the setting's. */
export function folderPatterns(doc: string | undefined, settings: Settings, project: ProjectConfig): string[] {
  const fromFile = doc === undefined ? allProjectReferences(project) : referencesFor(project, doc);
  return fromFile.length ? fromFile : settings.references;
}

function allProjectReferences(project: ProjectConfig): string[] {
  const refs = project.references;
  if (!refs) return [];
  return Array.isArray(refs) ? refs : [...new Set(Object.values(refs).flat())];
}

/** The document's own `<!-- claimcheck: references=... -->` paths (relative to its folder), made relative to `base`. */
export function directivePatterns(base: vscode.Uri, doc: vscode.Uri, text: string): string[] {
  return parseDirectives(text).references.map((r) => directivePath(base, doc, r));
}

/** One directive path of `doc` (relative to its folder, or absolute) made relative to `base`, or absolute outside it. */
export function directivePath(base: vscode.Uri, doc: vscode.Uri, ref: string): string {
  if (path.isAbsolute(ref)) return ref;
  // An untitled document has no folder of its own: its paths are relative to its base.
  const dir = doc.scheme === 'file' ? path.dirname(doc.fsPath) : base.fsPath;
  return relativeTo(base, vscode.Uri.file(path.resolve(dir, ref)));
}

/**
 * A pattern (file, folder or glob; relative to `base`, or absolute) as a path relative to `base` with forward
 * slashes ('' for the folder itself); undefined where it leads out of `base` (`/elsewhere/**`, `../refs`).
 */
function patternInside(base: vscode.Uri, pattern: string): string | undefined {
  const p = pattern.replace(/\\/g, '/');
  const { base: from, rest } = isGlob(p) ? splitGlob(p) : { base: p, rest: '' };
  const start = path.resolve(base.fsPath, from);
  if (liesOutside(base.fsPath, start)) return undefined;
  return [path.relative(base.fsPath, start).split(path.sep).join('/'), rest].filter(Boolean).join('/');
}

/**
 * Patterns that lead out of `base`: the editor's file search covers the folder only, so these go to the engine as
 * they are, which walks them as the CLI does (core/walk.ts), or refuses them by name in Restricted Mode.
 */
export function patternsOutside(base: vscode.Uri, patterns: readonly string[]): string[] {
  return patterns.filter((p) => patternInside(base, p) === undefined);
}

/**
 * Expands the patterns that lie inside `base` (files, folders or globs, relative to it or absolute) to readable
 * reference files, honouring `files.exclude`; those that lead out of it are `patternsOutside`'s.
 */
export async function expandPatterns(base: vscode.Uri, patterns: readonly string[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const raw of patterns) {
    const p = patternInside(base, raw);
    if (p === undefined) continue;
    let glob = p;
    if (!isGlob(p)) {
      const uri = vscode.Uri.joinPath(base, p);
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        (s) => s,
        () => undefined,
      );
      if (!stat) continue;
      if (stat.type & vscode.FileType.File) {
        found.set(uri.toString(), uri);
        continue;
      }
      glob = p ? `${p}/**` : '**';
    }
    // Where the walk starts (a folder's own path): what lies below it is listed as the engine loads it (core/walk.ts
    // skips hidden files and folders and node_modules there).
    const from = splitGlob(glob).base;
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob))) {
      if (!skippedInWalk(path.posix.relative(from, relativeTo(base, uri)))) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].filter((u) => referenceKind(u.fsPath)).sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
}

/** One engine `ReferenceSets` per folder, shared by single checks and scans; a change to a possible reference drops them. */
export class ReferenceCache implements vscode.Disposable {
  private readonly sets = new Map<string, ReferenceSets>();
  /** Patterns expanded to files, per folder and list: a file search costs most of a warm check otherwise. */
  private readonly expanded = new Map<string, Promise<vscode.Uri[]>>();
  /** Files the loaded sets read, or tried to: an edit to one of them makes the sets out of date. */
  private readonly read = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Watchers of the reference folders and files outside the workspace that loaded sets and results read. */
  private readonly outside = new WatcherPool((target) => {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(target.folder), target.glob));
    return vscode.Disposable.from(watcher, watcher.onDidChange(this.edited), watcher.onDidCreate(this.drop), watcher.onDidDelete(this.drop));
  });
  private syncTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires with the file that changed, or undefined when any may have (one was added, trust was granted). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly maxFileBytes: () => number,
    files: vscode.FileSystemWatcher,
  ) {
    this.subscriptions.push(
      files.onDidChange(this.edited),
      files.onDidCreate(this.drop),
      files.onDidDelete(this.drop),
      vscode.workspace.onDidSaveTextDocument((d) => this.edited(d.uri)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.clear()),
    );
  }

  // A new or deleted file that could be a reference (or a folder of them) may change what the sets hold; an
  // edited one only if a set read it (or could not: an empty reference saved with text). Saving the answer
  // being checked must not throw away every index (an 8 MB reference re-indexed on each save).
  private readonly drop = (uri: vscode.Uri): void => {
    if (referenceKind(uri.fsPath) || !path.extname(uri.fsPath)) this.clear(uri);
  };

  private readonly edited = (uri: vscode.Uri): void => {
    if (this.read.has(uri.fsPath)) this.clear(uri);
  };

  forFolder(base: vscode.Uri): ReferenceSets {
    const key = base.toString();
    let sets = this.sets.get(key);
    if (!sets) {
      // In Restricted Mode a repository you do not trust must not choose which files of your disk are read,
      // quoted in hovers and sent to your grader: references stay inside its folder.
      sets = new ReferenceSets(base.fsPath, {
        maxFileBytes: this.maxFileBytes(),
        confine: !vscode.workspace.isTrusted,
        onLoaded: (set, patterns) => {
          for (const f of [...set.files, ...set.problems.map((p) => p.file)]) this.read.add(evidenceUri(base, f).fsPath);
          for (const target of watchTargets(outsidePaths(base, patterns))) {
            this.outside.watch(target, { key: [key, ...patterns].join('\0'), forget: () => this.sets.get(key)?.forget(patterns) });
          }
        },
      });
      this.sets.set(key, sets);
    }
    return sets;
  }

  /** `expandPatterns`, remembered until a file is created or deleted (or `clear`): edits to files change no list. */
  expand(base: vscode.Uri, patterns: readonly string[]): Promise<vscode.Uri[]> {
    const key = [base.toString(), ...patterns].join('\0');
    let files = this.expanded.get(key);
    if (!files) {
      files = expandPatterns(base, patterns);
      this.expanded.set(key, files);
      files.catch(() => this.expanded.delete(key));
    }
    return files;
  }

  /** What the engine loads for the patterns: the files found in the folder (relative to it), then those leading out of it as they are. */
  async paths(base: vscode.Uri, patterns: readonly string[]): Promise<string[]> {
    return [...(await this.expand(base, patterns)).map((f) => relativeTo(base, f)), ...patternsOutside(base, patterns)];
  }

  load(base: vscode.Uri, patterns: readonly string[], signal?: AbortSignal): Promise<ReferenceSet> {
    return this.forFolder(base).get(patterns, signal);
  }

  /**
   * Follows the results: the folders and files outside the workspace that a result read stay watched, as the
   * workspace's own watcher watches the rest (an edit there makes the result out of date, a file added there too,
   * and the next check reads it); those no result reads any more (rechecked against others, cleared, deleted) are
   * no longer watched, and the sets that read there are forgotten. Nothing is let go while a check is in flight.
   */
  followResults(results: { readonly onDidChange: vscode.Event<unknown>; all(): readonly ReferenceReader[]; busy(): boolean }): vscode.Disposable {
    const sync = (): void => {
      this.syncTimer = undefined;
      // Thousands of scanned results may read the same folder: each path is looked at once.
      const paths = new Set(results.all().flatMap((r) => outsidePaths(r.base, r.patterns ?? [])));
      this.outside.keep(watchTargets(paths), !results.busy());
    };
    return results.onDidChange(() => {
      clearTimeout(this.syncTimer);
      this.syncTimer = setTimeout(sync, WATCH_SYNC_MS);
    });
  }

  /** What is watched outside the workspace now (folder and glob). */
  watchedOutside(): WatchTarget[] {
    return this.outside.targets();
  }

  /** Forgets every loaded set: the next check reads the references again, and results checked against them are out of date. */
  clear(changed?: vscode.Uri): void {
    this.sets.clear();
    this.expanded.clear();
    this.read.clear();
    this.changed.fire(changed);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    clearTimeout(this.syncTimer);
    this.outside.dispose();
    this.changed.dispose();
  }
}

/** The patterns of `base` that lead out of it, as absolute paths; none in Restricted Mode, which reads nothing there. */
function outsidePaths(base: vscode.Uri, patterns: readonly string[]): string[] {
  return vscode.workspace.isTrusted ? patternsOutside(base, patterns).map((p) => path.resolve(base.fsPath, p)) : [];
}

/** What to watch for reference patterns outside `base` (absolute): not what lies in another workspace folder, which its own watcher watches. */
function watchTargets(absolute: Iterable<string>): WatchTarget[] {
  return [...absolute].map(watchTarget).filter((t) => !vscode.workspace.getWorkspaceFolder(vscode.Uri.file(t.folder)));
}

/**
 * What to watch for a reference pattern outside the workspace (absolute): below a folder or a glob's folder, every
 * file; a single file (or a path not there yet), that name in its folder only, not the whole folder's tree.
 */
function watchTarget(absolute: string): WatchTarget {
  const p = absolute.replace(/\\/g, '/');
  if (isGlob(p)) return { folder: path.resolve(splitGlob(p).base), glob: '**' };
  if (isFolder(absolute)) return { folder: absolute, glob: '**' };
  return { folder: path.dirname(absolute), glob: path.basename(absolute) };
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
