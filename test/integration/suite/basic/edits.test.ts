// After edits, diagnostics move with the text; a claim whose own text changed loses its diagnostic;
// undo brings it back; a check that finishes after an edit still lands on the right text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, checkClaims, claimcheck, diagnosticsAfter, hoverText, open, rangeOf, type Outcome } from '../helpers';

const CLAIM = 'The tower was designed by the architect Zorblax Quentin.';

describe('Edits', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await activate();
    editor = await open('docs/edits.md');
  });

  beforeEach(async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    // The fixture text, whatever came before: a test that timed out goes on running after its afterEach, and its late
    // edit would otherwise meet the next test (and its retry) in place of the claim.
    if (editor.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    editor.selection = new vscode.Selection(0, 0, 0, 0); // no selection: Check Claims takes the whole document
  });

  afterEach(async () => {
    // Back to the fixture text for the next test.
    for (let i = 0; i < 10 && editor.document.isDirty; i++) await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.isDirty, false);
  });

  it('moves diagnostics down when lines are inserted above them', async () => {
    const { diagnostics } = await checkClaims(editor.document.uri, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => d.range.isEqual(rangeOf(editor.document, CLAIM))));
    const { diagnostics: moved } = await diagnosticsAfter(
      editor.document.uri,
      () => editor.edit((e) => e.insert(new vscode.Position(2, 0), 'A new first line.\nAnd a second one.\n')),
      (d) => d.some((x) => x.range.start.line === 5),
    );
    const d = moved.find((x) => editor.document.getText(x.range) === CLAIM);
    assert.ok(d, 'the diagnostic still covers the claim');
    assert.ok(d.range.isEqual(rangeOf(editor.document, CLAIM)));
  });

  it('moves diagnostics along a line when text is inserted before them on the same line', async () => {
    await checkClaims(editor.document.uri, (d) => d.length > 0);
    const start = rangeOf(editor.document, CLAIM).start;
    const { diagnostics } = await diagnosticsAfter(
      editor.document.uri,
      () => editor.edit((e) => e.insert(start, 'Note: ')),
      (d) => d.some((x) => x.range.start.character === start.character + 6),
    );
    assert.ok(diagnostics.some((x) => x.range.isEqual(rangeOf(editor.document, CLAIM))));
  });

  it('shows the hover on a claim that just moved, before its diagnostic is published again', async () => {
    await checkClaims(editor.document.uri, (d) => d.length > 0);
    const start = rangeOf(editor.document, CLAIM).start;
    await editor.edit((e) => e.insert(start, 'Note: '));
    // At once: diagnostics are published again only once typing pauses.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, rangeOf(editor.document, CLAIM).start.translate(0, 10));
    assert.match(hoverText(hovers), /Zorblax/);
  });

  it('drops the diagnostic of a claim whose own text changed', async () => {
    await checkClaims(editor.document.uri, (d) => d.length > 0);
    const range = rangeOf(editor.document, 'Zorblax');
    const { diagnostics } = await diagnosticsAfter(
      editor.document.uri,
      () => editor.edit((e) => e.replace(range, 'Gustave')),
      (d) => d.length === 0,
    );
    assert.equal(diagnostics.length, 0);
  });

  it('brings the diagnostic back when an undo restores the claim', async () => {
    await checkClaims(editor.document.uri, (d) => d.length > 0);
    const range = rangeOf(editor.document, 'Zorblax');
    await diagnosticsAfter(editor.document.uri, () => editor.edit((e) => e.replace(range, 'Gustave')), (d) => d.length === 0);
    const { diagnostics } = await diagnosticsAfter(editor.document.uri, () => vscode.commands.executeCommand('undo'), (d) => d.length > 0);
    assert.ok(!editor.document.getText().includes('Gustave'), 'the undo restored the text');
    assert.ok(diagnostics.some((d) => d.range.isEqual(rangeOf(editor.document, CLAIM))), 'the claim is flagged again');
    // Deleted with the lines around it and put back: the same.
    const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
    await diagnosticsAfter(editor.document.uri, () => editor.edit((e) => e.delete(all)), (d) => d.length === 0);
    const { diagnostics: again } = await diagnosticsAfter(editor.document.uri, () => vscode.commands.executeCommand('undo'), (d) => d.length > 0);
    assert.ok(again.some((d) => d.range.isEqual(rangeOf(editor.document, CLAIM))));
  });

  it('places a result that arrives after an edit on the edited text', async () => {
    await vscode.commands.executeCommand('claimcheck.clear');
    const pending = vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
    // Typed while the check runs: the result must follow this edit (or be dropped if it lost the race).
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Typed while checking.\n'));
    const outcome = await pending;
    assert.ok(outcome.status === 'checked' || outcome.status === 'superseded', outcome.status);
    for (const d of claimcheck(editor.document.uri)) assert.equal(editor.document.getText(d.range), CLAIM);
  });
});
