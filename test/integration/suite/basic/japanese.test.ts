// Japanese text: claims split on 。, exact UTF-16 ranges, evidence from a Japanese reference.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, checkClaims, codeOf, hoverText, open, rangeOf } from '../helpers';

describe('Japanese', () => {
  before(activate);

  it('flags the unsupported Japanese claim on its exact range, with the Japanese reference as evidence', async () => {
    const editor = await open('docs/japanese.md');
    const claim = '富士山はジョン・スミスによって初めて測量された。';
    const { outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length > 0);
    const range = rangeOf(editor.document, claim);
    const d = diagnostics.find((x) => x.range.isEqual(range));
    assert.ok(d, `a diagnostic on the claim; got ${diagnostics.map((x) => editor.document.getText(x.range)).join(' | ')}`);
    assert.equal(codeOf(d), 'claim.unsupported');
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.path.endsWith('/refs/fuji.md')));
    assert.ok(!diagnostics.some((x) => x.range.intersection(rangeOf(editor.document, '富士山は静岡県と山梨県にまたがる活火山である。'))));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, range.start.translate(0, 3));
    const quote = outcome.findings.find((f) => f.text === claim)!.evidence[0]!.quote;
    assert.ok(hoverText(hovers).includes(quote.slice(0, 20)), hoverText(hovers));
  });
});
