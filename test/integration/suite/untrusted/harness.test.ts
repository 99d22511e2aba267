// Checks the harness itself: a workspace folder named untrusted* opens in Restricted Mode.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness (untrusted workspace)', () => {
  it('opens the folder untrusted', () => {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a folder is open');
    assert.equal(vscode.workspace.isTrusted, false);
  });
});
