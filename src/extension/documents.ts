// The documents VS Code has open, found by address.
import * as vscode from 'vscode';

/** The open document at `uri` (its text with unsaved edits), if VS Code has it open. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
