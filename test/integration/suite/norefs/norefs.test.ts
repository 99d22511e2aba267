// No reference found: a message that says so, with a button to add one; never a silent empty result.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, checkClaims, claimcheck, deleteReported, file, open, setUserSetting, writeReported, type Outcome } from '../helpers';

describe('No references', () => {
  before(activate);

  it('says that no reference was found instead of an empty result', async () => {
    const editor = await open('answer.md');
    const outcome = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
    assert.equal(outcome.status, 'no-references');
    assert.match(outcome.message ?? '', /No reference documents found for answer\.md/);
    assert.match(outcome.message ?? '', /references\/\*\*, refs\/\*\*/);
    assert.match(outcome.message ?? '', /Add a reference to check its claims against: run "ClaimCheck: Add Reference Document", list it in the claimcheck\.references setting/);
    assert.equal(claimcheck(editor.document.uri).length, 0);
  });

  it('says that no reference pattern is set when claimcheck.references is empty', async () => {
    await setUserSetting('references', []);
    try {
      await open('answer.md');
      const outcome = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
      assert.equal(outcome.status, 'no-references');
      assert.match(outcome.message ?? '', /no reference patterns are set \(claimcheck\.references is empty\)/);
    } finally {
      await setUserSetting('references', undefined);
    }
  });

  it('says that the references found could not be used (empty, binary), rather than that there are none', async () => {
    // Reported both ways: a deletion reported after the next test's scan left these in the list it read.
    await vscode.workspace.fs.createDirectory(file('references'));
    await writeReported(file('references/empty.md'), new Uint8Array());
    await writeReported(file('references/blob.md'), new Uint8Array([0, 1, 2, 0, 255, 0]));
    try {
      await open('answer.md');
      const outcome = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
      assert.equal(outcome.status, 'no-references');
      assert.match(outcome.message ?? '', /None of the references for answer\.md could be used \(references\/blob\.md, references\/empty\.md\)/);
    } finally {
      await deleteReported(file('references'));
    }
  });

  it('a scan says why an unsaved document has no references in the words it uses for a file on disk (QA: it gave the single check\'s message)', async () => {
    // Unsaved edits must stay unsaved (code-server saves after a delay by default).
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const editor = await open('answer.md');
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Typed. '));
      for (let i = 0; i < 50 && !editor.document.isDirty; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(editor.document.isDirty);
      const summary = await vscode.commands.executeCommand<{ checked: string[]; skippedReasons: string[] }>('claimcheck.checkWorkspace', { skipCostPreview: true });
      const said = (name: string): string | undefined => summary.skippedReasons.find((r) => r.startsWith(`${name}:`));
      assert.match(said('sources/facts.md') ?? '', /^sources\/facts\.md: has no references to check against/, summary.skippedReasons.join('\n'));
      // What to do is what the single check says (QA: the log told an editor user to "Pass --refs").
      const single = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
      const hint = / \(looked for: [^)]*\)\. (.*)\.$/.exec(single.message ?? '')?.[1];
      assert.ok(hint && said('sources/facts.md')?.endsWith(`. ${hint}`), `${single.message}\n${said('sources/facts.md')}`);
      assert.doesNotMatch(said('sources/facts.md') ?? '', /--refs/);
      assert.equal(said('answer.md')?.replace(/^answer\.md/, 'FILE'), said('sources/facts.md')?.replace(/^sources\/facts\.md/, 'FILE'), summary.skippedReasons.join('\n'));
    } finally {
      // Reverted first: auto-save turned back on would save the edit.
      await open('answer.md');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Add Reference records the file in .claimcheck.json, and the next check uses it', async () => {
    const added = await vscode.commands.executeCommand<string[]>('claimcheck.addReference', [file('sources/facts.md')]);
    assert.deepEqual(added, ['sources/facts.md']);
    const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file('.claimcheck.json')))) as { references: string[] };
    assert.ok(config.references.includes('sources/facts.md'));
    await open('answer.md');
    const { outcome, diagnostics } = await checkClaims(file('answer.md'), (d) => d.length > 0);
    assert.equal(outcome.status, 'checked');
    assert.deepEqual(outcome.references, ['sources/facts.md']);
    assert.equal(diagnostics.length, 1);
  });

  it('Add Reference records a file beside the folder as ../, not as an absolute path that breaks in other clones', async () => {
    const beside = vscode.Uri.joinPath(file('answer.md'), '..', '..', 'beside-facts.md');
    await vscode.workspace.fs.writeFile(beside, new TextEncoder().encode('The tower is 330 metres tall.\n'));
    const added = await vscode.commands.executeCommand<string[]>('claimcheck.addReference', [beside]);
    assert.deepEqual(added, ['../beside-facts.md']);
  });
});
