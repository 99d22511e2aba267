// Restricted Mode: the grader, endpoint and model come only from user settings; the workspace's
// .vscode/settings.json (grader openai, endpoint 127.0.0.1:9, "workspace-model") and .claimcheck.json
// grader options are ignored.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FakeOpenAIServer } from '../../../fixtures/openai-server';
import { activate, checkClaims, claimcheck, codeOf, folder, open, openUntitled, rangeOf, setWorkspaceSetting, useOpenAIGrader } from '../helpers';

describe('Untrusted workspace', () => {
  before(activate);

  it('ignores the workspace grader settings and .claimcheck.json: the offline grader judges', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const editor = await open('answer.md');
    const { outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length > 0);
    assert.equal(outcome.status, 'checked');
    assert.equal(outcome.grader?.id, 'offline');
    const d = diagnostics.find((x) => x.range.isEqual(rangeOf(editor.document, 'The tower was designed by the architect Zorblax Quentin.')));
    assert.equal(d && codeOf(d), 'claim.unsupported');
  });

  it('reads no reference outside the workspace, and checks pasted output in an untitled editor', async () => {
    // A repository can name any path in a directive; in Restricted Mode only its own files are read.
    const outside = join(mkdtempSync(join(tmpdir(), 'claimcheck-outside-')), 'private-notes.md');
    writeFileSync(outside, 'The tower was designed by the architect Zorblax Quentin.\n');
    const content = `<!-- claimcheck: references=${outside}, references/eiffel.md -->\n\nThe Eiffel Tower is 330 metres tall.\nThe tower was designed by the architect Zorblax Quentin.\n`;
    const doc = await openUntitled('markdown', content);
    await vscode.window.showTextDocument(doc);
    const { outcome, diagnostics } = await checkClaims(doc.uri, (d) => d.length > 0);
    assert.equal(outcome.status, 'checked');
    assert.deepEqual(outcome.references, ['references/eiffel.md']);
    // Said on screen with the outcome, not only in the log: the user asked for that file.
    assert.ok(outcome.problems?.some((p) => p.includes(outside) && /outside the folder/.test(p)), JSON.stringify(outcome.problems));
    const d = diagnostics.find((x) => x.range.isEqual(rangeOf(doc, 'The tower was designed by the architect Zorblax Quentin.')));
    assert.equal(d && codeOf(d), 'claim.unsupported', 'the outside file did not vouch for the claim');
  });

  it('reads no reference outside the workspace that the setting names by absolute path, and says so', async () => {
    // The editor hands such a path to the engine, which walks it as the CLI does where the workspace is trusted.
    const outside = mkdtempSync(join(tmpdir(), 'claimcheck-outside-'));
    writeFileSync(join(outside, 'architects.md'), 'The tower was designed by the architect Zorblax Quentin.\n');
    try {
      await setWorkspaceSetting('references', [outside, 'references/**']);
      const editor = await open('answer.md');
      const { outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length > 0);
      assert.equal(outcome.status, 'checked', outcome.message);
      assert.deepEqual(outcome.references, ['references/eiffel.md']);
      assert.ok(outcome.problems?.some((p) => p.includes(outside) && /outside the folder/.test(p)), JSON.stringify(outcome.problems));
      const d = diagnostics.find((x) => x.range.isEqual(rangeOf(editor.document, 'The tower was designed by the architect Zorblax Quentin.')));
      assert.equal(d && codeOf(d), 'claim.unsupported', 'the outside file did not vouch for the claim');
    } finally {
      await setWorkspaceSetting('references', undefined);
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('Check Workspace leaves out a document that is a link to outside the folder, also while it is open in an editor', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'claimcheck-outside-')), 'private.md');
    writeFileSync(outside, 'The tower is 900 metres tall.\n');
    const link = join(folder().fsPath, 'linked.md');
    symlinkSync(outside, link);
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(link));
      const summary = await vscode.commands.executeCommand<{ checked: string[] }>('claimcheck.checkWorkspace', { skipCostPreview: true });
      assert.ok(summary.checked.includes('answer.md'), summary.checked.join(', '));
      assert.ok(!summary.checked.includes('linked.md'), summary.checked.join(', '));
      assert.equal(claimcheck(vscode.Uri.file(link)).length, 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(link, { force: true });
    }
  });

  describe('with the OpenAI grader chosen in user settings', () => {
    let server: FakeOpenAIServer;
    let undo: (() => Promise<void>) | undefined;

    before(async () => {
      ({ server, undo } = await useOpenAIGrader('sk-untrusted-test-key-0001', 'user-model'));
    });

    after(async () => {
      await undo?.();
    });

    it('sends requests to the user endpoint with the user model, never the workspace one', async () => {
      const editor = await open('answer.md');
      const { outcome } = await checkClaims(editor.document.uri, (d) => d.length > 0);
      assert.equal(outcome.status, 'checked');
      assert.deepEqual(outcome.grader, { id: 'openai', model: 'user-model' });
      assert.ok(server.requests.length >= 1, 'the user endpoint was asked');
      assert.ok(server.requests.every((r) => r.body.model === 'user-model'));
    });
  });
});
