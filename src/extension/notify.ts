// Messages at the boundary: warnings and errors with a "Show Output" button, and the way out where there is one.
import * as vscode from 'vscode';
import { describeProblem, InputError } from '../core/errors';
import { isKeyProblem } from '../core/graders/openai';
import { COMMANDS } from './commandIds';
import { uiLanguage } from './grader';
import type { Services } from './services';

/** Claims the grader could not judge (endpoint down, key rejected...): said once per check, with the way out. */
export function reportNotJudged(s: Services, count: number, reason: string): void {
  s.log.warn(`${count} claims not judged: ${reason}`);
  offerApiKey(s, vscode.l10n.t('The grader could not judge {0} claims: {1}', count, reason), reason);
}

/** A warning that offers "Set API Key" when `reason` is about the key (none set, or rejected). */
export function offerApiKey(s: Services, message: string, reason: string): void {
  const setKey = vscode.l10n.t('Set API Key');
  const buttons = isKeyProblem(reason) ? [setKey] : [];
  void notify(s, 'warning', message, ...buttons).then((c) => {
    if (c === setKey) void vscode.commands.executeCommand(COMMANDS.setApiKey);
  });
}

/** Shows an error once, at the boundary: the message for the user (a bad input in the UI's language), the detail in the log. */
export function reportError(s: Services, command: string, e: unknown): void {
  const message = e instanceof InputError ? describeProblem(e, uiLanguage()) : e instanceof Error ? e.message : String(e);
  s.log.error(`${command}: ${e instanceof Error && !(e instanceof InputError) ? (e.stack ?? message) : message}`);
  void notify(s, 'error', vscode.l10n.t('ClaimCheck: {0}', message));
}

/**
 * A warning or an error with the given buttons and "Show Output" last, which opens the log; resolves to the
 * other button chosen, if any.
 */
export function notify(s: Services, level: 'warning' | 'error', message: string, ...buttons: string[]): Thenable<string | undefined> {
  const show = vscode.l10n.t('Show Output');
  const shown = level === 'error' ? vscode.window.showErrorMessage(message, ...buttons, show) : vscode.window.showWarningMessage(message, ...buttons, show);
  return shown.then((c) => {
    if (c !== show) return c;
    s.log.show();
    return undefined;
  });
}
