// The first-run experience as VS Code itself reads it: the Get Started walkthrough is contributed with
// its strings resolved, every command its buttons and completion events name is registered, and the
// Check Claims chord is bound in VS Code's own keybindings table with no default binding beside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID, open, type Outcome } from '../helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: { walkthroughs?: { id: string; title: string; steps: Step[] }[] };
}

const CHORD = 'ctrl+k shift+c';

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !condition(); ) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('walkthrough and keybinding (basic workspace)', () => {
  before(activate);

  it('contributes the Get Started walkthrough, its strings resolved and its pages in the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthrough = (ext.packageJSON as Manifest).contributes.walkthroughs?.find((w) => w.id === 'getStarted');
    assert.ok(walkthrough, 'a getStarted walkthrough');
    assert.equal(walkthrough.title, 'Get started with ClaimCheck');
    for (const step of walkthrough.steps) {
      assert.doesNotMatch(`${step.title} ${step.description}`, /%walkthrough\./, `${step.id}: resolved from package.nls.json`);
      const page = vscode.Uri.joinPath(ext.extensionUri, step.media.markdown ?? '');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
      assert.match(text, /^## /, `${step.id}: ${step.media.markdown} is a page`);
    }
  });

  it('every command the walkthrough runs or waits for is registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const steps = (ext.packageJSON as Manifest).contributes.walkthroughs?.flatMap((w) => w.steps) ?? [];
    const named = steps.flatMap((s) => [
      ...[...s.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!),
      ...(s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
    ]);
    assert.ok(steps.length > 0 && named.length >= steps.length, 'each step names a command');
    const registered = new Set(await vscode.commands.getCommands(false));
    assert.deepEqual(named.filter((c) => !registered.has(c)), []);
  });

  it(`binds ${CHORD} to Check Claims in Markdown and text editors, and VS Code binds nothing else to it`, async () => {
    // VS Code's Default Keyboard Shortcuts (JSON): every default binding of this platform, extensions' included.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const table = JSON.parse(doc.getText().split('\n').filter((l) => !l.trim().startsWith('//')).join('\n')) as { key: string; command: string; when?: string }[];
    assert.ok(table.length > 500, `the table has VS Code's bindings (${table.length})`);
    const bound = table.filter((k) => k.key === CHORD || k.key.startsWith(`${CHORD} `));
    assert.deepEqual(bound.map((k) => k.command), ['claimcheck.checkClaims']);
    assert.match(bound[0]!.when ?? '', /editorLangId == '?markdown\b/);
    assert.match(bound[0]!.when ?? '', /editorLangId == '?plaintext\b/);
  });
  it("Check Claims from the walkthrough (no text editor active) checks the answer shown beside it", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await open('answer.md');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#getStarted`, true);
    await waitFor(() => vscode.window.activeTextEditor === undefined);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === editor.document), 'the answer is still shown');
    const r = await vscode.commands.executeCommand<Outcome | undefined>('claimcheck.checkClaims');
    assert.equal(r?.uri, editor.document.uri.toString());
    assert.equal(r?.status, 'checked');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
