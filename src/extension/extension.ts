// ClaimCheck for VS Code: activate() is a list of registrations; everything it creates is disposed with the extension.
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../core/config';
import { Checker } from './checker';
import { ClaimsView, type ClaimsSnapshot } from './claimsView';
import { ClaimCodeActionProvider } from './codeActions';
import { checkOnSave, registerCommands } from './commands';
import { findingToDiagnostic } from './diagnostics';
import { GraderProvider } from './grader';
import { ClaimHoverProvider } from './hover';
import { reportError } from './notify';
import { evidenceUri, ReferenceCache } from './references';
import { ResultStore } from './results';
import type { Services } from './services';
import { SettingsCache } from './settings';
import { ClaimStatus, type StatusSnapshot } from './status';

/** What the extension offers other extensions (and its tests): the Claims view's rows, the status item, the folders watched. */
export interface ClaimCheckApi {
  claims(): ClaimsSnapshot[];
  status(): StatusSnapshot;
  /** The reference folders (and files) outside the workspace watched now: `folder/glob`. */
  watchedOutside(): string[];
}

export function activate(context: vscode.ExtensionContext): ClaimCheckApi {
  const log = vscode.window.createOutputChannel('ClaimCheck', { log: true });
  const settings = new SettingsCache();
  // One watcher of the workspace: deleted documents lose their findings, changed references drop their sets, an
  // edited .claimcheck.json may leave results out of date.
  const files = vscode.workspace.createFileSystemWatcher('**/*');
  const store = new ResultStore((result) => {
    const { severity } = settings.get(result.uri);
    return result.findings.flatMap((s) => findingToDiagnostic(s.finding, s.range, { severity, evidenceUri: (src) => evidenceUri(result.base, src) }) ?? []);
  }, files);
  const references = new ReferenceCache(() => settings.get(undefined).maxFileSizeKB * 1024, files);
  const graders = new GraderProvider(context, log, settings.onDidChange);
  const checker = new Checker(settings, references, graders, store, log);
  const services: Services = { context, log, settings, store, graders, checker };
  // Every language: a selection of prose in any document (a JSON string, a code comment) can be checked, and its
  // diagnostics need their hovers and fixes. The providers answer only where a result exists.
  const selector = '*';
  const claims = new ClaimsView(store, settings);
  const status = new ClaimStatus(store, settings);

  context.subscriptions.push(
    log,
    files,
    settings,
    store,
    references,
    graders,
    ...registerCommands(services),
    vscode.languages.registerHoverProvider(selector, new ClaimHoverProvider(store, settings)),
    vscode.languages.registerCodeActionsProvider(selector, new ClaimCodeActionProvider(store), {
      providedCodeActionKinds: ClaimCodeActionProvider.providedCodeActionKinds,
    }),
    status,
    claims,
    vscode.window.createTreeView('claimcheck.claims', { treeDataProvider: claims, showCollapseAll: true }),
    checkOnSave(services),
    settings.onDidChange(() => store.refresh()),
    // Which files are references, and which are small enough to read, are read once per set.
    vscode.workspace.onDidChangeConfiguration((e) => {
      // files.exclude decides which files a folder or glob of references expands to.
      if (['claimcheck.references', 'claimcheck.maxFileSizeKB', 'files.exclude'].some((k) => e.affectsConfiguration(k))) references.clear();
    }),
    references.onDidChange((change) => store.referencesChanged(change)),
    // Folders outside the workspace stay watched while a result read there.
    references.followResults(store),
    // A file renamed in the workspace: the entries of .claimcheck.json that name it follow it.
    vscode.workspace.onDidRenameFiles((e) => void checker.followRenames(e.files, (err) => reportError(services, 'Follow renames in .claimcheck.json', err))),
    ...[files.onDidCreate, files.onDidChange, files.onDidDelete].map((on) =>
      on((uri) => {
        if (uri.path.endsWith(`/${CONFIG_FILE}`)) void checker.projectChanged(vscode.Uri.joinPath(uri, '..'));
      }),
    ),
  );
  log.info(`ClaimCheck activated (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted: grader endpoint and model from user settings only'})`);
  return { claims: () => claims.snapshot(), status: () => status.snapshot(), watchedOutside: () => references.watchedOutside().map((t) => `${t.folder}/${t.glob}`) };
}

export function deactivate(): void {}
