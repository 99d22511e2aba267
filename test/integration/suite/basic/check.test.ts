// Check Claims on a document with planted errors: diagnostics on exact ranges with codes and evidence,
// the hover, and the quick fixes (open evidence, accept, replace the value).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, checkClaims, claimcheck, codeActionsAt, codeOf, deleteReported, diagnosticsAfter, file, hoverText, open, openUntitled, rangeOf, removeIfExists, writeReported, type Outcome } from '../helpers';

const WRONG_NUMBER = 'The tower is 900 metres tall.';
const UNKNOWN_NAME = 'The tower was designed by the architect Zorblax Quentin.';
const SUPPORTED = 'The Eiffel Tower is a wrought-iron lattice tower in Paris, France.';

describe('Check Claims', () => {
  let editor: vscode.TextEditor;
  let outcome: Outcome;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    await activate();
    await vscode.commands.executeCommand('claimcheck.clear');
    editor = await open('answer.md');
    ({ outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length > 0));
  });

  after(async () => {
    await removeIfExists(file('.claimcheck.json'));
  });

  it('returns the findings and the references it used', () => {
    assert.equal(outcome.status, 'checked');
    assert.equal(outcome.grader?.id, 'offline');
    assert.ok(outcome.claims >= 4, `claims: ${outcome.claims}`);
    assert.ok(outcome.references.includes('references/eiffel.md'), outcome.references.join(', '));
  });

  it('flags the name the references never mention as unsupported, on its exact range, with evidence', async () => {
    const d = diagnostics.find((x) => x.range.isEqual(rangeOf(editor.document, UNKNOWN_NAME)));
    assert.ok(d, `a diagnostic on "${UNKNOWN_NAME}"; got ${diagnostics.map((x) => `${x.range.start.line}:${x.range.start.character} ${x.message}`).join(' | ')}`);
    assert.equal(codeOf(d), 'claim.unsupported');
    assert.equal(d.source, 'ClaimCheck');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /README\.md#claimunsupported$/);
    assert.ok(d.relatedInformation?.length, 'evidence is attached');
    const evidence = outcome.findings.find((f) => f.text === UNKNOWN_NAME)!.evidence;
    assert.equal(d.relatedInformation.length, evidence.length);
    for (const [i, r] of d.relatedInformation.entries()) {
      assert.ok(r.location.uri.path.endsWith(`/${evidence[i]!.source}`), `${r.location.uri.path} is ${evidence[i]!.source}`);
      const ref = await vscode.workspace.openTextDocument(r.location.uri);
      const quote = evidence[i]!.quote;
      assert.ok(ref.lineAt(r.location.range.start.line).text.includes(quote.slice(0, 30)), `line ${r.location.range.start.line + 1} of ${r.location.uri.path} holds the quote "${quote.slice(0, 30)}"`);
    }
  });

  it('flags the wrong number as contradicted, with the reference line that gives the right one', () => {
    const d = diagnostics.find((x) => x.range.isEqual(rangeOf(editor.document, WRONG_NUMBER)));
    assert.ok(d, `a diagnostic on "${WRONG_NUMBER}"`);
    assert.equal(codeOf(d), 'claim.contradicted');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(
      d.relatedInformation?.some((r) => r.location.uri.path.endsWith('/references/eiffel.md') && r.location.range.start.line === 8),
      'evidence points at "The tower is 330 metres tall" (line 9)',
    );
  });

  it('leaves supported claims alone', () => {
    const supported = rangeOf(editor.document, SUPPORTED);
    assert.ok(!diagnostics.some((d) => d.range.intersection(supported)), 'no diagnostic on a supported claim');
  });

  it('shows the verdict, the evidence quote, its link and the grader in a hover', async () => {
    const range = rangeOf(editor.document, UNKNOWN_NAME);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, range.start.translate(0, 10));
    const text = hoverText(hovers);
    const finding = outcome.findings.find((f) => f.text === UNKNOWN_NAME)!;
    assert.ok(text.includes('Unsupported'), text);
    assert.ok(text.includes(finding.evidence[0]!.quote.slice(0, 40)), `hover holds the quote: ${text}`);
    assert.match(text, /references\/eiffel\.md#L\d+|refs\/fuji\.md#L\d+/);
    assert.ok(text.includes('offline'), text);
  });

  it('offers quick fixes tied to the diagnostic, and "Open evidence" opens the reference at the passage', async () => {
    const range = rangeOf(editor.document, UNKNOWN_NAME);
    const actions = await codeActionsAt(editor.document.uri, range);
    const titles = actions.map((a) => a.title);
    const openAction = actions.find((a) => a.title.startsWith('Open evidence'));
    assert.ok(openAction?.command, titles.join(' | '));
    assert.ok(actions.some((a) => a.title.startsWith('Accept this claim')), titles.join(' | '));
    const ours = actions.filter((a) => /^(Open evidence|Accept this claim|Replace )/.test(a.title));
    assert.ok(ours.length >= 2 && ours.every((a) => a.kind?.value === 'quickfix'), ours.map((a) => `${a.title}: ${a.kind?.value}`).join(' | '));
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && /\/(references|refs)\//.test(e.document.uri.path)) {
          sub.dispose();
          resolve(e);
        }
      });
    });
    await vscode.commands.executeCommand(openAction.command.command, ...(openAction.command.arguments ?? []));
    const ref = await opened;
    const line = (openAction.command.arguments?.[1] as number) - 1;
    assert.equal(ref.selection.start.line, line);
    editor = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
  });

  it('"Open evidence" selects a quote with a character reference as written in a Markdown reference (QA: it found no "AT&T" in "AT&amp;T" and selected the line)', async () => {
    // Each quote is one sentence of a line that holds more: the line is not the quote.
    const written = ['AT&amp;T was founded in Boston in 1885.', 'The Caf&eacute; de Flore in Paris opened in 1887.'];
    const text = `# Firms\n\nFounded long ago. ${written[0]} It sold telephones.\n\nOn the Left Bank. ${written[1]} It serves coffee.\n`;
    // Reported by the watcher before the check, so that the loaded references are read again with it.
    await writeReported(file('references/firms.md'), text);
    try {
      const doc = await openUntitled('markdown', 'AT&T was founded in Boston in 1899.\n\nThe Café de Flore in Paris opened in 1901.\n');
      await vscode.window.showTextDocument(doc);
      const { outcome: checked } = await checkClaims(doc.uri, (d) => d.length >= 2);
      const quotes = checked.findings.flatMap((f) => f.evidence).filter((e) => e.source === 'references/firms.md');
      for (const [i, read] of [[0, 'AT&T'], [1, 'Café']] as const) {
        const evidence = quotes.find((e) => e.quote.includes(read));
        assert.ok(evidence, `evidence quoting "${read}": ${JSON.stringify(checked.findings)}`);
        await vscode.commands.executeCommand('claimcheck.openEvidence', file('references/firms.md'), evidence.line, evidence.quote);
        const ref = vscode.window.activeTextEditor!;
        assert.ok(ref.document.uri.path.endsWith('/references/firms.md'), ref.document.uri.path);
        assert.equal(ref.document.getText(ref.selection), written[i]);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await deleteReported(file('references/firms.md'));
      editor = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    }
  });

  it('"Accept this claim" records it in .claimcheck.json and silences it, also on the next check', async () => {
    const range = rangeOf(editor.document, UNKNOWN_NAME);
    const actions = await codeActionsAt(editor.document.uri, range);
    const accept = actions.find((a) => a.title.startsWith('Accept this claim'));
    assert.ok(accept?.command);
    const others = claimcheck(editor.document.uri).filter((d) => !d.range.isEqual(range)).length;
    const { diagnostics: after } = await diagnosticsAfter(
      editor.document.uri,
      () => vscode.commands.executeCommand(accept.command!.command, ...(accept.command!.arguments ?? [])),
      (d) => !d.some((x) => x.range.isEqual(range)),
    );
    assert.equal(after.length, others, 'the other claims keep their diagnostics');
    const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file('.claimcheck.json')))) as { accepted?: string[] };
    assert.equal(config.accepted?.length, 1);
    const again = await checkClaims(editor.document.uri);
    assert.ok(!again.diagnostics.some((d) => d.range.isEqual(range)), 'an accepted claim stays quiet');
    assert.ok(!again.outcome.findings.some((f) => f.text === UNKNOWN_NAME));
  });

  it('replaces a wrong value with the reference value where the grader gives one', async function () {
    const finding = outcome.findings.find((f) => f.text === WRONG_NUMBER);
    if (!finding?.fix) this.skip();
    const range = rangeOf(editor.document, WRONG_NUMBER);
    const actions = await codeActionsAt(editor.document.uri, range);
    const fix = actions.find((a) => a.edit && a.isPreferred);
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    const { diagnostics: after } = await diagnosticsAfter(editor.document.uri, () => vscode.workspace.applyEdit(fix.edit!), (d) => !d.some((x) => codeOf(x) === 'claim.contradicted'));
    assert.ok(editor.document.getText().includes(`The tower is ${finding.fix!.text} metres tall.`) || editor.document.getText().includes(finding.fix!.text));
    assert.ok(!after.some((x) => codeOf(x) === 'claim.contradicted'), 'the edited claim lost its diagnostic until checked again');
    await vscode.commands.executeCommand('undo');
  });

  it('a fix across Markdown keeps it balanced, and its title names the values as read', async () => {
    const uri = file('bold-fix.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Bold\n\nThe tower is **900** metres tall.\n'));
    try {
      const bold = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await checkClaims(uri, (d) => d.some((x) => codeOf(x) === 'claim.contradicted'));
      const actions = await codeActionsAt(uri, rangeOf(bold.document, 'The tower'));
      const fix = actions.find((a) => a.edit && a.isPreferred);
      // Not 'Replace "900** metres" with "330 metres**"', the written texts.
      assert.equal(fix?.title, 'Replace "900 metres" with "330 metres" (from the reference)', actions.map((a) => a.title).join(' | '));
      await vscode.workspace.applyEdit(fix.edit!);
      assert.equal(bold.document.lineAt(2).text, 'The tower is **330 metres** tall.');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await removeIfExists(uri);
    }
  });

  it('does not check a reference document', async () => {
    await open('references/eiffel.md');
    const r = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
    assert.equal(r.status, 'is-reference');
    assert.equal(claimcheck(file('references/eiffel.md')).length, 0);
  });
});
