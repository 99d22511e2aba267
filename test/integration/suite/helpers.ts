// Shared helpers of the integration suite: open fixture documents, run commands and wait for the
// diagnostics they publish (by event, never by a fixed sleep).
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { startOpenAIServer, type FakeOpenAIServer } from '../../fixtures/openai-server';

export const EXTENSION_ID = 'claimcheck.claimcheck';

export interface Outcome {
  uri: string;
  status: 'checked' | 'no-references' | 'is-reference' | 'cancelled' | 'superseded';
  message?: string;
  claims: number;
  findings: {
    text: string;
    start: number;
    end: number;
    verdict: string;
    confidence: number;
    reason: string;
    failed?: boolean;
    evidence: { source: string; line: number; quote: string }[];
    fix?: { start: number; end: number; text: string };
  }[];
  references: string[];
  grader?: { id: string; model?: string };
  problems?: string[];
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  await ext.activate();
}

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

export function file(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), ...rel.split('/'));
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(rel));
  return vscode.window.showTextDocument(doc);
}

/**
 * Opens a new untitled document with `content`. An untitled name closed a moment ago can be handed out again before
 * the extension host has dropped the closed document, and openTextDocument then returns that one, old text and all
 * (seen under CI load: a check of a new blank document read the binary one closed just before); so it waits for the
 * closed document to go, and opens again.
 */
export async function openUntitled(language: string, content: string): Promise<vscode.TextDocument> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const doc = await vscode.workspace.openTextDocument({ language, content });
    if ((doc.getText() === content && doc.languageId === language) || Date.now() > deadline) return doc;
    while (!doc.isClosed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
}

export function claimcheck(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ClaimCheck');
}

/**
 * Runs `action`, then resolves once the ClaimCheck diagnostics of `uri` satisfy `until` (checked at
 * each onDidChangeDiagnostics event for that document, and once after the action settles).
 */
