// STUB (to be replaced by the extension module).
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('claimcheck.checkClaims', () => undefined));
}

export function deactivate(): void {}
