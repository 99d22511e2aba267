// Check Workspace: every Markdown and text file except references and files.exclude, results in the
// Problems panel, a summary; then Clear Results.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import type { ScanSummary as Summary } from '../../../../src/extension/scan';
import { activate, claimcheck, deleteReported, EXTENSION_ID, file, setWorkspaceSetting, writeReported } from '../helpers';

describe('Check Workspace', () => {
  before(async () => {
    await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('claimcheck.clear');
  });

  it('checks every included file but the references and excluded folders', async () => {
    const summary = await vscode.commands.executeCommand<Summary>('claimcheck.checkWorkspace', { skipCostPreview: true });
    const checked = [...summary.checked].sort();
    for (const f of ['answer.md', 'docs/scan-a.md', 'docs/selection.md', 'docs/directive.md', 'notes/scan-b.txt']) assert.ok(checked.includes(f), `${f} in ${checked.join(', ')}`);
    for (const f of ['references/eiffel.md', 'refs/fuji.md', 'drafts/hidden.md', 'extra/zorblax.md']) assert.ok(!checked.includes(f), `${f} not checked`);
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, checked.length);
    assert.ok(summary.unsupported >= 4, `unsupported: ${summary.unsupported}`);
    assert.ok(summary.claims > summary.unsupported);
    // Results of files never opened reach the Problems panel.
    assert.ok(claimcheck(file('docs/scan-a.md')).length > 0);
    assert.ok(claimcheck(file('notes/scan-b.txt')).length > 0);
    assert.equal(claimcheck(file('references/eiffel.md')).length, 0);
    assert.equal(claimcheck(file('refs/fuji.md')).length, 0);
  });

  it('a scanned file is out of date once a reference its directive names changes (QA: only the folder\'s references counted)', async () => {
    const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
    const described = (): string => api.claims().find((d) => d.document === 'docs/directive.md')?.description ?? 'not listed';
    assert.doesNotMatch(described(), /out of date|not listed/);
    const ref = file('extra/zorblax.md');
    const before = readFileSync(ref.fsPath, 'utf8');
    try {
      writeFileSync(ref.fsPath, `${before}\nThe tower opened in 1889.\n`);
      for (let i = 0; i < 100 && !/out of date/.test(described()); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(described(), /out of date/);
    } finally {
      writeFileSync(ref.fsPath, before);
    }
  });

  it('a scanned file another program changes on disk leaves no finding on its old line (QA: they pointed at the wrong text)', async () => {
    const uri = file('docs/scan-a.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const lines = claimcheck(uri).map((d) => d.range.start.line);
    assert.ok(lines.length > 0);
    // Not loaded: the findings are dropped. Loaded by an earlier test: the reload moves them two lines down.
    // Either way none stays on its old line, over other text.
    const dropped = new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        const now = claimcheck(uri).map((d) => d.range.start.line);
        if (now.length === 0 || now.join() === lines.map((l) => l + 2).join()) (sub.dispose(), resolve());
      });
    });
    // As git or a script would: straight to disk, the document never loaded in an editor.
    writeFileSync(uri.fsPath, before.replace('# Scan A\n', '# Scan A\n\nA new first paragraph pushes every claim down.\n'));
    try {
      await dropped;
    } finally {
      writeFileSync(uri.fsPath, before);
    }
  });

  it('a scan cancelled while it is still finding files checks nothing', async () => {
    const cts = new vscode.CancellationTokenSource();
    cts.cancel();
    try {
      const summary = await vscode.commands.executeCommand<Summary>('claimcheck.checkWorkspace', { skipCostPreview: true, token: cts.token });
      assert.equal(summary.cancelled, true);
      assert.deepEqual(summary.checked, []);
    } finally {
      cts.dispose();
    }
  });

  it('a scan skips an open document whose text is binary or blank, in the words it uses for such a file on disk (QA: it checked the editor text as prose)', async () => {
    const TEXT = '# Scan\n\nThe tower is 330 metres tall.\n';
    const names = ['scan-nul-open.md', 'scan-blank-open.md'];
    for (const name of names) writeFileSync(file(name).fsPath, TEXT);
    writeFileSync(file('scan-nul-disk.md').fsPath, Buffer.from('# Scan\n\u0000\u0001\u0002 The tower is 330 metres tall.\n'));
    writeFileSync(file('scan-blank-disk.md').fsPath, '\n  \n');
    // Unsaved edits must stay unsaved (code-server saves after a delay by default).
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      // As a binary file opened anyway reads in the editor: NUL characters among the text.
      const nul = await vscode.window.showTextDocument(file('scan-nul-open.md'));
      await nul.edit((e) => e.insert(new vscode.Position(1, 0), '\u0000\u0001\u0002 '));
      const blank = await vscode.window.showTextDocument(file('scan-blank-open.md'));
      await blank.edit((e) => e.replace(new vscode.Range(0, 0, blank.document.lineCount, 0), '\n  \n'));
      for (let i = 0; i < 50 && !(nul.document.isDirty && blank.document.isDirty); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(nul.document.isDirty && blank.document.isDirty);
      const summary = await vscode.commands.executeCommand<Summary>('claimcheck.checkWorkspace', { skipCostPreview: true });
      for (const name of names) assert.ok(!summary.checked.includes(name), `${name} not checked`);
      const said = (name: string): string | undefined => summary.skippedReasons.find((r) => r.startsWith(`${name}:`))?.replace(name, 'FILE');
      assert.match(said('scan-nul-disk.md') ?? '', /^FILE: looks like a binary file/, summary.skippedReasons.join('\n'));
      assert.match(said('scan-blank-disk.md') ?? '', /^FILE: is empty/, summary.skippedReasons.join('\n'));
      assert.equal(said('scan-nul-open.md'), said('scan-nul-disk.md'));
      assert.equal(said('scan-blank-open.md'), said('scan-blank-disk.md'));
    } finally {
      for (const name of names) {
        await vscode.window.showTextDocument(file(name));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      for (const name of [...names, 'scan-nul-disk.md', 'scan-blank-disk.md']) rmSync(file(name).fsPath, { force: true });
    }
  });

  it('reads a directive as the check reads its document: a UTF-16 one names references, one over the size limit none (QA: its own reader missed the first, read the second)', async () => {
    const utf16 = file('docs/utf16.md');
    const large = file('docs/large.md');
    const refs = ['extra/named-by-utf16.md', 'extra/named-by-large.md'];
    try {
      for (const f of refs) await writeReported(file(f), 'The tower opened in 1889.\n');
      const directive = (ref: string): string => `<!-- claimcheck: references=../${ref} -->\n\nThe Eiffel Tower is 330 metres tall.\n`;
      // UTF-16 with a BOM: the engine checks it, so the file its directive names is a reference.
      await writeReported(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(directive(refs[0]!), 'utf16le')]));
      await writeReported(large, directive(refs[1]!));
      await setWorkspaceSetting('maxFileSizeKB', 1);
      // Open and grown past the limit: the scan skips it, so its directive names no reference, as on disk.
      const editor = await vscode.window.showTextDocument(large);
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), `${'The tower is tall. '.repeat(80)}\n`));
      const summary = await vscode.commands.executeCommand<Summary>('claimcheck.checkWorkspace', { skipCostPreview: true });
      assert.ok(summary.checked.includes('docs/utf16.md'), summary.checked.join(', '));
      assert.ok(!summary.checked.includes(refs[0]!), `${refs[0]} is a reference: ${summary.checked.join(', ')}`);
      assert.ok(!summary.checked.includes('docs/large.md'), summary.checked.join(', '));
      assert.ok(summary.checked.includes(refs[1]!), `${refs[1]} is no reference: ${summary.checked.join(', ')}`);
    } finally {
      await vscode.window.showTextDocument(large);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await setWorkspaceSetting('maxFileSizeKB', undefined);
      for (const f of [utf16, large, ...refs.map(file)]) await deleteReported(f);
      await vscode.commands.executeCommand('claimcheck.clear');
    }
  });

  it('never checks a file that a directive names by its folder or a glob (QA: only a file named itself was left out)', async () => {
    const doc = file('docs/named-folders.md');
    const refs = ['more/a.md', 'more2/b.md'];
    try {
      for (const f of refs) {
        mkdirSync(dirname(file(f).fsPath), { recursive: true });
        await writeReported(file(f), 'The tower opened in 1889.\n');
      }
      await writeReported(doc, '<!-- claimcheck: references=../more, ../more2/*.md -->\n\nThe Eiffel Tower is 330 metres tall.\n');
      const summary = await vscode.commands.executeCommand<Summary>('claimcheck.checkWorkspace', { skipCostPreview: true });
      assert.ok(summary.checked.includes('docs/named-folders.md'), summary.checked.join(', '));
      for (const f of refs) assert.ok(!summary.checked.includes(f), `${f} is a reference: ${summary.checked.join(', ')}`);
    } finally {
      for (const f of [doc, file('more'), file('more2')]) await deleteReported(f);
      await vscode.commands.executeCommand('claimcheck.clear');
    }
  });

  it('Clear Results removes every ClaimCheck diagnostic', async () => {
    const cleared = new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        if (vscode.languages.getDiagnostics().every(([, ds]) => !ds.some((d) => d.source === 'ClaimCheck'))) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('claimcheck.clear');
    await cleared;
    assert.equal(claimcheck(file('docs/scan-a.md')).length, 0);
  });

  it('skips hidden files and folders and node_modules (in any letter case), by the CLI\'s rule, whatever an exclude of its own says', async () => {
    const hidden = ['.github/template.md', 'docs/.draft.md', 'node_modules/pkg/readme.md', 'docs/Node_Modules/pkg/readme.md'];
    try {
      for (const f of hidden) mkdirSync(dirname(file(f).fsPath), { recursive: true });
      for (const f of hidden.slice(0, 2)) await writeReported(file(f), 'The Eiffel Tower is in Rome.\n');
      // The file watcher never reports node_modules (files.watcherExclude); the scan reads the disk.
      for (const f of hidden.slice(2)) writeFileSync(file(f).fsPath, 'The Eiffel Tower is in Rome.\n');
      // An exclude of its own replaces the default one, which names node_modules: the rule still holds.
      await writeReported(file('.claimcheck.json'), JSON.stringify({ exclude: ['extra/**'] }));
      const summary = await vscode.commands.executeCommand<Summary>('claimcheck.checkWorkspace', { skipCostPreview: true });
      for (const f of hidden) assert.ok(!summary.checked.includes(f), `${f} not checked: ${summary.checked.join(', ')}`);
      assert.ok(summary.checked.includes('docs/scan-a.md'), summary.checked.join(', '));
    } finally {
      for (const f of ['.claimcheck.json', '.github', 'docs/.draft.md']) if (existsSync(file(f).fsPath)) await deleteReported(file(f));
      for (const f of ['node_modules', 'docs/Node_Modules']) rmSync(file(f).fsPath, { recursive: true, force: true });
      await vscode.commands.executeCommand('claimcheck.clear');
    }
  });
});
