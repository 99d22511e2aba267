// Show Coverage: the statements of a document's references that it leaves out, in a quick pick.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, file } from '../helpers';

interface Result {
  document: string;
  statements: number;
  covered: number;
  leftOut: { source: string; line: number; text: string; partly: boolean }[];
}

describe('Show Coverage', () => {
  before(activate);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('lists the reference statements the answer leaves out, with their file and line', async () => {
    const r = await vscode.commands.executeCommand<Result>('claimcheck.showCoverage', file('answer.md'));
    assert.equal(r.document, 'answer.md');
    assert.ok(r.statements >= 10, `statements: ${r.statements}`);
    // Every sentence of the answer drops a detail or changes a value, so no statement is stated whole (the
    // unit tests count covered statements).
    assert.equal(r.covered, 0, `covered ${r.covered} of ${r.statements}`);
    const rust = r.leftOut.find((l) => l.text.startsWith('The tower is repainted every seven years'));
    assert.deepEqual(rust && [rust.source, rust.line, rust.partly], ['references/eiffel.md', 16, false]);
    // The answer's first sentence drops "on the Champ de Mars": said in part.
    const mars = r.leftOut.find((l) => l.text.includes('Champ de Mars'));
    assert.equal(mars?.partly, true);
    // The answer makes the first half of this one and not its "most-visited monument": said in part.
    const visitors = r.leftOut.find((l) => l.text.startsWith('About 7 million people'));
    assert.equal(visitors?.partly, true, JSON.stringify(visitors));
  });

  it('says why when a document has nothing to compare with (a reference itself)', async () => {
    assert.equal(await vscode.commands.executeCommand('claimcheck.showCoverage', file('references/eiffel.md')), undefined);
  });
});
