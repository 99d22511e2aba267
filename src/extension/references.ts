// Which reference files serve a document, and their passages: loaded once per distinct set, until files change.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseDirectives, referencesFor, type ProjectConfig } from '../core/config';
import { isGlob } from '../core/glob';
import { liesOutside } from '../core/paths';
import { referenceKind } from '../core/references';
import { ReferenceSets, type ReferenceSet } from '../core/run';
import { mayHoldReference, patternCovers, referenceFilesIn, skippedInWalk, splitGlob, splitPattern, type PathKind } from '../core/walk';
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
  const { base: from, rest } = splitPattern(pattern);
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

/** A change to the files a set may read: at `uri` (a file or folder, where it could be looked at), or in the folder `uri` (its `.claimcheck.json`). */
export interface ReferenceChange {
  uri: vscode.Uri;
  kind?: PathKind;
  /**
   * A folder made (or moved in with its files): the reference files it holds (absolute), looked at once, when a
   * pattern may find them there; undefined where there are too many to look at.
   */
  holds?: () => readonly string[] | undefined;
  /**
   * It concerns only what read a file there: a path deleted (a name no reference had, a folder of other files,
   * concern nothing), or a file edited that no loaded set names.
   */
  onlyWhatRead?: true;
}

/**
 * Whether a reference pattern (relative to `base`, or absolute) finds what changed (`patternCovers`): a folder made,
 * by the files it holds.
 */
export function patternFinds(base: string, pattern: string, change: ReferenceChange): boolean {
  if (change.uri.scheme !== 'file' || !patternCovers(base, pattern, change.uri.fsPath, change.kind)) return false;
  const held = change.holds?.();
  return held === undefined || held.some((f) => patternCovers(base, pattern, f, 'file'));
}

/** A list of files that patterns stand for in a folder, made by a file search (`expandPatterns`). */
interface Expansion {
  base: vscode.Uri;
  patterns: readonly string[];
  files: Promise<vscode.Uri[]>;
  /** The files, once the search is done. */
  found?: readonly vscode.Uri[];
}

/**
 * One engine `ReferenceSets` per folder, shared by single checks and scans; a file created, deleted or edited where
 * a set's patterns find it drops that set (and the lists of files that find it), not the others.
 */
