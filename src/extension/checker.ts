// Checks one text (an open document or a selection) through the engine, and publishes the result.
import * as vscode from 'vscode';
import { checkText } from '../core/check';
import { renamedReferences } from '../core/config';
import type { TextFormat } from '../core/claims';
import { CancelledError, describeProblem, InputError } from '../core/errors';
import { sayProblem } from '../core/problems';
import type { Finding, Grader, GraderInfo } from '../core/types';
import { checkEditorText } from './editorText';
import { uiLanguage, type GraderProvider } from './grader';
import type { ReferenceSet } from '../core/run';
import type { Span } from './offsets';
import { projectConfigUri, readProjectConfig, renameProjectPaths, type ProjectConfig } from './projectConfig';
import { SerialQueue } from './serial';
import { baseFor, directivePatterns, folderPatterns, pathInside, relativeTo, type ReferenceCache } from './references';
import type { PendingCheck, ResultStore } from './results';
import type { Settings, SettingsCache } from './settings';
import { CHECKED_LANGUAGES } from './status';
import { UNCHECKED, type UncheckedStatus } from './statusView';

export type CheckStatus = 'checked' | UncheckedStatus | 'cancelled' | 'superseded';

/** What a check returns to its caller (commands return it, so tests and scripts can read it). */
export interface CheckOutcome {
  uri: string;
  status: CheckStatus;
  /** The message shown to the user, when there was one. */
  message?: string;
  claims: number;
  /** Contradicted and unsupported claims; offsets into the checked text. */
  findings: Finding[];
  /** Reference files used, as evidence names them. */
  references: string[];
  grader?: GraderInfo;
  /**
   * Inputs of this check that could not be used while the check could go on: references (a missing or empty
   * file beside good ones) the first time a check uses the set, and `.claimcheck.json` warnings the first time.
   */
  problems?: string[];
}

export interface CheckInput {
  uri: vscode.Uri;
  text: string;
  languageId: string;
  /** Only the claims inside these spans (the selections, in order, apart); undefined: the whole document. */
  spans?: readonly Span[];
  signal?: AbortSignal;
}

/** Everything a check of one document needs to know about where it stands. */
export interface DocContext {
  settings: Settings;
  project: ProjectConfig;
  /** The workspace folder (or the document's folder); undefined for an untitled document outside any folder. */
  base: vscode.Uri | undefined;
  /** What `.claimcheck.json` says that is ignored (an unknown key), one line each. */
  warnings: string[];
}

const isUnchecked = (status: CheckStatus): status is UncheckedStatus => (UNCHECKED as readonly string[]).includes(status);

/**
 * The text to read claims from. In another language (JSON, code) only the selection is prose: the syntax around
 * it is blanked (same length, so offsets hold), or a claim would run on into the quotes and braces beside it.
 */
function proseOf(input: { text: string; spans?: readonly Span[]; languageId: string }): string {
  const { text, spans } = input;
  if (!spans || CHECKED_LANGUAGES.includes(input.languageId)) return text;
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  let prose = '';
  let at = 0;
  for (const span of spans) {
    prose += blank(text.slice(at, span.start)) + text.slice(span.start, span.end);
    at = span.end;
  }
  return prose + blank(text.slice(at));
}

