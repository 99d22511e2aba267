// Checks many documents: the CLI's `check` and the extension's workspace scan both come through here.
// Reference sets are loaded and indexed once per distinct list of patterns, however many documents use them.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { coverage } from './coverage';
import { checkText, indexReferences } from './check';
import { parseDirectives } from './config';
import { InputError, isCancellation, unexpectedProblem } from './errors';
import { findReferenceFiles, insideFolder, loadReferences, outsideFolder, readTextFile } from './references';
import type { PassageIndex } from './retrieval';
import type { FileReport } from './report';
import { liesOutside, mayLeadOut } from './paths';
import { gradeEach } from './pool';
import { patternCovers, splitPattern, type PathKind } from './walk';
import type { Grader, ReasonLanguage } from './types';

export const DEFAULT_FILE_CONCURRENCY = 4;

export interface ReferenceSet {
  index: PassageIndex;
  /** Files that were loaded, as shown in evidence. */
  files: string[];
  passages: number;
  /**
   * Each pattern of the set that could not be used (missing, empty, binary, outside a confined folder). The
   * one way they reach a user: a run reports them the first time it uses the set.
   */
  problems: InputError[];
}

/** Loads each distinct list of reference patterns once; keep one per run (or per workspace, until files change). */
export class ReferenceSets {
  private readonly sets = new Map<string, Promise<ReferenceSet>>();
  /** The files each loaded set read (absolute), by its key: what a path deleted may have taken away. */
  private readonly read = new Map<string, readonly string[]>();

  constructor(
    private readonly cwd: string,
    private readonly options: {
      maxFileBytes?: number;
      /** Only files inside `cwd` may be read: a pattern that leads out of it ("../x", "/etc/x") is refused, as a problem of its set. */
      confine?: boolean;
      /**
       * Called with each set once it is loaded, and the patterns it read (a host that watches files learns which
       * ones the set read, and where a new one would join it).
       */
      onLoaded?: (set: ReferenceSet, patterns: readonly string[]) => void;
    } = {},
  ) {}

  get(patterns: readonly string[], signal?: AbortSignal): Promise<ReferenceSet> {
    const unique = [...new Set(patterns)].sort();
    const key = setKey(unique);
    let set = this.sets.get(key);
    if (!set) {
      const made = this.load(unique, signal);
      set = made;
      this.sets.set(key, made);
      made.then(
        (loaded) => {
          if (this.sets.get(key) === made) this.read.set(key, loaded.files.map((f) => resolve(this.cwd, f)));
        },
        // A cancelled load must not poison the cache for the next run.
        () => this.sets.get(key) === made && this.sets.delete(key),
      );
    }
    return set;
  }

  /** Forgets the set of `patterns`: the next `get` reads them again (a host no longer watches files it read). */
  forget(patterns: readonly string[]): void {
    this.drop(setKey([...new Set(patterns)].sort()));
  }

  /**
   * Forgets the sets that read a file at `path` (absolute, now deleted) or below it, or name one there (a file a host
   * listed that could not be used, an empty one say), and those still loading whose patterns find it; a path no set
   * read (a file named NOTES, a folder of drafts) forgets none, so that its index stays. Says whether it forgot any.
   */
  forgetHolding(path: string): boolean {
    let forgot = false;
    for (const key of [...this.sets.keys()]) {
      const patterns = keyPatterns(key);
      const read = this.read.get(key);
      const named = patterns.map((p) => resolve(this.cwd, splitPattern(p).base));
      const held = read ? [...read, ...named].some((f) => !liesOutside(path, f)) : patterns.some((p) => patternCovers(this.cwd, p, path));
      if (!held) continue;
      this.drop(key);
      forgot = true;
    }
    return forgot;
  }

  private drop(key: string): void {
    this.sets.delete(key);
    this.read.delete(key);
  }

