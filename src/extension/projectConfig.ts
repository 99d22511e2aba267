// `.claimcheck.json` at a workspace folder's root, through the engine's parser, read and written with `workspace.fs`.
import * as vscode from 'vscode';
import { addAcceptedClaim, addReference, CONFIG_FILE, parseConfig, renameInConfig, type ProjectConfig } from '../core/config';
import { describeProblem } from '../core/errors';
import { uiLanguage } from './grader';

export type { ProjectConfig };

export function projectConfigUri(folder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(folder, CONFIG_FILE);
}

async function readText(folder: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(projectConfigUri(folder)));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/**
 * The folder's config and its warnings, one line each in the UI's language; a missing file is an empty config,
 * a broken one an `InputError` naming it.
 */
export async function readProjectConfig(folder: vscode.Uri): Promise<{ config: ProjectConfig; warnings: string[] }> {
  const text = await readText(folder);
  if (text === undefined) return { config: {}, warnings: [] };
  const { config, warnings } = parseConfig(text, projectConfigUri(folder).fsPath);
  return { config, warnings: warnings.map((w) => describeProblem(w, uiLanguage())) };
}

/** Rewrites the folder's file with `change`, which returns undefined where nothing changes (nothing is written then). */
async function edit(folder: vscode.Uri, change: (text: string | undefined, file: string) => string | undefined): Promise<boolean> {
  const file = projectConfigUri(folder);
  const next = change(await readText(folder), file.fsPath);
  if (next === undefined) return false;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(next));
  return true;
}

export async function acceptClaimHash(folder: vscode.Uri, hash: string): Promise<void> {
  await edit(folder, (text, file) => addAcceptedClaim(text, hash, file));
}

/** Its entries that name `from` (relative to the folder) follow it to `to`; whether the file changed. */
export function renameProjectPaths(folder: vscode.Uri, from: string, to: string): Promise<boolean> {
  return edit(folder, (text, file) => (text === undefined ? undefined : renameInConfig(text, from, to, file)));
}

/**
 * Records reference paths. When the file names no references yet, the current setting's patterns go in
 * first: from then on the file's list replaces the setting, and the user should lose none.
 */
export async function addReferencePaths(folder: vscode.Uri, paths: readonly string[], seed: readonly string[]): Promise<void> {
  await edit(folder, (text, file) => {
    const hasRefs = text !== undefined && parseConfig(text, file).config.references !== undefined;
    let next = text;
    for (const p of [...(hasRefs ? [] : seed), ...paths]) next = addReference(next, p, undefined, file);
    return next ?? '{}\n';
  });
}
