// One typed map of command ids to handlers. Each handler validates its arguments (commands can be called by anyone)
// and returns a result, so tests and scripts can read what happened.
import * as vscode from 'vscode';
import { isBlank } from '../core/references';
import { openDocument } from './documents';
import { type CheckOutcome } from './checker';
import { COMMANDS, type CommandName } from './commandIds';
import { showCoverage } from './coverage';
import { measureGrader } from './measure';
import { withAbortableProgress } from './progress';
import type { Span } from './offsets';
import { notify, offerApiKey, reportError, reportNotJudged } from './notify';
import { acceptClaimHash, addReferencePaths } from './projectConfig';
import { claimNode } from './claimsView';
import { findQuote } from './quote';
import { baseFor, configPath, evidenceUri } from './references';
import { scanWorkspace, type ScanOptions } from './scan';
import type { Services } from './services';
import { CHECKED_LANGUAGES } from './status';

type Handler = (...args: unknown[]) => unknown;

const asUri = (v: unknown): vscode.Uri | undefined =>
  v instanceof vscode.Uri ? v : typeof v === 'string' && /^[a-z][\w+.-]*:/i.test(v) ? vscode.Uri.parse(v) : undefined;

/** Runs a check of one document and tells the user what needs telling (never a silent empty result). */
export async function checkDocument(
  s: Services,
  doc: vscode.TextDocument,
  options: { selections?: readonly vscode.Selection[]; quiet?: boolean } = {},
): Promise<CheckOutcome> {
  const spans = selectedSpans(doc, options.selections ?? []);
  const llm = s.settings.get(doc.uri).grader === 'openai';
  const outcome = await withAbortableProgress(
    {
      location: llm && !options.quiet ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
      title: vscode.l10n.t('ClaimCheck: checking {0}', vscode.workspace.asRelativePath(doc.uri)),
      cancellable: llm,
    },
    (signal) => s.checker.check({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId, spans, signal }),
  );
  if (outcome.status === 'no-references' && outcome.message) {
    s.log.warn(outcome.message);
    // A save in a project that has no references is not a request to check: only the log hears of it.
    if (!options.quiet) {
      const add = vscode.l10n.t('Add Reference');
      void notify(s, 'warning', outcome.message, add).then((c) => {
        if (c === add) void vscode.commands.executeCommand(COMMANDS.addReference, undefined, doc.uri);
      });
    }
  } else if (outcome.status === 'is-reference' && outcome.message && !options.quiet) {
    void vscode.window.showInformationMessage(outcome.message);
  } else if (outcome.status === 'no-key' && outcome.message) {
    s.log.warn(outcome.message);
    if (!options.quiet) offerApiKey(s, outcome.message, outcome.message);
  } else if ((outcome.status === 'too-large' || outcome.status === 'not-text') && outcome.message) {
    s.log.warn(outcome.message);
    if (!options.quiet) void vscode.window.showWarningMessage(outcome.message);
  }
  if (outcome.problems?.length) {
    // Checked with what could be read; say once what could not (the log has each).
    const first = outcome.problems[0]!;
    const message = outcome.problems.length === 1 ? vscode.l10n.t('ClaimCheck: {0}', first) : vscode.l10n.t('ClaimCheck: {0} inputs could not be used; the first: {1}', outcome.problems.length, first);
    void notify(s, 'warning', message);
  }
  if (outcome.status === 'checked' && outcome.claims === 0 && !options.quiet) {
    const where = !spans ? vscode.workspace.asRelativePath(doc.uri) : spans.length > 1 ? vscode.l10n.t('the selections') : vscode.l10n.t('the selection');
    void vscode.window.showInformationMessage(vscode.l10n.t('No checkable claims in {0}: headings, code, questions and small talk are not claims.', where));
  }
  const failed = outcome.findings.filter((f) => f.failed);
  if (failed.length) reportNotJudged(s, failed.length, failed[0]!.reason);
  return outcome;
}

/**
 * The parts of `doc` to check: every non-empty selection (multi-cursor), in document order; undefined for the whole
 * document, when nothing is selected or a selection is everything (Select All: checked as such, not as "only a
 * selection").
 */
