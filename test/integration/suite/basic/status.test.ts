// The language status item of a Markdown or text editor: the active document's counts, and whether they
// still describe its text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import { activate, checkClaims, EXTENSION_ID, open } from '../helpers';

describe('Status item', () => {
  let editor: vscode.TextEditor;
  const status = (): ReturnType<ClaimCheckApi['status']> => vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports.status();

  before(async () => {
    await activate();
    editor = await open('answer.md');
  });

  afterEach(async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    for (let i = 0; i < 10 && editor.document.isDirty; i++) await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.isDirty, false);
  });

  it('counts the flagged claims of the active document, up to date after a check', async () => {
    await vscode.commands.executeCommand('claimcheck.clear');
    assert.deepEqual(status(), { text: '$(checklist) ClaimCheck', detail: 'Not checked yet', busy: false });
    await checkClaims(editor.document.uri, (d) => d.length >= 2);
    assert.deepEqual(status(), { text: '$(warning) 1 contradicted, 1 unsupported', detail: 'Up to date', busy: false });
  });
});
