// Checks the harness itself (test/integration/launch.mjs): the right folder is open, the extension
// under development is loaded and activates, the test environment reaches the extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

describe('harness (basic workspace)', () => {
  it('opens a writable copy of fixtures/basic', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a folder is open');
    assert.ok(fs.existsSync(path.join(folder.uri.fsPath, 'answer.md')), 'answer.md is in the workspace');
    const probe = path.join(folder.uri.fsPath, '.harness-probe');
    fs.writeFileSync(probe, 'x');
    fs.rmSync(probe);
  });

  it('runs with CLAIMCHECK_TEST=1 in a trusted workspace', () => {
    assert.equal(process.env.CLAIMCHECK_TEST, '1');
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it('loads and activates the extension under development', async () => {
    const ext = vscode.extensions.getExtension('claimcheck.claimcheck');
    assert.ok(ext, 'claimcheck.claimcheck is installed');
    await ext.activate();
    assert.ok(ext.isActive);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('claimcheck.checkClaims'), 'claimcheck.checkClaims is registered');
  });
});
