// The Claims view lists every checked claim with its verdict, supported ones too, and follows the results.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, checkClaims, EXTENSION_ID, open, openUntitled, setUserSetting } from '../helpers';

interface Snapshot {
  document: string;
  description: string;
  claims: { label: string; description: string; verdict: string; notJudged: boolean }[];
}

/** The view's rows once they settle (it refreshes shortly after a change). */
async function rows(until: (s: Snapshot[]) => boolean): Promise<Snapshot[]> {
  const api = vscode.extensions.getExtension<{ claims(): Snapshot[] }>(EXTENSION_ID)!.exports;
  for (let i = 0; i < 50; i++) {
    const s = api.claims();
    if (until(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  return api.claims();
}

describe('Claims view', () => {
  before(activate);

  it('is in the Explorer, and lists each claim of a checked document with its verdict', async () => {
    await vscode.commands.executeCommand('claimcheck.clear');
    await vscode.commands.executeCommand('claimcheck.claims.focus');
    const editor = await open('answer.md');
    const { outcome } = await checkClaims(editor.document.uri, (d) => d.length > 0);
    const all = await rows((s) => s.some((d) => d.document === 'answer.md'));
    const doc = all.find((d) => d.document === 'answer.md');
    assert.ok(doc, JSON.stringify(all));
    assert.equal(doc.claims.length, outcome.claims, 'every claim, supported ones too');
    assert.ok(doc.claims.some((c) => c.verdict === 'supported' && /^Supported \d+%$/.test(c.description)), JSON.stringify(doc.claims));
    const wrong = doc.claims.find((c) => c.label === 'The tower is 900 metres tall.');
    assert.equal(wrong?.verdict, 'contradicted');
    assert.match(doc.description, new RegExp(`^${outcome.claims} claims, ${outcome.findings.length} flagged$`));
    // In document order, as the text reads.
    const text = editor.document.getText();
    const at = doc.claims.map((c) => text.indexOf(c.label.replace(/…$/, '')));
    assert.deepEqual(at, [...at].sort((a, b) => a - b));
  });

  it('counts the rows it shows: a verdict set to "ignore" is neither listed nor counted', async () => {
    await setUserSetting('severity.unsupported', 'ignore');
    try {
      const all = await rows((s) => s.some((d) => d.document === 'answer.md' && !d.claims.some((c) => c.verdict === 'unsupported')));
      const doc = all.find((d) => d.document === 'answer.md')!;
      const flagged = doc.claims.filter((c) => c.verdict !== 'supported').length;
      assert.equal(doc.description, `${doc.claims.length} claims, ${flagged} flagged`);
    } finally {
      await setUserSetting('severity.unsupported', undefined);
    }
  });

  it('lists only the flagged claims of a document of more than 500, so the view stays quick', async () => {
    const doc = await openUntitled('markdown', `${Array.from({ length: 600 }, () => 'The Eiffel Tower is a wrought-iron lattice tower in Paris, France.').join('\n\n')}\n\nThe tower is 900 metres tall.\n`);
    await vscode.window.showTextDocument(doc);
    const { outcome } = await checkClaims(doc.uri, (d) => d.length > 0);
    assert.equal(outcome.claims, 601);
    // This document's row, by its name: answer.md has the same claim, and files in the folder are listed first.
    const name = vscode.workspace.asRelativePath(doc.uri);
    const all = await rows((s) => s.some((d) => d.document === name && d.claims.some((c) => c.label === 'The tower is 900 metres tall.')));
    const listed = all.find((d) => d.document === name)!;
    // Files outside the folders (this untitled one) come after the folder's (answer.md, checked above).
    assert.ok(all.findIndex((d) => d.document === name) > all.findIndex((d) => d.document === 'answer.md'), all.map((d) => d.document).join(', '));
    assert.ok(listed.claims.length < 600 && listed.claims.every((c) => c.verdict !== 'supported'), `${listed.claims.length} rows`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('empties with Clear Results', async () => {
    await vscode.commands.executeCommand('claimcheck.clear');
    assert.deepEqual(await rows((s) => s.length === 0), []);
  });
});
