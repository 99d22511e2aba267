// The extension's long-lived parts, created once in `activate()` and handed to the command handlers.
import type * as vscode from 'vscode';
import type { Checker } from './checker';
import type { GraderProvider } from './grader';
import type { ResultStore } from './results';
import type { SettingsCache } from './settings';

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  settings: SettingsCache;
  store: ResultStore;
  graders: GraderProvider;
  checker: Checker;
}
