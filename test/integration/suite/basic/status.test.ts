// The language status item of a Markdown or text editor (or of any document a check gave a result): the active
// document's counts, and whether they still describe its text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import { activate, checkClaims, diagnosticsAfter, EXTENSION_ID, open, openUntitled, rangeOf, setUserSetting } from '../helpers';

const WRONG_NUMBER = 'The tower is 900 metres tall.';

describe('Status item', () => {
  let editor: vscode.TextEditor;
  const status = (): ReturnType<ClaimCheckApi['status']> => vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports.status();
  /** Whether the item shows, once the active editor's change has reached it (up to 5 s). */
  const shown = async (wanted: boolean): Promise<boolean> => {
    for (let i = 0; i < 50 && status().shown !== wanted; i++) await new Promise((r) => setTimeout(r, 100));
    return status().shown;
  };

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
    assert.deepEqual(status(), { text: '$(checklist) ClaimCheck', detail: 'Not checked yet', busy: false, shown: true });
    await checkClaims(editor.document.uri, (d) => d.length >= 2);
    assert.deepEqual(status(), { text: '$(warning) 1 contradicted, 1 unsupported', detail: 'Up to date', busy: false, shown: true });
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
    assert.deepEqual(status(), { text: '$(check) 2 claims supported', detail: 'Edited since the last check', busy: false, shown: true });
  });

  it('leaves out a verdict whose severity is "ignore", as the Claims view does', async () => {
    await checkClaims(editor.document.uri, (d) => d.length >= 2);
    await setUserSetting('severity.unsupported', 'ignore');
    try {
      assert.deepEqual(status(), { text: '$(warning) 1 contradicted, 0 unsupported', detail: 'Up to date', busy: false, shown: true });
      await setUserSetting('severity.contradicted', 'ignore');
      assert.deepEqual(status(), { text: '$(check) 2 claims supported', detail: 'Up to date', busy: false, shown: true });
    } finally {
      await setUserSetting('severity.unsupported', undefined);
      await setUserSetting('severity.contradicted', undefined);
    }
  });

  it('shows for a document of another language while it has a result, and only then (QA: a checked JSON selection showed no counts)', async () => {
    const doc = await openUntitled('json', `{"answer": "${WRONG_NUMBER}"}\n`);
    const json = await vscode.window.showTextDocument(doc);
    try {
      assert.equal(await shown(false), false, 'nothing checked: JSON is no checked language');
      const range = rangeOf(doc, WRONG_NUMBER);
      json.selection = new vscode.Selection(range.start, range.end);
      await checkClaims(doc.uri, (d) => d.length > 0);
      assert.deepEqual(status(), {
        text: '$(warning) 1 contradicted, 0 unsupported',
        detail: 'Only a selection checked: run Check Claims without one for the whole document',
        busy: false,
        shown: true,
      });
      // Markdown shows it whatever it holds; the JSON document again once it is active.
      await vscode.window.showTextDocument(editor.document);
      assert.equal(await shown(true), true);
      await vscode.window.showTextDocument(doc);
      assert.equal(await shown(true), true);
      // Its result cleared: hidden again, while Markdown keeps it.
      await vscode.commands.executeCommand('claimcheck.clear');
      assert.equal(await shown(false), false);
      await vscode.window.showTextDocument(editor.document);
      assert.equal(await shown(true), true);
      assert.deepEqual(status(), { text: '$(checklist) ClaimCheck', detail: 'Not checked yet', busy: false, shown: true });
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