  /**
   * Forgets the sets that a file or folder created, deleted or edited at `path` (absolute; `kind` where known) may
   * change, and only those: one of their patterns finds it (`patternCovers`, the rule that leaves results out of
   * date). `listed` are patterns (folders, globs) that a host lists file by file before asking for a set: those that
   * find `path` list other files now, and the sets made from their old lists (that read a file one of them finds)
   * are forgotten too, or they would stay loaded, never asked for again. Says whether it forgot any.
   */
  forgetCovering(path: string, kind: PathKind, listed: readonly string[] = []): boolean {
    const changedLists = listed.filter((l) => patternCovers(this.cwd, l, path, kind));
    const finds = (patterns: readonly string[]): boolean =>
      patterns.some((p) => patternCovers(this.cwd, p, path, kind) || changedLists.some((l) => patternCovers(this.cwd, l, resolve(this.cwd, p), 'file')));
    let forgot = false;
    for (const key of [...this.sets.keys()]) {
      if (!finds(keyPatterns(key))) continue;
      this.drop(key);
      forgot = true;
    }
    return forgot;
  }

  /**
   * The files `patterns` name, by `fileIdentity`, without reading them (nor saying their problems: the run that
   * loads them does); a pattern a confined run refuses names none.
   */
  async identities(patterns: readonly string[], signal?: AbortSignal): Promise<string[]> {
    const allowed = patterns.filter((p) => !this.outside(p));
    const { found } = await findReferenceFiles(allowed, { cwd: this.cwd, signal, confine: this.options.confine });
    return [...found.keys()];
  }

