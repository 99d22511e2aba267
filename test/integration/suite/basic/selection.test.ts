// Check Claims with a selection checks only the claims inside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import { activate, checkClaims, claimcheck, codeOf, EXTENSION_ID, open, rangeOf, setUserSetting, type Outcome } from '../helpers';

describe('Check Claims on a selection', () => {
  before(activate);

  it('checks only the selected claims', async () => {
    await vscode.commands.executeCommand('claimcheck.clear');
    const editor = await open('docs/selection.md');
    const first = rangeOf(editor.document, 'The tower was designed by the architect Zorblax Quentin.');
    const second = rangeOf(editor.document, 'The tower was painted by the artist Belvane Okonkwo.');
    editor.selection = new vscode.Selection(second.start.with({ character: 0 }), second.end);
    const { outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length > 0);
    assert.equal(outcome.status, 'checked');
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, codeOf(d)]),
      [[second.start.line, second.start.character, second.end.line, second.end.character, 'claim.unsupported']],
    );
    assert.ok(outcome.findings.every((f) => f.start >= editor.document.offsetAt(second.start.with({ character: 0 }))));

    // Then the whole document: the first claim joins, the second stays.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const all = await checkClaims(editor.document.uri, (d) => d.length === 2);
    assert.ok(all.diagnostics.some((d) => d.range.isEqual(first)));
    assert.ok(all.diagnostics.some((d) => d.range.isEqual(second)));

    // A selection that only grazes the first claim (its midpoint outside) does not check it, and so keeps
    // its finding: from five characters before its end to the end of the next, supported, claim.
    const middle = rangeOf(editor.document, 'The Eiffel Tower is a wrought-iron lattice tower in Paris, France.');
    editor.selection = new vscode.Selection(first.end.translate(0, -5), middle.end);
    const grazed = await vscode.commands.executeCommand<Outcome | undefined>('claimcheck.checkClaims');
    assert.equal(grazed?.status, 'checked');
    assert.equal(grazed?.claims, 1);
    const after = claimcheck(editor.document.uri);
    assert.ok(after.some((d) => d.range.isEqual(first)), 'the grazed claim keeps its diagnostic');
    assert.ok(after.some((d) => d.range.isEqual(second)));
  });

  it('several selections (multi-cursor) check every selected claim, and only those', async () => {
    await vscode.commands.executeCommand('claimcheck.clear');
    const editor = await open('docs/selection.md');
    const first = rangeOf(editor.document, 'The tower was designed by the architect Zorblax Quentin.');
    const middle = rangeOf(editor.document, 'The Eiffel Tower is a wrought-iron lattice tower in Paris, France.');
    const second = rangeOf(editor.document, 'The tower was painted by the artist Belvane Okonkwo.');
    // The primary selection is the later one; an empty cursor beside them adds nothing.
    editor.selections = [new vscode.Selection(second.start, second.end), new vscode.Selection(first.start, first.end), new vscode.Selection(middle.start, middle.start)];
    try {
      // One check publishes once: whatever it gives first is all it gives.
      const { outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length > 0);
      assert.equal(outcome.status, 'checked');
      assert.equal(outcome.claims, 2, 'the two selected claims, not the unselected one between them');
      assert.deepEqual(
        diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, codeOf(d)]).sort(),
        [[first.start.line, first.start.character, first.end.line, 'claim.unsupported'], [second.start.line, second.start.character, second.end.line, 'claim.unsupported']],
      );
      const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
      assert.match(api.status().detail ?? '', /Only a selection checked/);
    } finally {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
    }
  });

  it('a selection check after an edit elsewhere leaves the document out of date (QA)', async () => {
    const editor = await open('docs/selection.md');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await checkClaims(editor.document.uri, (d) => d.length === 2);
    const api = vscode.extensions.getExtension<{ claims(): { document: string; description: string }[] }>(EXTENSION_ID)!.exports;
    const description = async (until: (d: string) => boolean): Promise<string> => {
      for (let i = 0; i < 50 && !until(api.claims().find((d) => d.document === 'docs/selection.md')?.description ?? ''); i++) await new Promise((r) => setTimeout(r, 100));
      return api.claims().find((d) => d.document === 'docs/selection.md')?.description ?? '';
    };
    assert.doesNotMatch(await description((d) => !!d && !/out of date/.test(d)), /out of date/);
    // No check on save here: an auto-save would check the whole document.
    await setUserSetting('checkOnSave', 'off');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\nThe tower was built by the crew of Zed Ufnar.\n'));
    try {
      assert.match(await description((d) => /out of date/.test(d)), /out of date/);
      // Only a supported sentence is checked: the new claim below it is not, so the document stays out of date.
      editor.selection = new vscode.Selection(rangeOf(editor.document, 'The Eiffel Tower is a wrought-iron lattice tower in Paris, France.').start, rangeOf(editor.document, 'The Eiffel Tower is a wrought-iron lattice tower in Paris, France.').end);
      const outcome = await vscode.commands.executeCommand<Outcome | undefined>('claimcheck.checkClaims');
      assert.equal(outcome?.status, 'checked');
      assert.match(await description(() => false), /out of date/);
    } finally {
      await vscode.commands.executeCommand('undo');
      await editor.document.save();
      await setUserSetting('checkOnSave', undefined);
    }
  });

  it('a selection of the whole document (Select All) checks the whole document: up to date, not "only a selection" (QA)', async () => {
    await vscode.commands.executeCommand('claimcheck.clear');
    const editor = await open('docs/selection.md');
    const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
    const selectAll = (): void => {
      editor.selection = new vscode.Selection(new vscode.Position(0, 0), editor.document.lineAt(editor.document.lineCount - 1).range.end);
    };
    selectAll();
    await checkClaims(editor.document.uri, (d) => d.length === 2);
    assert.equal(api.status().detail, 'Up to date');
    // Edited: out of date until the whole document is checked again, by Select All too.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'A first line.\n\n'));
    try {
      assert.equal(api.status().detail, 'Edited since the last check');
      selectAll();
      const { outcome } = await checkClaims(editor.document.uri);
      assert.equal(outcome.status, 'checked');
      assert.equal(api.status().detail, 'Up to date');
    } finally {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('undo');
    }
  });
});