function selectedSpans(doc: vscode.TextDocument, selections: readonly vscode.Selection[]): Span[] | undefined {
  const whole = new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
  const selected = selections.filter((sel) => !sel.isEmpty);
  if (!selected.length || selected.some((sel) => sel.isEqual(whole))) return undefined;
  return selected.map((sel) => ({ start: doc.offsetAt(sel.start), end: doc.offsetAt(sel.end) })).sort((a, b) => a.start - b.start);
}

/**
 * With no text editor active (the Get Started walkthrough or a preview has the focus), the Markdown or text document
 * shown beside it: the walkthrough's Check Claims button checks the answer the user opened next to it.
 */
function visibleProseEditor(): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => CHECKED_LANGUAGES.includes(e.document.languageId) && e.document.uri.scheme !== 'output');
}

export function createHandlers(s: Services): Record<CommandName, Handler> {
  const handlers: Record<CommandName, Handler> = {
    checkClaims: async (arg) => {
      const editor = vscode.window.activeTextEditor ?? visibleProseEditor();
      const uri = asUri(arg);
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown or text document to check its claims.'));
        return undefined;
      }
      const selections = editor?.document === doc ? editor.selections : [];
      // Other languages (JSON, code) are checked only where the user selects prose: their syntax is no claim.
      if (!CHECKED_LANGUAGES.includes(doc.languageId) && selections.every((sel) => sel.isEmpty)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('ClaimCheck checks Markdown and plain text. To check text in a {0} document, select it first.', doc.languageId));
        return undefined;
      }
      return checkDocument(s, doc, { selections });
    },

    checkWorkspace: (arg) => {
      const o = (arg && typeof arg === 'object' ? arg : {}) as Record<string, unknown>;
      const options: ScanOptions = { skipCostPreview: o.skipCostPreview === true, dryRun: o.dryRun === true };
      if (o.token && typeof (o.token as vscode.CancellationToken).onCancellationRequested === 'function') options.token = o.token as vscode.CancellationToken;
      return scanWorkspace(s, options);
    },

    clear: () => {
      s.store.clear();
      return true;
    },

    addReference: async (files, forDocument) => {
      // From the Explorer: (clicked, all selected); from a message or a script: (files, the document it is for).
      const selected = Array.isArray(forDocument) ? forDocument : undefined;
      const target = (selected ? undefined : asUri(forDocument)) ?? vscode.window.activeTextEditor?.document.uri;
      // Where the document's checks read .claimcheck.json (baseFor): a file outside the workspace has its own folder's.
      const folder = (target && baseFor(target)) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!folder) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: references are recorded in its .claimcheck.json.'));
        return undefined;
      }
      const given = (selected ?? (Array.isArray(files) ? files : [files])).map(asUri).filter((u): u is vscode.Uri => !!u);
      const picked = given.length
        ? given
        : await vscode.window.showOpenDialog({
            canSelectMany: true,
            defaultUri: folder,
            openLabel: vscode.l10n.t('Add Reference'),
            title: vscode.l10n.t('Reference documents to check claims against'),
            filters: { [vscode.l10n.t('References')]: ['md', 'markdown', 'txt', 'html', 'htm'] },
          });
      if (!picked?.length) return undefined;
      const paths = picked.map((u) => configPath(folder, u));
      await addReferencePaths(folder, paths, s.settings.get(folder).references);
      // Out of date: this folder's results, not every folder's.
      s.checker.references.clear(folder);
      s.log.info(`Added references to .claimcheck.json: ${paths.join(', ')}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Added to .claimcheck.json: {0}', paths.join(', ')));
      const doc = target && openDocument(target);
      if (doc && forDocument) void checkDocument(s, doc).catch((e: unknown) => reportError(s, COMMANDS.addReference, e));
      return paths;
    },

    setApiKey: async (arg) => {
      // The key is for the endpoint the active document's checks send to, named in the prompt: it is never sent
      // to another one (a workspace that later changes the base URL gets no key until one is set for it).
      const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      const ctx = uri ? await s.checker.context(uri) : { settings: s.settings.get(undefined), project: {} };
      const endpoint = s.graders.endpoint(ctx.settings, ctx.project);
      const key =
        typeof arg === 'string'
          ? arg
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('ClaimCheck: API key for {0}', endpoint),
              prompt: vscode.l10n.t('Stored in VS Code secret storage, never in settings, and sent only to {0}. Leave empty to remove the key.', endpoint),
              password: true,
              ignoreFocusOut: true,
            });
      if (key === undefined) return false;
      await s.graders.setKey(endpoint, key.trim());
      s.log.info(key.trim() ? `API key for ${endpoint} stored in secret storage` : `API key for ${endpoint} removed from secret storage`);
      if (typeof arg !== 'string') {
        void vscode.window.showInformationMessage(key.trim() ? vscode.l10n.t('API key for {0} saved in secret storage.', endpoint) : vscode.l10n.t('API key for {0} removed.', endpoint));
      }
      return true;
    },

    showOutput: () => {
      s.log.show();
      return true;
    },

    measureGrader: (arg) => measureGrader(s, asUri(arg)),

    showCoverage: (arg) => showCoverage(s, asUri(arg)),

    openEvidence: async (file, line, quote) => {
      // From the Claims view's menu: the claim's first evidence.
      const node = claimNode(file);
      const first = node?.stored.finding.evidence[0];
      if (node && first) return handlers.openEvidence(evidenceUri(node.result.base, first.source), first.line, first.quote);
      const uri = asUri(file);
      if (!uri) return false;
      const doc = await vscode.workspace.openTextDocument(uri);
      const l = Math.min(Math.max(0, (typeof line === 'number' ? line : 1) - 1), doc.lineCount - 1);
      let range = doc.lineAt(l).range;
      if (typeof quote === 'string' && quote.trim()) {
        // Select the quote itself where it starts on (or near) that line, as written (character references and all).
        const found = findQuote(doc.getText(), quote, doc.offsetAt(new vscode.Position(l, 0)));
        if (found && doc.positionAt(found.start).line - l < 5) range = new vscode.Range(doc.positionAt(found.start), doc.positionAt(found.end));
      }
      await vscode.window.showTextDocument(doc, { selection: range, preview: true, viewColumn: vscode.ViewColumn.Beside });
      return true;
    },

    acceptClaim: async (file, hash) => {
      const node = claimNode(file);
      if (node) return handlers.acceptClaim(node.result.uri, node.stored.hash);
      const uri = asUri(file);
      const folder = uri && baseFor(uri);
      if (!uri || !folder || typeof hash !== 'string') return false;
      await acceptClaimHash(folder, hash);
      // Accepted for the folder (.claimcheck.json): the same sentence goes quiet in its other documents too.
      s.store.removeHash(folder, hash);
      s.log.info(`Accepted claim ${hash} in ${vscode.workspace.asRelativePath(uri)}`);
      return true;
    },
  };
  return handlers;
}

/** Registers every handler under its id, each wrapped so that errors are shown once and logged. */
export function registerCommands(s: Services): vscode.Disposable[] {
  const handlers = createHandlers(s);
  return (Object.keys(COMMANDS) as CommandName[]).map((name) =>
    vscode.commands.registerCommand(COMMANDS[name], async (...args: unknown[]) => {
      try {
        return await handlers[name](...args);
      } catch (e) {
        reportError(s, COMMANDS[name], e);
        return undefined;
      }
    }),
  );
}

/** Checks Markdown and text documents on save, when `claimcheck.checkOnSave` allows it for the grader in use. */
export function checkOnSave(s: Services): vscode.Disposable {
  return vscode.workspace.onDidSaveTextDocument(async (doc) => {
    if (!CHECKED_LANGUAGES.includes(doc.languageId) || doc.uri.scheme !== 'file') return;
    // A blank document has nothing to check, and a save is no request to check: nothing to say, in the log or the
    // status item (Check Claims, which is a request, still says it is empty).
    if (isBlank(doc.getText())) return;
    try {
      const ctx = await s.checker.context(doc.uri);
      if (!s.graders.checkOnSave(ctx.settings, ctx.project)) return;
      await checkDocument(s, doc, { quiet: true });
    } catch (e) {
      reportError(s, 'check on save', e);
    }
  });
}
