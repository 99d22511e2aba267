// The language status item of a Markdown or text editor: the active document's counts, and whether they
// still describe its text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import { activate, checkClaims, diagnosticsAfter, EXTENSION_ID, open, rangeOf, setUserSetting } from '../helpers';

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

  it('counts only the claims it still holds a verdict for: an edited claim is no longer "supported" (QA)', async () => {
    await checkClaims(editor.document.uri, (d) => d.length >= 2);
    // Both flagged claims rewritten: their verdicts are set aside, two judged claims remain.
    await diagnosticsAfter(
      editor.document.uri,
      () =>
        editor.edit((e) => {
          e.replace(rangeOf(editor.document, '900'), '330');
          e.replace(rangeOf(editor.document, 'Zorblax Quentin'), 'Gustave Eiffel');
        }),
      (d) => d.length === 0,
    );
    assert.deepEqual(status(), { text: '$(check) 2 claims supported', detail: 'Edited since the last check', busy: false });
  });

  it('leaves out a verdict whose severity is "ignore", as the Claims view does', async () => {
    await checkClaims(editor.document.uri, (d) => d.length >= 2);
    await setUserSetting('severity.unsupported', 'ignore');
    try {
      assert.deepEqual(status(), { text: '$(warning) 1 contradicted, 0 unsupported', detail: 'Up to date', busy: false });
      await setUserSetting('severity.contradicted', 'ignore');
      assert.deepEqual(status(), { text: '$(check) 2 claims supported', detail: 'Up to date', busy: false });
    } finally {
      await setUserSetting('severity.unsupported', undefined);
      await setUserSetting('severity.contradicted', undefined);
    }
  });
});