export function formatFor(languageId: string): TextFormat {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

export class Checker {
  /** Reference sets whose unusable files a check has already shown, and `.claimcheck.json` warnings likewise. */
  private readonly announced = new WeakSet<ReferenceSet>();
  /** Reference sets whose unusable files are in the log. */
  private readonly logged = new WeakSet<ReferenceSet>();
  private readonly announcedWarnings = new Set<string>();
  /** Per folder, the references its `.claimcheck.json` gave when a check last read it (an edit may change only `accepted`). */
  private readonly projectReferences = new Map<string, string>();
  /** Renames whose `.claimcheck.json` entries are being rewritten, in order, each on its own (see SerialQueue). */
  private readonly renames = new SerialQueue();

  constructor(
    private readonly settings: SettingsCache,
    readonly references: ReferenceCache,
    private readonly graders: GraderProvider,
    private readonly store: ResultStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async context(uri: vscode.Uri): Promise<DocContext> {
    const base = baseFor(uri);
    const project = base ? await readProjectConfig(base) : { config: {}, warnings: [] };
    if (base) this.projectReferences.set(base.toString(), JSON.stringify(project.config.references ?? null));
    for (const w of project.warnings) this.log.warn(w);
    let config = project.config;
    // A file opened from a folder that is not in the workspace: nobody trusted that folder, so its .claimcheck.json
    // must not turn the offline default into a model it names (its text sent to that endpoint). Its references serve.
    if (config.grader && uri.scheme === 'file' && !vscode.workspace.getWorkspaceFolder(uri)) {
      this.log.warn(`${vscode.Uri.joinPath(base!, '.claimcheck.json').fsPath}: "grader" ignored: the folder is not open in the workspace`);
      config = { ...config, grader: undefined };
    }
    return { settings: this.settings.get(uri), project: config, base, warnings: project.warnings };
  }

  /**
   * The `.claimcheck.json` of `base` was written, created or deleted (by hand, git, Accept Claim): when the
   * references it gives are no longer those the last check read, the folder's results are out of date.
   */
  async projectChanged(base: vscode.Uri): Promise<void> {
    const key = base.toString();
    const before = this.projectReferences.get(key);
    if (before === undefined) return; // no check has read it
    // Unreadable or broken (saved halfway through an edit): whatever it will give, it is not what was read.
    const now = await readProjectConfig(base).then(
      (p) => JSON.stringify(p.config.references ?? null),
      () => undefined,
    );
    if (now === before) return;
    this.projectReferences.delete(key);
    this.references.clear(base);
  }

  /**
   * Files or folders renamed or moved (one at a time: each may rewrite the same file). Within the folder whose
   * `.claimcheck.json` serves them, its entries that name them follow them (a document's own references, a
   * reference path, include, exclude); accepted claims are kept by their text, not their path, and need nothing.
   * Moved to another folder, they leave that folder's file as it is: its entries belong to it, and its paths mean
   * nothing from the new one. Each file is a step of its own: one that fails unexpectedly goes to `onError` (the
   * user is told), and the others, of this rename and of later ones, are still followed.
   */
  followRenames(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[], onError: (err: unknown) => void): Promise<void> {
    let last = Promise.resolve();
    for (const { oldUri, newUri } of files) last = this.renames.add(() => this.followRename(oldUri, newUri), onError);
    return last;
  }

  private async followRename(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const base = baseFor(oldUri);
    const from = base && pathInside(base, oldUri);
    const to = base && baseFor(newUri)?.toString() === base.toString() ? pathInside(base, newUri) : undefined;
    if (!base || !from || !to) return;
    // What the last check read, renamed as the file will be: its rewrite leaves the folder's results up to date.
    const key = base.toString();
    const read = this.projectReferences.get(key);
    if (read !== undefined) this.projectReferences.set(key, JSON.stringify(renamedReferences(JSON.parse(read) ?? undefined, from, to) ?? null));
    const name = vscode.workspace.asRelativePath(projectConfigUri(base));
    try {
      if (await renameProjectPaths(base, from, to)) this.log.info(`${name}: the entries for ${from} now name ${to}`);
    } catch (e) {
      // A broken file is said when a check reads it; here only the log hears why it was left as it is.
      this.log.warn(`${name} not updated for ${from} renamed ${to}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  grader(ctx: DocContext): Promise<Grader> {
    return this.graders.get(ctx.settings, ctx.project);
  }

  /** Files of the folder that serve as references (never checked as answers), whatever document asks. */
  async folderReferences(ctx: DocContext): Promise<vscode.Uri[]> {
    return ctx.base ? this.references.expand(ctx.base, folderPatterns(undefined, ctx.settings, ctx.project)) : [];
  }

  /**
   * Reference patterns for one document, relative to its base: as the engine loads them (`load`, the folder's
   * files found plus its own directive's), and as they were given (`read`, folders and globs as they are: a file
   * created where one finds it leaves the result out of date).
   */
  async patternsFor(uri: vscode.Uri, text: string, ctx: DocContext & { base: vscode.Uri }): Promise<{ load: string[]; read: string[] }> {
    const folder = folderPatterns(relativeTo(ctx.base, uri), ctx.settings, ctx.project);
    const own = directivePatterns(ctx.base, uri, text);
    return { load: [...(await this.references.paths(ctx.base, folder)), ...own], read: [...folder, ...own] };
  }

  async check(input: CheckInput): Promise<CheckOutcome> {
    // Begin before the first await, so that every edit made after the text was read is recorded.
    const pending = this.store.begin(input.uri);
    try {
      return await this.run(input, pending);
    } catch (e) {
      if (e instanceof CancelledError || input.signal?.aborted) return this.outcome(input, 'cancelled');
      throw e;
    } finally {
      this.store.end(pending);
    }
  }

  private outcome(input: CheckInput, status: CheckStatus, message?: string, rest: Partial<CheckOutcome> = {}): CheckOutcome {
    return { uri: input.uri.toString(), status, message, claims: 0, findings: [], references: [], ...rest };
  }

  /**
   * The loaded references a document is checked against, or why there are none (it is no workspace file, it is
   * a reference itself, none is found or none could be read). Check Claims and Show Coverage share it.
   */
  async referenceSet(
    input: Pick<CheckInput, 'uri' | 'text' | 'signal'>,
    ctx: DocContext,
  ): Promise<{ set: ReferenceSet; base: vscode.Uri; patterns: string[] } | { status: 'no-references' | 'is-reference'; message: string }> {
    const name = vscode.workspace.asRelativePath(input.uri);
    const { base } = ctx;
    // What to do is what a scan's log says for a file with no references: one hint, in the engine's words.
    const add = sayProblem('noReferences', name, [], uiLanguage(), 'editor').hint;
    if (!base) return { status: 'no-references', message: vscode.l10n.t('No reference documents found for {0}: it is not in a workspace folder. {1}.', name, add) };
    if ((await this.folderReferences(ctx)).some((f) => f.toString() === input.uri.toString())) {
      return { status: 'is-reference', message: vscode.l10n.t('{0} is a reference document: ClaimCheck checks other documents against it.', name) };
    }
    const { load: patterns, read } = await this.patternsFor(input.uri, input.text, { ...ctx, base });
    const set = patterns.length ? await this.references.load(base, patterns, input.signal) : undefined;
    // A set's unusable files go to the log the first time a check uses it, and on screen with the first
    // outcome that is a result (a check that stops earlier, for a missing key say, has not shown them).
    if (set && !this.logged.has(set)) {
      this.logged.add(set);
      for (const p of set.problems) this.log.warn(describeProblem(p, uiLanguage()));
    }
    if (set?.passages) return { set, base, patterns: read };
    // Files were found but none gave text (empty, binary, unreadable): say so, the reasons are in the log.
    if (patterns.length) {
      return { status: 'no-references', message: vscode.l10n.t('None of the references for {0} could be used ({1}): the log says why. Fix them, or add another reference.', name, patterns.join(', ')) };
    }
    const looked = folderPatterns(relativeTo(base, input.uri), ctx.settings, ctx.project).join(', ');
    if (!looked) return { status: 'no-references', message: vscode.l10n.t('No reference documents found for {0}: no reference patterns are set (claimcheck.references is empty). {1}.', name, add) };
    return { status: 'no-references', message: vscode.l10n.t('No reference documents found for {0} (looked for: {1}). {2}.', name, looked, add) };
  }

  private async run(input: CheckInput, pending: PendingCheck): Promise<CheckOutcome> {
    const outcome = (status: CheckStatus, message?: string, rest: Partial<CheckOutcome> = {}): CheckOutcome => {
      // The status item says why there is no result, until a check gives one.
      if (message && isUnchecked(status)) this.store.noteUnchecked(pending, { status, message });
      return this.outcome(input, status, message, rest);
    };
    const name = vscode.workspace.asRelativePath(input.uri);
    const ctx = await this.context(input.uri);
    // What a scan checks of a file (size, binary, blank), in its words, of what is checked: a selection of a long
    // document is fine.
    const checked = input.spans ? input.spans.map((span) => input.text.slice(span.start, span.end)).join('') : input.text;
    try {
      checkEditorText(name, checked, ctx.settings.maxFileSizeKB * 1024);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Over the limit, the message says what a scan cannot: a selection of the document is checked.
      return outcome(e.kind === 'tooLarge' ? 'too-large' : 'not-text', describeProblem(e, uiLanguage(), 'open-document'));
    }
    const found = await this.referenceSet(input, ctx);
    if ('status' in found) return outcome(found.status, found.message);
    const { set, base, patterns } = found;
    // Nothing is marked "Not judged" claim by claim when no request could be sent at all: one message says why.
    const unusable = await this.graders.unusable(ctx.settings, ctx.project);
    if (unusable) return outcome('no-key', vscode.l10n.t('ClaimCheck cannot grade {0}: {1}. Set an API key, or set claimcheck.grader to "offline".', name, unusable));
    const grader = await this.grader(ctx);
    const started = Date.now();
    const prose = proseOf(input);
    const options = { grader, format: formatFor(input.languageId), signal: input.signal, accepted: new Set(ctx.project.accepted ?? []), language: uiLanguage() };
    const checkRange = (range: Span | undefined): Promise<Finding[]> => checkText(prose, set.index, { ...options, range });
    // Several selections (multi-cursor): each checked as a selection is, one after another, as one check.
    const all: Finding[] = [];
    for (const range of input.spans ?? [undefined]) all.push(...(await checkRange(range)));
    const findings = all.filter((f) => f.verdict !== 'supported');
    const judge = grader.info.model ? `${grader.info.id} ${grader.info.model}` : grader.info.id;
    this.log.info(`${name}: ${all.length} claims, ${findings.length} flagged (${judge}, ${Date.now() - started} ms)`);
    const published = this.store.complete(pending, {
      base,
      grader: grader.info,
      findings: all,
      references: set.files,
      patterns,
      projectReferences: ctx.project.references,
      spans: input.spans,
      text: input.text,
    });
    const problems = [...ctx.warnings.filter((w) => !this.announcedWarnings.has(w)), ...(this.announced.has(set) ? [] : set.problems.map((p) => describeProblem(p, uiLanguage())))];
    this.announced.add(set);
    for (const w of ctx.warnings) this.announcedWarnings.add(w);
    return outcome(published ? 'checked' : 'superseded', undefined, { claims: all.length, findings, references: set.files, grader: grader.info, ...(problems.length ? { problems } : {}) });
  }
}
