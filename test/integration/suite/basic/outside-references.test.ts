// References in a folder outside the workspace (an absolute path in claimcheck.references) are watched as the
// workspace's own are: an edit there leaves the results read from it out of date, for Check Claims and Check
// Workspace alike, and a file added there is read by the next check.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import type { ScanSummary } from '../../../../src/extension/scan';
import { activate, checkClaims, EXTENSION_ID, open, setWorkspaceSetting } from '../helpers';

const HEIGHTS = 'The Eiffel Tower is 330 metres tall.\n';

/** The Claims view's description of a document's row ('not listed' without one). */
function described(rel: string): string {
  const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
  return api.claims().find((d) => d.document === rel)?.description ?? 'not listed';
}

/**
 * Edits `path` on disk, as another program would, until `rel`'s result is out of date: again every 250 ms, since the
 * watcher of a folder outside the workspace is made when the check reads it, and may not be listening at once.
 */
async function editUntilOutOfDate(path: string, rel: string): Promise<void> {
  for (let i = 0; !/out of date/.test(described(rel)); i++) {
    assert.ok(i < 80, `${rel} never went out of date: ${described(rel)}`);
    writeFileSync(path, `${HEIGHTS}The tower opened in 1889 (edit ${i}).\n`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('References outside the workspace', () => {
  let outside: string;
  before(activate);
  beforeEach(async () => {
    outside = mkdtempSync(join(tmpdir(), 'claimcheck-watched-'));
    writeFileSync(join(outside, 'heights.md'), HEIGHTS);
    await setWorkspaceSetting('references', [outside]);
  });
  afterEach(async () => {
    await setWorkspaceSetting('references', undefined);
    await vscode.commands.executeCommand('claimcheck.clear');
    rmSync(outside, { recursive: true, force: true });
  });

  it('Check Claims: an edit on disk to an outside reference leaves the result out of date; a file added there is read by the next check', async () => {
    const editor = await open('answer.md');
    const { outcome } = await checkClaims(editor.document.uri);
    assert.equal(outcome.status, 'checked', outcome.message);
    assert.deepEqual(outcome.references, [join(outside, 'heights.md')]);
    assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
    await editUntilOutOfDate(join(outside, 'heights.md'), 'answer.md');
    // The watcher listens now: a new file there drops the loaded references, so the next check reads it.
    const added = join(outside, 'architects.md');
    writeFileSync(added, 'The tower was designed by the architect Zorblax Quentin.\n');
    let references: readonly string[] = [];
    for (let i = 0; i < 40 && !references.includes(added); i++) {
      if (i) await new Promise((r) => setTimeout(r, 250));
      references = (await checkClaims(editor.document.uri)).outcome.references;
    }
    assert.deepEqual([...references].sort(), [added, join(outside, 'heights.md')].sort());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Check Workspace: a scanned file is out of date once an outside reference it read changes (it recorded the folder\'s pattern, not its files)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const summary = await vscode.commands.executeCommand<ScanSummary>('claimcheck.checkWorkspace', { skipCostPreview: true });
    assert.ok(summary.checked.includes('docs/scan-a.md'), summary.checked.join(', '));
    assert.doesNotMatch(described('docs/scan-a.md'), /out of date|not listed/);
    await editUntilOutOfDate(join(outside, 'heights.md'), 'docs/scan-a.md');
  });
});
