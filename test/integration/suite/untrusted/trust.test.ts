// Restricted Mode: the grader, endpoint and model come only from user settings; the workspace's
// .vscode/settings.json (grader openai, endpoint 127.0.0.1:9, "workspace-model") and .claimcheck.json
// grader options are ignored.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startOpenAIServer, type FakeOpenAIServer } from '../../../fixtures/openai-server';
import { activate, checkClaims, codeOf, open, rangeOf, setUserSetting } from '../helpers';

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

  describe('with the OpenAI grader chosen in user settings', () => {
    let server: FakeOpenAIServer;

    before(async () => {
      server = await startOpenAIServer();
      await vscode.commands.executeCommand('claimcheck.setApiKey', 'sk-untrusted-test-key-0001');
      await setUserSetting('openai.baseUrl', server.baseURL);
      await setUserSetting('openai.model', 'user-model');
      await setUserSetting('grader', 'openai');
    });

    after(async () => {
      await setUserSetting('grader', undefined);
      await setUserSetting('openai.baseUrl', undefined);
      await setUserSetting('openai.model', undefined);
      await vscode.commands.executeCommand('claimcheck.setApiKey', '');
      await server?.close();
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
