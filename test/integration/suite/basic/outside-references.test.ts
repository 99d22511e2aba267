// References in a folder outside the workspace (an absolute path in claimcheck.references) are watched as the
// workspace's own are: an edit there leaves the results read from it out of date, for Check Claims and Check
// Workspace alike, and a file added there is read by the next check and leaves them out of date too (as one added
// to the workspace's reference folder does). A folder is watched once, while a result reads there.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import type { ScanSummary } from '../../../../src/extension/scan';
import { activate, checkClaims, createReported, deleteReported, EXTENSION_ID, file, open, openUntitled, removeIfExists, setWorkspaceSetting, writeReported } from '../helpers';

const HEIGHTS = 'The Eiffel Tower is 330 metres tall.\n';

/** The Claims view's description of a document's row ('not listed' without one). */
function described(rel: string): string {
  const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
  return api.claims().find((d) => d.document === rel)?.description ?? 'not listed';
}

function api(): ClaimCheckApi {
  return vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
}

/** Waits (up to 10 s) until `until` holds of `read()`, and returns what it read last. */
async function settled<T>(read: () => T, until: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100 && !until(read()); i++) await new Promise((r) => setTimeout(r, 100));
  return read();
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

  it('Check Claims: a file created in an outside reference folder leaves the result out of date (as an edit there does)', async () => {
    const editor = await open('answer.md');
    const { outcome } = await checkClaims(editor.document.uri);
    assert.equal(outcome.status, 'checked', outcome.message);
    assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
    // A new file each time: the watcher of the folder is made when the check reads it, and may not be listening at once.
    for (let i = 0; !/out of date/.test(described('answer.md')); i++) {
      assert.ok(i < 80, `answer.md never went out of date: ${described('answer.md')}`);
      writeFileSync(join(outside, `added-${i}.md`), 'The tower was designed by the architect Zorblax Quentin.\n');
      await new Promise((r) => setTimeout(r, 250));
    }
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

describe('References created in the workspace', () => {
  before(activate);
  afterEach(() => vscode.commands.executeCommand('claimcheck.clear'));

  it('a file created in the reference folder leaves the results read from it out of date; one created elsewhere does not (control)', async () => {
    const elsewhere = file('created-elsewhere.md');
    const added = file('references/created-facts.md');
    const editor = await open('answer.md');
    try {
      const { outcome } = await checkClaims(editor.document.uri);
      assert.equal(outcome.status, 'checked', outcome.message);
      await writeReported(elsewhere, 'Nothing a claim could be checked against.\n');
      await new Promise((r) => setTimeout(r, 500));
      assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
      await writeReported(added, 'The tower was designed by the architect Zorblax Quentin.\n');
      assert.match(await settled(() => described('answer.md'), (d) => /out of date/.test(d)), /out of date/);
      // Checked again: it reads the new file, and is up to date.
      const again = (await checkClaims(editor.document.uri)).outcome;
      assert.ok(again.references.includes('references/created-facts.md'), again.references.join(', '));
      assert.doesNotMatch(described('answer.md'), /out of date/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await deleteReported(added);
      await removeIfExists(elsewhere);
    }
  });
});

describe('Loaded references kept while other files come and go', () => {
  const refs = (): vscode.Uri => file('kept-refs');
  before(activate);
  beforeEach(async () => {
    mkdirSync(refs().fsPath, { recursive: true });
    writeFileSync(join(refs().fsPath, 'heights.md'), HEIGHTS);
    // Unusable: its problem is said with the first result of each set loaded, so a set read again says it again.
    writeFileSync(join(refs().fsPath, 'empty.md'), '');
    await setWorkspaceSetting('references', ['kept-refs']);
  });
  afterEach(async () => {
    await setWorkspaceSetting('references', undefined);
    await vscode.commands.executeCommand('claimcheck.clear');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    rmSync(refs().fsPath, { recursive: true, force: true });
  });

  it('a new answer file keeps the loaded references (not read again); a reference added to their folder does not (control)', async () => {
    const answer = file('kept-new-answer.md');
    const editor = await open('answer.md');
    try {
      const first = (await checkClaims(editor.document.uri)).outcome;
      assert.ok(first.problems?.some((p) => p.includes('empty.md')), JSON.stringify(first));
      assert.equal((await checkClaims(editor.document.uri)).outcome.problems, undefined, 'the same set, its problems said once');
      await writeReported(answer, 'The tower is 330 metres tall.\n');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal((await checkClaims(editor.document.uri)).outcome.problems, undefined, 'a new answer file made the references be read again');
      assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
      // Control: a reference added to the folder: the set is read again (the new file with it), its problems said again.
      const added = vscode.Uri.joinPath(refs(), 'opened.md');
      await writeReported(added, 'The tower opened in 1889.\n');
      const again = (await checkClaims(editor.document.uri)).outcome;
      assert.ok(again.references.includes('kept-refs/opened.md'), again.references.join(', '));
      assert.ok(again.problems?.some((p) => p.includes('empty.md')), JSON.stringify(again));
    } finally {
      await removeIfExists(answer);
    }
  });

  it('a file ClaimCheck cannot read (LICENSE) added to the reference folder leaves the result up to date; a reference added does not (control)', async () => {
    const editor = await open('answer.md');
    const { outcome } = await checkClaims(editor.document.uri);
    assert.equal(outcome.status, 'checked', outcome.message);
    await writeReported(vscode.Uri.joinPath(refs(), 'LICENSE'), 'Permission is hereby granted, free of charge.\n');
    await new Promise((r) => setTimeout(r, 500));
    assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
    assert.equal((await checkClaims(editor.document.uri)).outcome.problems, undefined, 'a LICENSE made the references be read again');
    await writeReported(vscode.Uri.joinPath(refs(), 'opened.md'), 'The tower opened in 1889.\n');
    assert.match(await settled(() => described('answer.md'), (d) => /out of date/.test(d)), /out of date/);
  });
});

describe('A reference folder deleted in the workspace', () => {
  before(activate);
  afterEach(async () => {
    await setWorkspaceSetting('references', undefined);
    await vscode.commands.executeCommand('claimcheck.clear');
  });

  it('leaves the results read from it out of date, as a deleted reference file does', async () => {
    const folder = file('deleted-refs');
    mkdirSync(folder.fsPath, { recursive: true });
    await writeReported(vscode.Uri.joinPath(folder, 'heights.md'), HEIGHTS);
    await setWorkspaceSetting('references', ['deleted-refs']);
    const editor = await open('answer.md');
    try {
      const { outcome } = await checkClaims(editor.document.uri);
      assert.deepEqual(outcome.references, ['deleted-refs/heights.md']);
      assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
      await deleteReported(folder);
      assert.match(await settled(() => described('answer.md'), (d) => /out of date/.test(d)), /out of date/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(folder.fsPath, { recursive: true, force: true });
    }
  });
});

describe('Watchers of reference folders outside the workspace', () => {
  let out1: string;
  let out2: string;
  before(activate);
  beforeEach(() => {
    [out1, out2] = [1, 2].map(() => mkdtempSync(join(tmpdir(), 'claimcheck-watch-')));
    for (const dir of [out1, out2]) writeFileSync(join(dir, 'heights.md'), HEIGHTS);
  });
  afterEach(() => {
    for (const dir of [out1, out2]) rmSync(dir, { recursive: true, force: true });
  });

  it('one per folder a result reads: a directive that names another folder lets the old one go, Clear Results lets all go', async () => {
    const rel = 'watched-directive.md';
    const text = (dir: string): string => `<!-- claimcheck: references=${dir} -->\n\n${HEIGHTS}`;
    writeFileSync(file(rel).fsPath, text(out1));
    // The edit below must stay unsaved: code-server saves after a delay by default, and the check on save could land
    // after Clear Results, with a result that reads the folder again.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const editor = await open(rel);
    try {
      assert.equal((await checkClaims(editor.document.uri)).outcome.status, 'checked');
      assert.deepEqual(await settled(() => api().watchedOutside(), (w) => w.length === 1), [`${out1}/**`]);
      // Checked twice more against the same folder: still one watcher.
      await checkClaims(editor.document.uri);
      assert.deepEqual(api().watchedOutside(), [`${out1}/**`]);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), text(out2));
      await vscode.workspace.applyEdit(edit);
      assert.equal((await checkClaims(editor.document.uri)).outcome.status, 'checked');
      assert.deepEqual(await settled(() => api().watchedOutside(), (w) => w.length === 1 && w[0] === `${out2}/**`), [`${out2}/**`]);
      await vscode.commands.executeCommand('claimcheck.clear');
      assert.deepEqual(await settled(() => api().watchedOutside(), (w) => !w.length), [], JSON.stringify([api().status(), api().claims()]));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      await removeIfExists(file(rel));
    }
  });

  it('Show Coverage on a document never checked: the folder it read stays watched while the document is open, though results change', async () => {
    const doc = await openUntitled('markdown', `<!-- claimcheck: references=${out1} -->\n\n${HEIGHTS}`);
    await vscode.window.showTextDocument(doc);
    try {
      const report = await vscode.commands.executeCommand<{ statements: number } | undefined>('claimcheck.showCoverage');
      assert.ok(report && report.statements > 0, JSON.stringify(report));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.deepEqual(await settled(() => api().watchedOutside(), (w) => w.includes(`${out1}/**`)), [`${out1}/**`]);
      // Results change (none reads there): the watchers follow them a second later, and keep what the coverage read.
      await vscode.commands.executeCommand('claimcheck.clear');
      await new Promise((r) => setTimeout(r, 2500));
      assert.deepEqual(api().watchedOutside(), [`${out1}/**`]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    // Closed: nothing reads there any more.
    assert.deepEqual(await settled(() => (doc.isClosed ? api().watchedOutside() : ['open']), (w) => !w.length), []);
  });
});

describe('Paths deleted or made in a reference folder that the results did not read', () => {
  const refs = (): vscode.Uri => file('quiet-refs');
  const at = (rel: string): vscode.Uri => vscode.Uri.joinPath(refs(), rel);
  before(activate);
  beforeEach(async () => {
    // Never a reference: a name without an extension, and a folder of files the glob does not read (made first, so
    // that the watcher has reported them before the check).
    mkdirSync(join(refs().fsPath, 'drafts'), { recursive: true });
    writeFileSync(at('NOTES').fsPath, 'Ask about the lifts.\n');
    writeFileSync(at('drafts/todo.txt').fsPath, 'The tower opened in 1889.\n');
    await writeReported(at('heights.md'), HEIGHTS);
    await writeReported(at('opened.md'), 'The tower opened in 1889.\n');
    // Unusable: its problem is said with the first result of each set loaded, so a set read again says it again.
    await writeReported(at('empty.md'), '');
    await setWorkspaceSetting('references', ['quiet-refs/**/*.md']);
  });
  afterEach(async () => {
    await setWorkspaceSetting('references', undefined);
    await vscode.commands.executeCommand('claimcheck.clear');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    rmSync(refs().fsPath, { recursive: true, force: true });
    rmSync(file('quiet-staging').fsPath, { recursive: true, force: true });
  });

  it('a file that never was a reference (NOTES) or a folder of other files, deleted, leaves the result up to date; a reference deleted does not (control) (QA: both read "out of date")', async () => {
    const editor = await open('answer.md');
    const { outcome } = await checkClaims(editor.document.uri);
    assert.deepEqual([...outcome.references].sort(), ['quiet-refs/heights.md', 'quiet-refs/opened.md']);
    assert.ok(outcome.problems?.some((p) => p.includes('empty.md')), JSON.stringify(outcome));
    await deleteReported(at('NOTES'));
    await deleteReported(at('drafts'));
    await new Promise((r) => setTimeout(r, 500));
    assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
    assert.equal((await checkClaims(editor.document.uri)).outcome.problems, undefined, 'the references were read again (their problem said again)');
    await deleteReported(at('opened.md'));
    assert.match(await settled(() => described('answer.md'), (d) => /out of date/.test(d)), /out of date/);
  });

  it('a folder made there that holds no file the glob reads (a new one, one moved in with notes) leaves the result up to date; one moved in with a reference does not (control) (QA: a new folder read "out of date")', async () => {
    const editor = await open('answer.md');
    assert.equal((await checkClaims(editor.document.uri)).outcome.status, 'checked');
    await createReported(at('other'), () => mkdirSync(at('other').fsPath));
    const staging = file('quiet-staging');
    mkdirSync(join(staging.fsPath, 'notes'), { recursive: true });
    mkdirSync(join(staging.fsPath, 'more'), { recursive: true });
    writeFileSync(join(staging.fsPath, 'notes', 'todo.txt'), 'The tower opened in 1889.\n');
    writeFileSync(join(staging.fsPath, 'more', 'architects.md'), 'The tower was designed by the architect Zorblax Quentin.\n');
    await new Promise((r) => setTimeout(r, 500));
    await createReported(at('notes'), () => renameSync(join(staging.fsPath, 'notes'), at('notes').fsPath));
    await new Promise((r) => setTimeout(r, 500));
    assert.doesNotMatch(described('answer.md'), /out of date|not listed/);
    await createReported(at('more'), () => renameSync(join(staging.fsPath, 'more'), at('more').fsPath));
    assert.match(await settled(() => described('answer.md'), (d) => /out of date/.test(d)), /out of date/);
    const again = (await checkClaims(editor.document.uri)).outcome;
    assert.ok(again.references.includes('quiet-refs/more/architects.md'), again.references.join(', '));
  });
});

describe('A reference edited while no loaded set reads it', () => {
  before(activate);

  it('leaves the results that read it out of date all the same (QA: a file added for another document let its set go, and the edit went unseen)', async () => {
    const shared = file('shared-refs');
    const config = file('.claimcheck.json');
    const original = await vscode.workspace.fs.readFile(config).then((b) => b, () => undefined);
    const wide = 'shared-wide.md';
    const narrow = 'shared-narrow.md';
    mkdirSync(shared.fsPath, { recursive: true });
    await writeReported(vscode.Uri.joinPath(shared, 'heights.md'), HEIGHTS);
    await writeReported(vscode.Uri.joinPath(shared, 'opened.md'), 'The tower opened in 1889.\n');
    await writeReported(file(wide), HEIGHTS);
    await writeReported(file(narrow), 'The tower opened in 1889.\n');
    // One document reads the folder, the other one file of it: each its own list of files, and its own set.
    await writeReported(config, JSON.stringify({ references: { [wide]: ['shared-refs'], [narrow]: ['shared-refs/opened.md'] } }));
    await new Promise((r) => setTimeout(r, 500)); // time for the extension to read it
    try {
      for (const [rel, read] of [[wide, ['shared-refs/heights.md', 'shared-refs/opened.md']], [narrow, ['shared-refs/opened.md']]] as const) {
        const editor = await open(rel);
        assert.deepEqual([...(await checkClaims(editor.document.uri)).outcome.references].sort(), read, rel);
      }
      // A file added to the folder the one reads: its result is out of date, the other's not; both their sets are let go.
      await writeReported(vscode.Uri.joinPath(shared, 'architects.md'), 'The tower was designed by the architect Zorblax Quentin.\n');
      assert.match(await settled(() => described(wide), (d) => /out of date/.test(d)), /out of date/);
      assert.doesNotMatch(described(narrow), /out of date|not listed/);
      // The file the other read is edited and saved: it is out of date now.
      const opened = await open('shared-refs/opened.md');
      await opened.edit((e) => e.replace(new vscode.Range(0, 0, 1, 0), 'The tower opened in 1890.\n'));
      assert.ok(await opened.document.save());
      assert.match(await settled(() => described(narrow), (d) => /out of date/.test(d)), /out of date/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (original) await vscode.workspace.fs.writeFile(config, original);
      else await removeIfExists(config);
      await vscode.commands.executeCommand('claimcheck.clear');
      for (const rel of [wide, narrow]) await removeIfExists(file(rel));
      rmSync(shared.fsPath, { recursive: true, force: true });
    }
  });
});
