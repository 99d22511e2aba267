// Measure Grader: the configured grader over a labelled JSONL file; balanced accuracy, F1, confusion matrix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, file, removeIfExists } from '../helpers';

interface Metrics {
  dataset: string;
  rows: number;
  balancedAccuracy: number;
  supported: { f1: number };
  unsupported: { f1: number };
  confusion: Record<'supported' | 'unsupported', Record<'supported' | 'unsupported', number>>;
}

describe('Measure Grader', () => {
  before(activate);

  it('measures the offline grader on a labelled file', async () => {
    const result = await vscode.commands.executeCommand<{ grader: string; metrics: Metrics[]; cancelled: boolean }>('claimcheck.measureGrader', file('eval/labelled.jsonl'));
    assert.equal(result.grader, 'offline');
    assert.equal(result.cancelled, false);
    const [m] = result.metrics;
    assert.equal(m?.dataset, 'demo');
    assert.equal(m.rows, 4);
    const c = m.confusion;
    assert.equal(c.supported.supported + c.supported.unsupported + c.unsupported.supported + c.unsupported.unsupported, 4);
    assert.ok(m.balancedAccuracy >= 0 && m.balancedAccuracy <= 1);
    assert.ok(m.unsupported.f1 > 0, 'the planted unknown names are caught');
  });

  it('takes the file as a URI string too, and says in one line when it cannot be read', async () => {
    const byString = await vscode.commands.executeCommand<{ metrics: Metrics[] } | undefined>('claimcheck.measureGrader', file('eval/labelled.jsonl').toString());
    assert.equal(byString?.metrics[0]?.rows, 4);
    const missing = await vscode.commands.executeCommand<unknown>('claimcheck.measureGrader', file('eval/nothing-here.jsonl'));
    assert.equal(missing, undefined);
  });

  it('reads the file as the engine reads any file: UTF-16 with a byte-order mark is measured, not read as garbage', async () => {
    const utf16 = file('eval/labelled-utf16.jsonl');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file('eval/labelled.jsonl')));
    await vscode.workspace.fs.writeFile(utf16, new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    try {
      const result = await vscode.commands.executeCommand<{ metrics: Metrics[] } | undefined>('claimcheck.measureGrader', utf16);
      assert.equal(result?.metrics[0]?.rows, 4);
    } finally {
      await removeIfExists(utf16);
    }
  });
});