  private outside(pattern: string): boolean {
    if (!this.options.confine) return false;
    // A glob's alternatives are paths too: "{x,..}/**" or "{x,/tmp}/**" would walk outside the folder (and name
    // what it finds there) before the real-path check refuses a single file.
    return /[{,]\s*(?:[\\/]|[A-Za-z]:)/.test(pattern) || mayLeadOut(this.cwd, pattern);
  }

  private async load(patterns: string[], signal?: AbortSignal): Promise<ReferenceSet> {
    const refused: InputError[] = [];
    const allowed: string[] = [];
    for (const p of patterns) {
      if (this.outside(p)) refused.push(outsideFolder(p));
      else allowed.push(p);
    }
    const loaded = await loadReferences(allowed, { cwd: this.cwd, signal, maxFileBytes: this.options.maxFileBytes, confine: this.options.confine });
    const set = { index: indexReferences(loaded.passages), files: loaded.files, passages: loaded.passages.length, problems: [...refused, ...loaded.problems] };
    this.options.onLoaded?.(set, allowed);
    return set;
  }
}

/** One list of patterns, however ordered or repeated: one set. */
function setKey(sortedUnique: readonly string[]): string {
  return sortedUnique.join('\0');
}

function keyPatterns(key: string): string[] {
  return key ? key.split('\0') : [];
}

export interface Progress {
  /** Documents finished so far (checked or skipped). */
  done: number;
  total: number;
  /** The document that just finished. */
  file: string;
  /** Its report, when it was checked: a caller can show it before the run ends (a long scan shows results as they come). */
  report?: FileReport;
  /** The reference files its check read (its set's `files`), when it was checked: an edit to one makes the report out of date. */
  references?: readonly string[];
}

export interface CheckFilesOptions {
  /** Folder that relative paths (documents, references) are resolved against. */
  cwd: string;
  /** Documents, as they should appear in reports: relative to `cwd` where possible. */
  files: readonly string[];
  grader: Grader;
  /** Reference patterns (relative to `cwd`) for one document, before its own `<!-- claimcheck: -->` comments. */
  referencesFor: (file: string) => readonly string[];
  /** Share a loader across runs to skip re-indexing; default: a fresh one. */
  references?: ReferenceSets;
  accepted?: ReadonlySet<string>;
  maxFileBytes?: number;
  /** Grade calls at once: documents in flight, except that a batching grader joins small documents into one call. */
  concurrency?: number;
  topK?: number;
  signal?: AbortSignal;
  /** Language of the reasons ClaimCheck itself writes (see `CheckOptions.language`). */
  language?: ReasonLanguage;
  /** Also read each document's references against it: which of their statements it leaves out. */
  coverage?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Called once per input that could not be used; the run goes on. */
  onProblem?: (problem: InputError) => void;
  /** Reference sets whose problems the caller has already reported (the CLI reports those it loads first). */
  reported?: Set<ReferenceSet>;
  /** Only documents that really lie inside `cwd` are read (Restricted Mode): a link that leads out is refused. */
  confine?: boolean;
  /**
   * The text of a document the host reads itself (the CLI's standard input, an editor's text in Check Workspace),
   * having made the checks of `decodeText` (size, binary, blank; an editor's text is decoded already); undefined:
   * read the file.
   */
  readDocument?: (file: string) => Promise<string> | undefined;
}

export interface CheckFilesResult {
  /** Documents that were checked, in the order given. */
  files: FileReport[];
  problems: InputError[];
  /** True when the signal stopped the run: `files` holds what finished before. */
  cancelled: boolean;
  /** The grader failed the same way for GIVE_UP_AFTER documents in a row, so the rest were not checked. */
  gaveUp?: { reason: string; unchecked: number };
}

export async function checkFiles(options: CheckFilesOptions): Promise<CheckFilesResult> {
  const problems: InputError[] = [];
  const report = (p: InputError): void => {
    problems.push(p);
    options.onProblem?.(p);
  };
  const sets = options.references ?? new ReferenceSets(options.cwd, { maxFileBytes: options.maxFileBytes });
  // A set's problems are said once per run, however many documents use it.
  const reported = options.reported ?? new Set<ReferenceSet>();
  const inside = options.confine ? await insideFolder(options.cwd) : undefined;
  const readBy = new Map<string, readonly string[]>();

  const checkOne = async (file: string, grader: Grader): Promise<FileReport> => {
    const held = options.readDocument?.(file);
    if (!held && inside && !(await inside(resolve(options.cwd, file)))) throw outsideFolder(file);
    const text = await (held ?? readTextFile(resolve(options.cwd, file), { maxFileBytes: options.maxFileBytes, displayName: file }));
    const own = parseDirectives(text).references.map((r) => fromDocument(options.cwd, file, r));
    const patterns = [...options.referencesFor(file), ...own];
    if (!patterns.length) {
      throw new InputError(file, 'noReferences');
    }
    const set = await sets.get(patterns, options.signal);
    if (!reported.has(set)) {
      reported.add(set);
      set.problems.forEach(report);
    }
    if (!set.passages) throw new InputError(file, 'noReferenceLoaded');
    readBy.set(file, set.files);
    const format = /\.txt$/i.test(file) ? 'plaintext' : 'markdown';
    const findings = await checkText(text, set.index, { grader, format, accepted: options.accepted, topK: options.topK, signal: options.signal, language: options.language });
    return { path: file, text, findings, ...(options.coverage ? { coverage: await coverage(text, set.index.passages, { signal: options.signal }) } : {}) };
  };

  const run = await gradeEach(
    options.files,
    options.grader,
    async (file, grader) => {
      try {
        return await checkOne(file, grader);
      } catch (err) {
        if (isCancellation(err)) throw err;
        // Whatever else goes wrong with one document (input past a library's limits, say) is reported
        // against that document; the others are still checked.
        report(err instanceof InputError ? err : unexpectedProblem(file, err, 'uncheckable'));
        return undefined;
      }
    },
    {
      concurrency: options.concurrency ?? DEFAULT_FILE_CONCURRENCY,
      signal: options.signal,
      // A dead endpoint fails every document the same way (a hung one after 90 s each): stop asking.
      failure: (checked) => (checked.findings.length && checked.findings.every((f) => f.failed) ? checked.findings[0]!.reason : undefined),
      onDone: (done, i, report) => {
        const file = options.files[i]!;
        options.onProgress?.({ done, total: options.files.length, file, ...(report ? { report, references: readBy.get(file) ?? [] } : {}) });
      },
    },
  );
  const files = run.results.filter((r): r is FileReport => r !== undefined);
  return { files, problems, cancelled: run.cancelled, ...(run.gaveUp ? { gaveUp: { reason: run.gaveUp.reason, unchecked: run.gaveUp.untried } } : {}) };
}

/** A directive's path is relative to the document's folder, as a Markdown link is; the loader wants it relative to cwd. */
export function fromDocument(cwd: string, file: string, ref: string): string {
  if (isAbsolute(ref)) return ref;
  const abs = resolve(cwd, dirname(file), ref);
  return relative(cwd, abs).split('\\').join('/') || '.';
}