export class ReferenceCache implements vscode.Disposable {
  private readonly sets = new Map<string, ReferenceSets>();
  /** Patterns expanded to files, per folder and list: a file search costs most of a warm check otherwise. */
  private readonly expanded = new Map<string, Expansion>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Watchers of the reference folders and files outside the workspace that loaded sets and results read. */
  private readonly outside = new WatcherPool((target) => {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(target.folder), target.glob));
    return vscode.Disposable.from(watcher, watcher.onDidChange(this.edited), watcher.onDidCreate(this.created), watcher.onDidDelete(this.deleted));
  });
  /** What Show Coverage read, by document: no result records it, so it is kept (and watched) while its document is open. */
  private readonly shown = new Map<string, ReferenceReader>();
  private results: { all(): readonly ReferenceReader[]; busy(): boolean } | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<ReferenceChange | undefined>();
  /** Fires with what changed, or undefined when any reference may have (settings changed, trust was granted). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly maxFileBytes: () => number,
    files: vscode.FileSystemWatcher,
  ) {
    this.subscriptions.push(
      files.onDidChange(this.edited),
      files.onDidCreate(this.created),
      files.onDidDelete(this.deleted),
      vscode.workspace.onDidSaveTextDocument((d) => this.edited(d.uri)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.clear()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.shown.delete(d.uri.toString())) this.syncSoon();
      }),
    );
  }

  // A file or folder created changes the lists of files whose patterns find it, and the sets read from them; a
  // created file ClaimCheck cannot read (a LICENSE, a picture) changes none, nor does a folder without such a file
  // (a new, empty one: the files put in it later are reported one by one). Creating an answer file must not throw
  // away the other sets and their indexes (an 8 MB reference re-indexed).
  private readonly created = (uri: vscode.Uri): void => {
    if (uri.scheme !== 'file') return;
    const kind = kindAt(uri.fsPath);
    // A folder moved in may come with its files, and the watcher reports the folder alone: what it holds is looked
    // at, once, where a pattern may find something there (not for every folder a build makes).
    let held: readonly string[] | undefined | null = null;
    const holds = (): readonly string[] | undefined => (held === null ? (held = referenceFilesIn(uri.fsPath)) : held);
    this.listsChanged({ uri, kind, ...(kind === 'folder' ? { holds } : {}) });
  };

  // A path deleted changes only the lists and sets that held a file there, and the results that read one: a file
  // that never was a reference (NOTES), or a folder of drafts, changes none.
  private readonly deleted = (uri: vscode.Uri): void => {
    if (uri.scheme !== 'file' || !mayHoldReference(uri.fsPath, undefined)) return;
    const held = (files: readonly vscode.Uri[]): boolean => files.some((f) => !liesOutside(uri.fsPath, f.fsPath));
    for (const [key, e] of this.expanded) {
      const holds = e.found ? held(e.found) : e.patterns.some((p) => patternCovers(e.base.fsPath, p, uri.fsPath));
      if (holds) this.expanded.delete(key);
    }
    for (const sets of this.sets.values()) sets.forgetHolding(uri.fsPath);
    this.changed.fire({ uri, onlyWhatRead: true });
  };

  // An edited file changes the sets that read it (or tried to: an empty reference saved with text), and only those:
  // saving the answer being checked must not throw away its index. The results that read it are out of date also
  // where no set that names it is loaded now (another change let it go).
  private readonly edited = (uri: vscode.Uri): void => {
    if (uri.scheme !== 'file' || !mayHoldReference(uri.fsPath, 'file')) return;
    let forgot = false;
    for (const sets of this.sets.values()) forgot = sets.forgetCovering(uri.fsPath, 'file') || forgot;
    this.changed.fire({ uri, kind: 'file', ...(forgot ? {} : { onlyWhatRead: true as const }) });
  };

  private listsChanged(change: ReferenceChange): void {
    const { uri, kind } = change;
    if (!mayHoldReference(uri.fsPath, kind)) return;
    const listed = new Map<string, string[]>();
    for (const [key, e] of this.expanded) {
      if (!e.patterns.some((p) => patternFinds(e.base.fsPath, p, change))) continue;
      this.expanded.delete(key);
      listed.set(e.base.toString(), [...(listed.get(e.base.toString()) ?? []), ...e.patterns]);
    }
    for (const [base, sets] of this.sets) sets.forgetCovering(uri.fsPath, kind, listed.get(base));
    // Whatever was loaded: a result read through patterns that find it is out of date (results.ts asks them).
    this.changed.fire(change);
  }

  forFolder(base: vscode.Uri): ReferenceSets {
    const key = base.toString();
    let sets = this.sets.get(key);
    if (!sets) {
      // In Restricted Mode a repository you do not trust must not choose which files of your disk are read,
      // quoted in hovers and sent to your grader: references stay inside its folder.
      sets = new ReferenceSets(base.fsPath, {
        maxFileBytes: this.maxFileBytes(),
        confine: !vscode.workspace.isTrusted,
        onLoaded: (_set, patterns) => {
          for (const target of watchTargets(outsidePaths(base, patterns))) {
            this.outside.watch(target, { key: [key, ...patterns].join('\0'), forget: () => this.sets.get(key)?.forget(patterns) });
          }
        },
      });
      this.sets.set(key, sets);
    }
    return sets;
  }

  /** `expandPatterns`, remembered until a file is created or deleted where they find it (or `clear`): edits to files change no list. */
  expand(base: vscode.Uri, patterns: readonly string[]): Promise<vscode.Uri[]> {
    const key = [base.toString(), ...patterns].join('\0');
    let e = this.expanded.get(key);
    if (!e) {
      e = { base, patterns, files: expandPatterns(base, patterns) };
      this.expanded.set(key, e);
      const made = e;
      made.files.then(
        (found) => (made.found = found),
        () => {
          if (this.expanded.get(key) === made) this.expanded.delete(key);
        },
      );
    }
    return e.files;
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
   * What Show Coverage read counts as a result while its document is open.
   */
  followResults(results: { readonly onDidChange: vscode.Event<unknown>; all(): readonly ReferenceReader[]; busy(): boolean }): vscode.Disposable {
    this.results = results;
    return results.onDidChange(() => this.syncSoon());
  }

  /** Keeps what `reader` read (Show Coverage, which stores no result) watched and loaded while `doc` is open. */
  keepWhileOpen(doc: vscode.Uri, reader: ReferenceReader): void {
    this.shown.set(doc.toString(), reader);
  }

  private syncSoon(): void {
    clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => this.sync(), WATCH_SYNC_MS);
  }

  private sync(): void {
    this.syncTimer = undefined;
    if (!this.results) return;
    // Thousands of scanned results may read the same folder: each path is looked at once.
    const readers = [...this.results.all(), ...this.shown.values()];
    const paths = new Set(readers.flatMap((r) => outsidePaths(r.base, r.patterns ?? [])));
    this.outside.keep(watchTargets(paths), !this.results.busy());
  }

  /** What is watched outside the workspace now (folder and glob). */
  watchedOutside(): WatchTarget[] {
    return this.outside.targets();
  }

  /**
   * Forgets the loaded sets of `folder` (its `.claimcheck.json` changed), or of every folder: the next check reads
   * the references again, and results checked against them are out of date.
   */
  clear(folder?: vscode.Uri): void {
    const mine = (base: vscode.Uri | string): boolean => !folder || base.toString() === folder.toString();
    for (const base of [...this.sets.keys()]) if (mine(base)) this.sets.delete(base);
    for (const [key, e] of [...this.expanded]) if (mine(e.base)) this.expanded.delete(key);
    this.changed.fire(folder && { uri: folder, kind: 'folder' });
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    clearTimeout(this.syncTimer);
    this.outside.dispose();
    this.changed.dispose();
  }
}

/** What is at `absolute` now: a file or a folder, or undefined where nothing is (gone already, not there yet). */
function kindAt(absolute: string): PathKind {
  try {
    return statSync(absolute).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
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
  if (kindAt(absolute) === 'folder') return { folder: absolute, glob: '**' };
  return { folder: path.dirname(absolute), glob: path.basename(absolute) };
}
