// Check Workspace: every included file (minus references), a cancellable progress notification, a cost preview for
// LLM graders, bounded concurrency through the engine's `checkFiles`, and a summary.
import * as vscode from 'vscode';
import { openDocument } from './documents';
import { claimsToCheck, DEFAULT_TOP_K, searchFor } from '../core/check';
import { requestsAtMost } from '../core/cited';
import { splitDirectiveReferences } from '../core/directives';
import { describeProblem, type InputError } from '../core/errors';
import { insideFolder, outsideFolder, readTextFile } from '../core/references';
import { checkFiles } from '../core/run';
import type { FileReport } from '../core/report';
import { messages } from '../core/report/messages';
import { gaveUpLine } from '../core/streak';
import type { GradeRequest, Grader } from '../core/types';
import { skippedInWalk, WALK_SKIPS } from '../core/walk';
import { formatFor, type DocContext } from './checker';
import { checkEditorText } from './editorText';
import { uiLanguage } from './grader';
import { directivePath, directivePatterns, folderPatterns, relativeTo } from './references';
import { offerApiKey } from './notify';
import { withAbortableProgress } from './progress';
import { stepReporter } from './steps';
import type { PendingCheck } from './results';
import type { Services } from './services';

/** Options for automation (scripts, tests); the command palette passes none. */
export interface ScanOptions {
  /** Skip the cost question before an LLM scan. */
  skipCostPreview?: boolean;
  /** Only estimate what an LLM scan would spend; check nothing. */
  dryRun?: boolean;
  /** Cancels the scan like the notification's Cancel button (in-process callers only). */
  token?: vscode.CancellationToken;
}

export interface ScanEstimate {
  files: number;
  requests: number;
  promptTokens: number;
}

export interface ScanSummary {
  files: number;
  claims: number;
  contradicted: number;
  unsupported: number;
  /** Files that could not be checked (no references, unreadable, too large); the log says why. */
  skipped: number;
  /** Why, one line per skipped file as the log has it (files left when the grader gave up are only counted). */
  skippedReasons: string[];
  cancelled: boolean;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** Claims the grader could not judge (counted in `unsupported` too), and the first reason. */
  notJudged: number;
  notJudgedReason?: string;
  /** Workspace-relative paths of the files checked. */
  checked: string[];
}

interface FolderPlan {
  folder: vscode.WorkspaceFolder;
  ctx: DocContext & { base: vscode.Uri };
  grader: Grader;
  /** Relative paths of the files to check, with their reference patterns (an open document is read from its editor). */
  files: Map<string, string[]>;
}