export async function diagnosticsAfter<T>(
  uri: vscode.Uri,
  action: () => Thenable<T> | T,
  until: (d: vscode.Diagnostic[]) => boolean = () => true,
): Promise<{ result: T; diagnostics: vscode.Diagnostic[] }> {
  let settled = false;
  let result!: T;
  let sub: vscode.Disposable | undefined;
  const changed = new Promise<void>((resolve) => {
    const check = (): void => {
      if (settled && until(claimcheck(uri))) resolve();
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    void Promise.resolve(action()).then((r) => {
      result = r;
      settled = true;
      check();
    });
  });
  try {
    await changed;
  } finally {
    sub?.dispose();
  }
  return { result, diagnostics: claimcheck(uri) };
}

/** Runs Check Claims on the active editor and waits for its diagnostics. */
export async function checkClaims(uri: vscode.Uri, until?: (d: vscode.Diagnostic[]) => boolean): Promise<{ outcome: Outcome; diagnostics: vscode.Diagnostic[] }> {
  const { result, diagnostics } = await diagnosticsAfter(uri, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims'), until);
  return { outcome: result, diagnostics };
}

/**
 * The code actions at `range`, once ClaimCheck's diagnostics there have reached the workbench: VS Code passes a
 * provider the diagnostics its marker service holds, which under load can lag the extension host's by a moment
 * (the actions list is then empty). The workbench also cancels a code-action request when the document's model
 * changes under it (an editor opening on it, say), which fails the command with "Canceled": that is asked again.
 * Polls up to 10 s; returns what it last got.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range).then(
      (a) => a ?? [],
      (err: unknown) => {
        if (err instanceof Error && err.name === 'Canceled' && Date.now() <= deadline) return [];
        throw err;
      },
    );
    if (actions.some((a) => a.diagnostics?.some((d) => d.source === 'ClaimCheck')) || Date.now() > deadline) return actions;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The range of the first occurrence of `text` in the document. */
export function rangeOf(doc: vscode.TextDocument, text: string, from = 0): vscode.Range {
  const at = doc.getText().indexOf(text, from);
  assert.ok(at >= 0, `"${text}" is in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

/** Hover text with Markdown escapes removed. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/&nbsp;/g, ' ');
}

/** Restores a file of the workspace copy as it was (tests that write `.claimcheck.json` clean up). */
export async function removeIfExists(uri: vscode.Uri): Promise<void> {
  await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
}

/** Sets a user (global) `claimcheck.*` setting and waits until the extension host sees the change. */
export function setUserSetting(key: string, value: unknown): Promise<void> {
  return setSetting(key, value, vscode.ConfigurationTarget.Global);
}

/** Sets a workspace `claimcheck.*` setting (the folder's .vscode/settings.json) and waits until the extension host sees it. */
export function setWorkspaceSetting(key: string, value: unknown): Promise<void> {
  return setSetting(key, value, vscode.ConfigurationTarget.Workspace);
}

async function setSetting(key: string, value: unknown, target: vscode.ConfigurationTarget.Global | vscode.ConfigurationTarget.Workspace): Promise<void> {
  const config = vscode.workspace.getConfiguration('claimcheck');
  const inspected = config.inspect(key);
  // Setting a value it already has fires no change event: waiting for one would hang (a test's `finally` that
  // restores a setting its failed body never changed turned the failure into a timeout).
  if ((target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue) === value) return;
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`claimcheck.${key}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await config.update(key, value, target);
  await seen;
}

/**
 * Runs `change` and resolves once the extension host's file watcher has reported `uri` (or a file under it) in
 * `kinds`, through a watcher of the pattern the extension watches ('**' + '/*'), which gets the same events at the
 * same moment. A file created or deleted and not yet reported when a check runs is reported after it, and the
 * Markdown file then drops the references that check loaded, or leaves a deleted one in the list it read (both
 * seen under CI load). `again` says whether to run `change` again each 250 ms until the report comes: a watcher made
 * just now may not be listening yet.
 */
async function reported(uri: vscode.Uri, kinds: readonly ('create' | 'change' | 'delete')[], change: () => unknown, again: boolean): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', !kinds.includes('create'), !kinds.includes('change'), !kinds.includes('delete'));
  let seen = false;
  const see = (u: vscode.Uri): void => {
    if (u.toString() === uri.toString() || u.toString().startsWith(`${uri.toString()}/`)) seen = true;
  };
  const seeing = [watcher, watcher.onDidCreate(see), watcher.onDidChange(see), watcher.onDidDelete(see)];
  try {
    await change();
    for (let waited = 0; !seen; waited += 250) {
      assert.ok(waited < 45_000, `the file watcher never reported ${uri.path}`);
      await new Promise((r) => setTimeout(r, 250));
      if (again && !seen) await change();
    }
  } finally {
    seeing.forEach((d) => d.dispose());
  }
}

/** Writes `content` to `uri` on disk and resolves once the file watcher has reported it (`reported`). */
export function writeReported(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  return reported(uri, ['create', 'change'], () => writeFileSync(uri.fsPath, content), true);
}

/** Runs `make`, which creates `uri` (a folder made, or moved in with its files), and resolves once the file watcher has reported it. */
export function createReported(uri: vscode.Uri, make: () => void): Promise<void> {
  return reported(uri, ['create'], make, false);
}

/**
 * Deletes `uri` (a folder with what it holds) and resolves once the file watcher has reported it; for a file whose
 * creation was reported (`writeReported`), else a create and a delete may be coalesced into nothing.
 */
export function deleteReported(uri: vscode.Uri): Promise<void> {
  return reported(uri, ['delete'], () => rmSync(uri.fsPath, { recursive: true, force: true }), false);
}

/** Chooses the OpenAI grader in user settings against a fresh fake server, the key set (for it) through claimcheck.setApiKey; `undo` restores everything. */
export async function useOpenAIGrader(key: string, model: string): Promise<{ server: FakeOpenAIServer; undo: () => Promise<void> }> {
  const server = await startOpenAIServer();
  await setUserSetting('openai.baseUrl', server.baseURL);
  await setUserSetting('openai.model', model);
  await setUserSetting('grader', 'openai');
  // A key is for the endpoint configured when it is set.
  assert.equal(await vscode.commands.executeCommand('claimcheck.setApiKey', key), true);
  return {
    server,
    undo: async () => {
      await setUserSetting('grader', undefined);
      await setUserSetting('openai.baseUrl', undefined);
      await setUserSetting('openai.model', undefined);
      await vscode.commands.executeCommand('claimcheck.setApiKey', '');
      await server.close();
    },
  };
}
