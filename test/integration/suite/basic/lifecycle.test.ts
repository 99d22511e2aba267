// A document's life outside the happy path: pasted into an untitled editor, too large to check whole,
// deleted on disk by another program.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { describeProblem, InputError } from '../../../../src/core/errors';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import { startOpenAIServer } from '../../../fixtures/openai-server';
import { activate, checkClaims, claimcheck, codeActionsAt, codeOf, diagnosticsAfter, EXTENSION_ID, file, hoverText, openUntitled, rangeOf, removeIfExists, setUserSetting, writeReported, type Outcome } from '../helpers';

const WRONG_NUMBER = 'The tower is 900 metres tall.';

describe('Document lifecycle', () => {
  before(activate);

  it('checks model output pasted into an untitled editor against the workspace references', async () => {
    const doc = await openUntitled('markdown', `# Pasted answer\n\n${WRONG_NUMBER}\n`);
    await vscode.window.showTextDocument(doc);
    const { outcome, diagnostics } = await checkClaims(doc.uri, (d) => d.length > 0);
    assert.equal(outcome.status, 'checked', outcome.message);
    assert.ok(outcome.references.includes('references/eiffel.md'), outcome.references.join(', '));
    const d = diagnostics.find((x) => x.range.isEqual(rangeOf(doc, WRONG_NUMBER)));
    assert.equal(d && codeOf(d), 'claim.contradicted');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('checks a selection of prose in a JSON document: the claim ends at the selection, with its hover and fixes (QA)', async () => {
    const doc = await openUntitled('json', `{"answer": "${WRONG_NUMBER}"}\n`);
    const editor = await vscode.window.showTextDocument(doc);
    const range = rangeOf(doc, WRONG_NUMBER);
    editor.selection = new vscode.Selection(range.start, range.end);
    const { outcome, diagnostics } = await checkClaims(doc.uri, (d) => d.length > 0);
    assert.equal(outcome.status, 'checked', outcome.message);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.character, d.range.end.character]), [[range.start.character, range.end.character]], 'not the quote and brace after it');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, range.start.translate(0, 14));
    assert.match(hoverText(hovers), /Contradicted/);
    const actions = await codeActionsAt(doc.uri, range);
    assert.ok(actions.some((a) => /330/.test(a.title)), actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a file from a folder outside the workspace: its .claimcheck.json cannot switch the grader to a model; Add Reference writes there (QA)', async () => {
    const server = await startOpenAIServer();
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-outside-'));
    try {
      writeFileSync(join(dir, '.claimcheck.json'), JSON.stringify({ grader: { kind: 'openai', baseURL: server.baseURL, model: 'm' }, references: ['r.md'] }));
      writeFileSync(join(dir, 'r.md'), 'The tower is 330 metres tall.\n');
      writeFileSync(join(dir, 'more.md'), 'The tower is in Paris.\n');
      writeFileSync(join(dir, 'doc.md'), `${WRONG_NUMBER}\n`);
      // A document of the workspace folder, checked first: adding a reference elsewhere leaves it up to date.
      await vscode.window.showTextDocument(file('answer.md'));
      await checkClaims(file('answer.md'), (d) => d.length > 0);
      const doc = vscode.Uri.file(join(dir, 'doc.md'));
      await vscode.window.showTextDocument(doc);
      const { outcome } = await checkClaims(doc, (d) => d.length > 0);
      assert.equal(outcome.status, 'checked', outcome.message);
      assert.equal(outcome.grader?.id, 'offline');
      assert.equal(server.requests.length, 0, 'nothing sent to the endpoint the folder names');
      // Add Reference records the file where this document's checks read .claimcheck.json: its own folder.
      const added = await vscode.commands.executeCommand<string[]>('claimcheck.addReference', [vscode.Uri.file(join(dir, 'more.md'))], doc);
      assert.deepEqual(added, ['more.md']);
      assert.ok((JSON.parse(readFileSync(join(dir, '.claimcheck.json'), 'utf8')) as { references: string[] }).references.includes('more.md'));
      const api = vscode.extensions.getExtension<{ claims(): { document: string; description: string }[] }>(EXTENSION_ID)!.exports;
      await new Promise((r) => setTimeout(r, 300)); // the view refreshes shortly after a change
      const answer = api.claims().find((d) => d.document === 'answer.md');
      assert.ok(answer && !/out of date/.test(answer.description), JSON.stringify(answer));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not check a document over claimcheck.maxFileSizeKB whole, but checks a selection of it', async () => {
    await setUserSetting('maxFileSizeKB', 1);
    try {
      const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says nothing a reference could check at all.`).join('\n\n');
      const doc = await openUntitled('markdown', `${WRONG_NUMBER}\n\n${filler}\n`);
      const editor = await vscode.window.showTextDocument(doc);
      const whole = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
      assert.equal(whole.status, 'too-large');
      // The way out is in the message (QA: it had lost it when it took the scan's words).
      assert.match(whole.message ?? '', /over the 1 KB limit\. Select the part to check \(a selection of it is checked\).*maxFileSizeKB/);
      assert.equal(claimcheck(doc.uri).length, 0);
      editor.selection = new vscode.Selection(rangeOf(doc, WRONG_NUMBER).start, rangeOf(doc, WRONG_NUMBER).end);
      const { outcome } = await checkClaims(doc.uri, (d) => d.length > 0);
      assert.equal(outcome.status, 'checked');
      assert.equal(outcome.claims, 1);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await setUserSetting('maxFileSizeKB', undefined);
    }
  });

  it('says of a document with NUL characters (a binary file opened anyway) or blank text what a scan says, rather than checking it as prose (QA: only the size was checked)', async () => {
    for (const [content, kind] of [[`# Pasted\n\u0000\u0001\u0002 ${WRONG_NUMBER}\n`, 'binary'], ['\n  \n', 'empty']] as const) {
      const doc = await openUntitled('markdown', content);
      await vscode.window.showTextDocument(doc);
      const outcome = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
      const name = vscode.workspace.asRelativePath(doc.uri);
      // The engine's line for such a file on disk, word for word.
      assert.equal(outcome.message, describeProblem(new InputError(name, kind), 'en'), kind);
      assert.equal(outcome.status, 'not-text');
      assert.equal(outcome.claims, 0);
      assert.equal(claimcheck(doc.uri).length, 0);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('a blank document saved (check on save is on by default): nothing to say; Check Claims still says it is empty (QA: a save wrote "No text to check")', async () => {
    const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
    const blank = file('lifecycle-blank.md');
    const other = file('lifecycle-saved.md');
    await writeReported(blank, '# Soon blank\n');
    await writeReported(other, '# Saved\n');
    try {
      const doc = await vscode.workspace.openTextDocument(blank);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), '\n  \n'));
      assert.ok(await doc.save());
      // The check on save of another document, saved after it, does all a blank one would and more: once its
      // findings are in, the blank one's would have been said.
      const saved = await vscode.workspace.openTextDocument(other);
      const otherEditor = await vscode.window.showTextDocument(saved);
      await otherEditor.edit((e) => e.insert(saved.positionAt(saved.getText().length), `\n${WRONG_NUMBER}\n`));
      await diagnosticsAfter(other, () => saved.save(), (d) => d.length > 0);
      await vscode.window.showTextDocument(doc);
      assert.equal(vscode.window.activeTextEditor?.document, doc);
      assert.equal(api.status().text, '$(checklist) ClaimCheck', 'not checked, and nothing said of it');
      const outcome = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
      assert.equal(outcome.status, 'not-text');
      assert.equal(outcome.message, describeProblem(new InputError(vscode.workspace.asRelativePath(blank), 'empty'), 'en'));
      for (let i = 0; i < 30 && api.status().text !== '$(warning) No text to check'; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(api.status().text, '$(warning) No text to check');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [blank, other]) await removeIfExists(uri);
    }
  });

  it('checks another language (JSON) only where prose is selected', async () => {
    const doc = await openUntitled('json', `{"claim": "${WRONG_NUMBER}"}\n`);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(await vscode.commands.executeCommand<Outcome | undefined>('claimcheck.checkClaims'), undefined);
    assert.equal(claimcheck(doc.uri).length, 0);
    editor.selection = new vscode.Selection(rangeOf(doc, WRONG_NUMBER).start, rangeOf(doc, WRONG_NUMBER).end);
    const { outcome, diagnostics } = await checkClaims(doc.uri, (d) => d.length > 0);
    assert.equal(outcome.status, 'checked');
    assert.ok(diagnostics[0]!.range.contains(rangeOf(doc, WRONG_NUMBER)));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('moves the findings of a file renamed into another folder with it, and drops them when it is deleted', async () => {
    const api = vscode.extensions.getExtension<{ claims(): { document: string }[] }>(EXTENSION_ID)!.exports;
    const listed = async (doc: string, wanted: boolean): Promise<boolean> => {
      for (let i = 0; i < 50 && api.claims().some((d) => d.document === doc) !== wanted; i++) await new Promise((r) => setTimeout(r, 100));
      return api.claims().some((d) => d.document === doc);
    };
    const from = file('lifecycle-renamed.md');
    const to = file('moved/lifecycle-renamed.md');
    await vscode.workspace.fs.writeFile(from, new TextEncoder().encode(`# Moved\n\n${WRONG_NUMBER}\n`));
    try {
      const { diagnostics: before } = await diagnosticsAfter(from, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', from), (d) => d.length > 0);
      assert.ok(await listed('lifecycle-renamed.md', true));
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(from, to);
      const { diagnostics } = await diagnosticsAfter(to, () => vscode.workspace.applyEdit(rename), (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => [d.range, d.message]), before.map((d) => [d.range, d.message]));
      assert.equal(claimcheck(from).length, 0, 'nothing left under the old name');
      assert.ok(await listed('moved/lifecycle-renamed.md', true), 'the Claims view lists it under its new name');
      assert.ok(!(await listed('lifecycle-renamed.md', false)), 'and no longer under the old one');
      const doc = await vscode.workspace.openTextDocument(to);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', to, rangeOf(doc, WRONG_NUMBER).start.translate(0, 14));
      assert.match(hoverText(hovers), /Contradicted/);
      // Its folder renamed: the same.
      const inside = file('moved-again/lifecycle-renamed.md');
      const folderRename = new vscode.WorkspaceEdit();
      folderRename.renameFile(file('moved'), file('moved-again'));
      const { diagnostics: again } = await diagnosticsAfter(inside, () => vscode.workspace.applyEdit(folderRename), (d) => d.length > 0);
      assert.deepEqual(again.map((d) => d.range), before.map((d) => d.range));
      assert.equal(claimcheck(to).length, 0);
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(inside);
      const { diagnostics: gone } = await diagnosticsAfter(inside, () => vscode.workspace.applyEdit(remove), (d) => d.length === 0);
      assert.equal(gone.length, 0);
      assert.ok(!(await listed('moved-again/lifecycle-renamed.md', false)));
    } finally {
      await removeIfExists(from);
      for (const dir of ['moved', 'moved-again']) await Promise.resolve(vscode.workspace.fs.delete(file(dir), { recursive: true })).catch(() => undefined);
    }
  });

  it('a file renamed in its folder stays up to date (the same references serve it); moved to another folder, it is out of date (QA: a rename read "Moved")', async () => {
    const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
    const from = file('lifecycle-in-place.md');
    const renamed = file('lifecycle-in-place-2.md');
    const moved = file('lifecycle-sub/lifecycle-in-place-2.md');
    /** The status item's detail for `uri` in the active editor, once `until` holds for it (or after 3 s). */
    const detailFor = async (uri: vscode.Uri, until: (detail: string) => boolean): Promise<string> => {
      for (let i = 0; i < 30 && !(vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && until(api.status().detail)); i++) await new Promise((r) => setTimeout(r, 100));
      return api.status().detail;
    };
    await vscode.workspace.fs.writeFile(from, new TextEncoder().encode(`# In place\n\n${WRONG_NUMBER}\n`));
    try {
      await vscode.window.showTextDocument(from);
      await diagnosticsAfter(from, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', from), (d) => d.length > 0);
      assert.equal(await detailFor(from, (d) => d === 'Up to date'), 'Up to date');
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(from, renamed);
      await diagnosticsAfter(renamed, () => vscode.workspace.applyEdit(rename), (d) => d.length > 0);
      // Given time to turn "Moved" (it did, at once, before the fix).
      assert.equal(await detailFor(renamed, (d) => d !== 'Up to date'), 'Up to date');
      assert.doesNotMatch(api.claims().find((d) => d.document === 'lifecycle-in-place-2.md')?.description ?? 'not listed', /out of date|not listed/);
      const move = new vscode.WorkspaceEdit();
      move.renameFile(renamed, moved);
      await diagnosticsAfter(moved, () => vscode.workspace.applyEdit(move), (d) => d.length > 0);
      assert.equal(await detailFor(moved, (d) => d !== 'Up to date'), 'Moved since the last check: checked against the references of its old place');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      for (const uri of [from, renamed]) await removeIfExists(uri);
      await Promise.resolve(vscode.workspace.fs.delete(file('lifecycle-sub'), { recursive: true })).catch(() => undefined);
    }
  });

  /** A file of the workspace with two flagged claims, checked, then moved into a folder outside it with its own .claimcheck.json and reference. */
  const ZORBLAX = 'The tower was designed by the architect Zorblax Quentin.';
  async function checkAndMoveOut(name: string, dir: string): Promise<{ to: vscode.Uri; doc: vscode.TextDocument }> {
    // The new place's reference gives the height the workspace's contradicts.
    writeFileSync(join(dir, '.claimcheck.json'), JSON.stringify({ references: ['facts.md'] }));
    writeFileSync(join(dir, 'facts.md'), 'The tower is 900 metres tall.\n');
    const from = file(name);
    const to = vscode.Uri.file(join(dir, name));
    await vscode.workspace.fs.writeFile(from, new TextEncoder().encode(`# Moved out\n\n${WRONG_NUMBER}\n\n${ZORBLAX}\n`));
    const { result } = await diagnosticsAfter(from, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', from), (d) => d.length === 2);
    assert.ok(result.references.includes('references/eiffel.md'), result.references.join(', '));
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(from, to);
    await diagnosticsAfter(to, () => vscode.workspace.applyEdit(rename), (d) => d.length === 2);
    const doc = await vscode.workspace.openTextDocument(to);
    await vscode.window.showTextDocument(doc);
    return { to, doc };
  }

  it('a file moved out of its folder is out of date until its next check, which reads the references of its new place (QA)', async () => {
    const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-moved-'));
    const from = file('lifecycle-moved-out.md');
    try {
      const { to, doc } = await checkAndMoveOut('lifecycle-moved-out.md', dir);
      for (let i = 0; i < 50 && api.status().detail === 'Up to date'; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(api.status().detail, 'Moved since the last check: checked against the references of its old place');
      assert.match(api.claims().find((d) => d.document === to.fsPath)?.description ?? '', /out of date/, 'the Claims view says so too');
      // Its evidence still opens the reference it was judged against, in the folder it came from.
      const evidence = (await codeActionsAt(to, rangeOf(doc, WRONG_NUMBER))).find((a) => a.title.startsWith('Open evidence'));
      assert.equal(String(evidence?.command?.arguments?.[0]), file('references/eiffel.md').toString());
      // Checked again: against the new folder's reference, which gives the height as the document does.
      const { result } = await diagnosticsAfter(to, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', to), (d) => d.length === 1);
      assert.equal(result.status, 'checked', result.message);
      assert.deepEqual(result.references, ['facts.md']);
      assert.deepEqual(claimcheck(to).map((d) => d.range), [rangeOf(doc, ZORBLAX)]);
      assert.equal(api.status().detail, 'Up to date');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await removeIfExists(from);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Accept Claim in a file moved out of its folder: recorded in its new folder, and quiet at once (QA: the finding stayed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-moved-'));
    const from = file('lifecycle-accepted-out.md');
    try {
      const { to, doc } = await checkAndMoveOut('lifecycle-accepted-out.md', dir);
      const accept = (await codeActionsAt(to, rangeOf(doc, ZORBLAX))).find((a) => a.title.startsWith('Accept this claim'));
      assert.ok(accept?.command);
      await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
      assert.equal((JSON.parse(readFileSync(join(dir, '.claimcheck.json'), 'utf8')) as { accepted?: string[] }).accepted?.length, 1);
      assert.deepEqual(claimcheck(to).map((d) => d.range), [rangeOf(doc, WRONG_NUMBER)], 'the accepted claim lost its diagnostic');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await removeIfExists(from);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file renamed in its folder: the .claimcheck.json entry that names it follows it, and its accepted claims stay accepted; moved to another folder, the old .claimcheck.json keeps its entries (QA)', async () => {
    const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-renamed-'));
    const config = (): { references: Record<string, string[]>; accepted?: string[] } => JSON.parse(readFileSync(join(dir, '.claimcheck.json'), 'utf8'));
    /** The config's entries once they name `path` (polled: the rename's handler writes the file after the event). */
    const entryFor = async (path: string): Promise<string[]> => {
      for (let i = 0; i < 50 && !config().references[path]; i++) await new Promise((r) => setTimeout(r, 100));
      return Object.keys(config().references);
    };
    try {
      // This document's own reference: no other pattern serves it.
      writeFileSync(join(dir, '.claimcheck.json'), JSON.stringify({ references: { 'a.md': ['facts.md'] } }));
      writeFileSync(join(dir, 'facts.md'), 'The tower is 330 metres tall.\n');
      writeFileSync(join(dir, 'a.md'), `# Renamed\n\n${WRONG_NUMBER}\n\n${ZORBLAX}\n`);
      const a = vscode.Uri.file(join(dir, 'a.md'));
      const doc = await vscode.workspace.openTextDocument(a);
      await vscode.window.showTextDocument(doc);
      const { result } = await diagnosticsAfter(a, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', a), (d) => d.length === 2);
      assert.deepEqual(result.references, ['facts.md']);
      const accept = (await codeActionsAt(a, rangeOf(doc, ZORBLAX))).find((x) => x.title.startsWith('Accept this claim'));
      assert.ok(accept?.command);
      await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
      const checkedAs = async (uri: vscode.Uri): Promise<Outcome> => {
        const { result: again } = await diagnosticsAfter(uri, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', uri), (d) => d.length > 0);
        assert.equal(again.status, 'checked', again.message);
        assert.deepEqual(again.references, ['facts.md'], 'its own reference serves it under its new name');
        const moved = await vscode.workspace.openTextDocument(uri);
        assert.deepEqual(claimcheck(uri).map((d) => d.range), [rangeOf(moved, WRONG_NUMBER)], 'the accepted claim stays accepted');
        return again;
      };
      // Renamed where it is: the entry follows, and the findings are as up to date as they were.
      const b = vscode.Uri.file(join(dir, 'b.md'));
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(a, b);
      await diagnosticsAfter(b, () => vscode.workspace.applyEdit(rename), (d) => d.length === 1);
      assert.deepEqual(await entryFor('b.md'), ['b.md']);
      // Given time to turn "Moved" (the entry that served it named the old path).
      const active = (): boolean => vscode.window.activeTextEditor?.document.uri.toString() === b.toString();
      for (let i = 0; i < 20 && (!active() || api.status().detail === 'Up to date'); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(active());
      assert.equal(api.status().detail, 'Up to date');
      await checkedAs(b);
      // Moved into a folder inside it, which for a file outside the workspace is another folder (its own folder is
      // where its .claimcheck.json is read): the old file is left as it is, its accepted claims too.
      const before = readFileSync(join(dir, '.claimcheck.json'), 'utf8');
      const sub = vscode.Uri.file(join(dir, 'sub', 'b.md'));
      const move = new vscode.WorkspaceEdit();
      move.renameFile(b, sub);
      await diagnosticsAfter(sub, () => vscode.workspace.applyEdit(move), (d) => d.length === 1);
      await vscode.commands.executeCommand('claimcheck.checkClaims', sub);
      assert.equal(readFileSync(join(dir, '.claimcheck.json'), 'utf8'), before);
      assert.deepEqual(Object.keys(config().references), ['b.md']);
      assert.equal(config().accepted?.length, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops the findings of a file deleted on disk by another program', async () => {
    // At the folder's root, which the watcher has watched from the start (a folder made just now may not be yet).
    const uri = file('lifecycle-gone.md');
    // Reported before the delete: a create and a delete not yet reported are coalesced into nothing.
    await writeReported(uri, `${WRONG_NUMBER}\n`);
    try {
      const { result } = await diagnosticsAfter(uri, () => vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', uri), (d) => d.length > 0);
      assert.equal(result.status, 'checked');
      const { diagnostics } = await diagnosticsAfter(uri, () => rmSync(uri.fsPath), (d) => d.length === 0);
      assert.equal(diagnostics.length, 0);
    } finally {
      rmSync(uri.fsPath, { force: true });
    }
  });
});