const braces = (globs: readonly string[]): string => (globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`);

async function planFolder(s: Services, folder: vscode.WorkspaceFolder, stop: () => boolean): Promise<FolderPlan> {
  const ctx = { ...(await s.checker.context(folder.uri)), base: folder.uri };
  const include = ctx.project.include?.length ? ctx.project.include : ctx.settings.include;
  const filesExclude = Object.entries(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {})
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
  // An explicit exclude replaces `files.exclude` in findFiles, so both go in; and the walk's skips (hidden files and
  // folders, node_modules), so the search never enters them whatever `exclude` says.
  const exclude = [...(ctx.project.exclude ?? ctx.settings.exclude), ...filesExclude, ...WALK_SKIPS];
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, braces(include)),
    exclude.length ? new vscode.RelativePattern(folder, braces(exclude)) : undefined,
  );
  const references = new Set((await s.checker.folderReferences(ctx)).map((u) => u.toString()));
  const plan: FolderPlan = { folder, ctx, grader: await s.checker.grader(ctx), files: new Map() };
  const candidates: vscode.Uri[] = [];
  for (const uri of found) {
    if (references.has(uri.toString())) continue;
    // The CLI's rule for a folder (core/walk.ts), whatever the include globs say; said by the engine's matcher, not
    // left to findFiles's glob dialect.
    if (skippedInWalk(relativeTo(folder.uri, uri))) continue;
    // A folder nested in another is a workspace folder of its own: its files are planned there, once, against
    // its own references (VS Code gives a file the innermost folder).
    if (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() !== folder.uri.toString()) continue;
    candidates.push(uri);
  }
  // Files that some document's directive names are references too (the CLI's rule, core/directives.ts): read as the
  // check will read that document, so one it skips (too large, binary, badly encoded) names none, and a UTF-16 one
  // is read; expanded as the folder's own patterns are, since a directive may name a folder or a glob.
  const { documents } = await splitDirectiveReferences(candidates, {
    read: (uri) => textToScan(uri, relativeTo(folder.uri, uri), ctx.settings.maxFileSizeKB * 1024),
    resolve: (uri, ref) => directivePath(folder.uri, uri, ref),
    expand: async (patterns) => (await s.checker.references.expand(folder.uri, patterns)).map((u) => u.toString()),
    key: (uri) => uri.toString(),
    stop, // the caller sees the cancellation and uses none of this plan
  });
  for (const uri of documents) {
    if (stop()) break;
    const rel = relativeTo(folder.uri, uri);
    plan.files.set(rel, await s.checker.references.paths(folder.uri, folderPatterns(rel, ctx.settings, ctx.project)));
  }
  return plan;
}

/**
 * The text a scan checks of a file, or undefined where it skips the file (too large, binary, blank, unreadable): an
 * open document's from its editor, unsaved edits and all, after the checks the engine makes of a file; any other
 * as the engine reads it. The plan reads directives from it, and the estimate counts only what the scan will send.
 */
async function textToScan(uri: vscode.Uri, file: string, maxFileBytes: number): Promise<string | undefined> {
  const open = openDocument(uri)?.getText();
  try {
    if (open === undefined) return await readTextFile(uri.fsPath, { maxFileBytes, displayName: file });
    checkEditorText(file, open, maxFileBytes);
    return open;
  } catch {
    return undefined; // the scan says why it skips the file
  }
}

/** The requests an LLM scan would make, built as the pipeline builds them, for the engine's cost estimate. */
async function estimate(s: Services, plans: readonly FolderPlan[], signal: AbortSignal): Promise<ScanEstimate> {
  let requests = 0;
  let promptTokens = 0;
  let files = 0;
  for (const plan of plans) {
    const config = s.graders.config(plan.ctx.settings, plan.ctx.project);
    if (config.kind !== 'openai') continue;
    const all: GradeRequest[] = [];
    const texts: { uri: vscode.Uri; text: string; languageId: string }[] = [];
    for (const rel of plan.files.keys()) {
      const uri = vscode.Uri.joinPath(plan.folder.uri, rel);
      const text = await textToScan(uri, rel, plan.ctx.settings.maxFileSizeKB * 1024);
      if (text !== undefined) texts.push({ uri, text, languageId: /\.txt$/i.test(rel) ? 'plaintext' : 'markdown' });
    }
    for (const t of texts) {
      const rel = relativeTo(plan.folder.uri, t.uri);
      const patterns = [...(plan.files.get(rel) ?? []), ...directivePatterns(plan.folder.uri, t.uri, t.text)];
      if (!patterns.length) continue;
      const set = await s.checker.references.load(plan.folder.uri, patterns, signal).catch(() => undefined);
      if (!set?.passages) continue;
      const accepted = new Set(plan.ctx.project.accepted ?? []);
      files++;
      const { requests: first, cites } = await searchFor(t.text, await claimsToCheck(t.text, { format: formatFor(t.languageId), accepted }, signal), set.index, DEFAULT_TOP_K, signal);
      all.push(...requestsAtMost(first, cites, set.index, DEFAULT_TOP_K));
    }
    const e = await s.graders.estimate(all, config);
    requests += e.requests;
    promptTokens += e.promptTokens;
  }
  return { requests, promptTokens, files };
}

export async function scanWorkspace(s: Services, options: ScanOptions = {}): Promise<ScanSummary | ScanEstimate | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check a workspace.'));
    return undefined;
  }
  const summary: ScanSummary = { files: 0, claims: 0, contradicted: 0, unsupported: 0, skipped: 0, skippedReasons: [], cancelled: false, requests: 0, promptTokens: 0, completionTokens: 0, notJudged: 0, checked: [] };
  // Finding the files takes seconds in a large workspace: shown, and cancellable, like the check itself.
  const plans: FolderPlan[] = [];
  const planned = await withAbortableProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('ClaimCheck: finding the files to check'), cancellable: true },
    async (signal) => {
      const stop = (): boolean => signal.aborted;
      for (const folder of folders) {
        if (stop()) return false;
        plans.push(await planFolder(s, folder, stop));
      }
      return !stop();
    },
    options.token,
  );
  if (!planned) return { ...summary, cancelled: true };
  const total = plans.reduce((n, p) => n + p.files.size, 0);
  const llm = plans.some((p) => p.grader.info.id === 'openai');
  for (const plan of plans) {
    // Before the cost question: nothing could be sent, so there is nothing to estimate or to mark.
    const unusable = await s.graders.unusable(plan.ctx.settings, plan.ctx.project);
    if (!unusable) continue;
    s.log.warn(unusable);
    offerApiKey(s, vscode.l10n.t('ClaimCheck cannot check the workspace: {0}. Set an API key, or set claimcheck.grader to "offline".', unusable), unusable);
    return undefined;
  }

  if (options.dryRun) return estimate(s, plans, new AbortController().signal);
  if (llm && !options.skipCostPreview && total > 0) {
    const e = await estimate(s, plans, new AbortController().signal);
    const go = vscode.l10n.t('Check');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Check {0} files with the OpenAI-compatible grader?', e.files),
      { modal: true, detail: vscode.l10n.t('Estimated: {0} requests, about {1} prompt tokens (claims already in the cache cost nothing).', e.requests, e.promptTokens) },
      go,
    );
    if (answer !== go) return { ...summary, cancelled: true };
  }

  const before = new Map(plans.map((p) => [p.grader, p.grader.usage()]));
  await withAbortableProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('ClaimCheck: checking the workspace'), cancellable: true },
    async (signal, progress) => {
      let done = 0;
      const show = stepReporter((u) => progress.report(u), total, (n) => vscode.l10n.t('{0} of {1} files', n, total));
      const step = (): void => show(++done);
      try {
        for (const plan of plans) {
          await runFolder(s, plan, signal, summary, step);
          if (signal.aborted) break;
        }
      } finally {
        summary.cancelled = signal.aborted;
      }
    },
    options.token,
  );
  for (const [grader, start] of before) {
    const now = grader.usage();
    summary.requests += now.requests - start.requests;
    summary.promptTokens += now.promptTokens - start.promptTokens;
    summary.completionTokens += now.completionTokens - start.completionTokens;
  }
  report(s, summary, llm);
  return summary;
}

async function runFolder(s: Services, plan: FolderPlan, signal: AbortSignal, summary: ScanSummary, step: () => void): Promise<void> {
  const { folder, ctx } = plan;
  const skip = (message: string): void => {
    s.log.warn(message);
    summary.skipped++;
    summary.skippedReasons.push(message);
  };
  const maxFileBytes = ctx.settings.maxFileSizeKB * 1024;
  const tally = (uri: vscode.Uri, claims: number, findings: readonly { verdict: string; failed?: boolean; reason: string }[]): void => {
    summary.files++;
    for (const f of findings) {
      if (!f.failed) continue;
      summary.notJudgedReason ??= f.reason;
      summary.notJudged++;
    }
    summary.claims += claims;
    summary.contradicted += findings.filter((f) => f.verdict === 'contradicted').length;
    summary.unsupported += findings.filter((f) => f.verdict === 'unsupported').length;
    summary.checked.push(vscode.workspace.asRelativePath(uri));
  };
  // In path order: a scan goes through the files the same way each time (the Problems panel fills in that order).
  const rels = [...plan.files.keys()].sort();
  // Each file's check begins when the engine reads it, minutes into a long scan maybe: only the edits made after
  // that move its findings (a file saved meanwhile already holds the earlier ones).
  const pending = new Map<string, PendingCheck>();
  // In Restricted Mode a repository's links must not choose which files of the disk are read and graded.
  const inside = vscode.workspace.isTrusted ? undefined : await insideFolder(folder.uri.fsPath);
  const read = (file: string): Promise<string> | undefined => {
    const uri = vscode.Uri.joinPath(folder.uri, file);
    pending.set(file, s.store.begin(uri));
    // An open document is read from its editor, unsaved edits and all, as its edits are recorded; grown past the
    // size limit since the scan began, it is too large, as it would be on disk (the disk holds other text).
    const text = openDocument(uri)?.getText();
    if (text === undefined) return undefined;
    return (async () => {
      checkEditorText(file, text, maxFileBytes);
      if (inside && !(await inside(uri.fsPath))) throw outsideFolder(file);
      return text;
    })();
  };

  // Each file's findings are shown as soon as it is checked: a long scan with an LLM grader fills the Problems panel as it goes.
  const publish = (file: FileReport, references: readonly string[]): void => {
    const p = pending.get(file.path);
    if (!p) return;
    pending.delete(file.path);
    const uri = vscode.Uri.joinPath(folder.uri, file.path);
    s.store.complete(p, {
      base: folder.uri,
      grader: plan.grader.info,
      findings: file.findings,
      // The files its check read, its directive's and those of a folder or glob outside the workspace too: an
      // edit to one of them makes the result out of date; and the patterns it read them by, a file created where
      // one finds it too.
      references,
      patterns: [...folderPatterns(file.path, ctx.settings, ctx.project), ...directivePatterns(folder.uri, uri, file.text)],
      projectReferences: ctx.project.references,
      text: file.text,
    });
    tally(uri, file.findings.length, file.findings);
  };
  try {
    const result = await checkFiles({
      cwd: folder.uri.fsPath,
      files: rels,
      grader: plan.grader,
      referencesFor: (file) => plan.files.get(file) ?? [],
      references: s.checker.references.forFolder(folder.uri),
      confine: !!inside,
      accepted: new Set(ctx.project.accepted ?? []),
      maxFileBytes,
      readDocument: read,
      concurrency: ctx.settings.scanConcurrency,
      signal,
      language: uiLanguage(),
      onProgress: (progress) => {
        if (progress.report) publish(progress.report, progress.references ?? []);
        step();
      },
      onProblem: (p: InputError) => {
        if (plan.files.has(p.file)) skip(describeProblem(p, uiLanguage()));
        else s.log.warn(describeProblem(p, uiLanguage()));
      },
    });
    if (result.gaveUp) {
      // Counted as skipped: the summary's "claims not judged" says why.
      s.log.warn(gaveUpLine(result.gaveUp.reason, result.gaveUp.unchecked));
      summary.skipped += result.gaveUp.unchecked;
    }
  } finally {
    for (const p of pending.values()) s.store.end(p);
  }
}

function report(s: Services, summary: ScanSummary, llm: boolean): void {
  // Counts as "label: n", which reads right for one and for many, in English and Japanese alike; a
  // cancelled scan says so first, so its counts do not read as a result.
  const parts = [
    ...(summary.cancelled ? [vscode.l10n.t('Cancelled.')] : []),
    vscode.l10n.t('Files checked: {0}, claims: {1}, contradicted: {2}, unsupported: {3}.', summary.files, summary.claims, summary.contradicted, summary.unsupported),
  ];
  if (summary.skipped) parts.push(vscode.l10n.t('Files skipped: {0} (see the log).', summary.skipped));
  if (llm) parts.push(vscode.l10n.t('{0} requests, {1} prompt tokens.', summary.requests, summary.promptTokens));
  if (summary.notJudged) parts.push(vscode.l10n.t('{0} claims not judged: {1}', summary.notJudged, summary.notJudgedReason ?? ''));
  const message = vscode.l10n.t('ClaimCheck: {0}', messages(uiLanguage()).sentences(parts));
  s.log.info(message);
  const openLog = vscode.l10n.t('Open Log');
  void vscode.window.showInformationMessage(message, openLog).then((choice) => {
    if (choice === openLog) s.log.show();
  });
}
