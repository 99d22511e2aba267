// In a VS Code whose display language is Japanese (a workspace named ja*, see lib/locale.mjs), what the
// extension says is Japanese: diagnostics and the reasons in them, the hover, the quick fixes, the Claims
// view and its messages. The expected texts come from the extension's own bundle: a string missing from it
// fails here.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sayProblem } from '../../../../src/core/problems';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import { activate, checkClaims, codeActionsAt, EXTENSION_ID, hoverText, open, rangeOf, setUserSetting, type Outcome } from '../helpers';

const WRONG_NUMBER = 'The tower is 900 metres tall.';

describe('Japanese display language', () => {
  let ja: Record<string, string>;
  /** The Japanese of an English message of the extension, with its arguments. */
  const t = (message: string, ...args: (string | number)[]): string => {
    const text = ja[message];
    assert.ok(text, `the Japanese bundle has "${message}"`);
    return text.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
  };

  before(async () => {
    await activate();
    const ext = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!;
    ja = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'l10n', 'bundle.l10n.ja.json')))) as Record<string, string>;
  });

  it('runs with Japanese as the display language', () => {
    assert.equal(vscode.env.language, 'ja');
  });

  it('shows the Get Started walkthrough in Japanese, each step with its Japanese page', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const read = async (...path: string[]): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, ...path)));
    const nlsJa = JSON.parse(await read('package.nls.ja.json')) as Record<string, string>;
    const manifest = ext.packageJSON as { contributes: { walkthroughs: { id: string; title: string; steps: { id: string; title: string; media: { markdown: string } }[] }[] } };
    const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'getStarted');
    assert.equal(walkthrough?.title, nlsJa['walkthrough.getStarted.title']);
    for (const step of walkthrough.steps) {
      assert.equal(step.title, nlsJa[`walkthrough.${step.id}.title`], step.id);
      // VS Code shows <page>.nls.ja.md in a Japanese display language when it exists.
      assert.match(await read(step.media.markdown.replace(/\.md$/, `.nls.${vscode.env.language}.md`)), /^## .*[\u3040-\u30ff\u4e00-\u9fff]/u, step.id);
    }
  });

  it('says the verdict and the reason in Japanese: diagnostics, hover, quick fixes, Claims view', async () => {
    const editor = await open('answer.md');
    const { diagnostics } = await checkClaims(editor.document.uri, (d) => d.length >= 2);
    const wrong = diagnostics.find((d) => d.range.isEqual(rangeOf(editor.document, WRONG_NUMBER)));
    assert.ok(wrong, diagnostics.map((d) => d.message).join(' | '));
    // The reason is the offline grader's, in the UI's language too.
    assert.equal(wrong.message, t('{0}: {1}', t('Contradicted'), '参照文書では 330 metres、主張では 900 metres'));
    assert.ok(wrong.relatedInformation?.every((r) => r.message.startsWith(t('Evidence: {0}', ''))), JSON.stringify(wrong.relatedInformation));

    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, wrong.range.start.translate(0, 4)));
    for (const part of [`ClaimCheck: ${t('Contradicted')}`, t('(confidence {0}%)', ''), t('Open {0}:{1}', 'references/eiffel.md', 9), t('Judged by the {0} grader', 'offline')]) {
      assert.ok(hover.includes(part.replace(/%\)$/, '')), `"${part}" in the hover: ${hover}`);
    }

    const titles = (await codeActionsAt(editor.document.uri, wrong.range)).map((a) => a.title);
    for (const title of [t('Replace "{0}" with "{1}" (from the reference)', '900 metres', '330 metres'), t('Open evidence: {0}:{1}', 'references/eiffel.md', 9), t('Accept this claim (record it in .claimcheck.json)')]) {
      assert.ok(titles.includes(title), `"${title}" among ${titles.join(' | ')}`);
    }

    const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
    const row = api.claims().find((c) => c.document === 'answer.md');
    assert.equal(row?.description, t('{0} claims, {1} flagged', 4, 2));
    assert.ok(row.claims.some((c) => c.description === `${t('Contradicted')} 85%`), JSON.stringify(row.claims));
  });

  it('flags a Japanese claim against a Japanese reference, with a Japanese reason', async () => {
    const editor = await open('docs/fuji.md');
    const { diagnostics } = await checkClaims(editor.document.uri, (d) => d.length >= 1);
    const d = diagnostics.find((x) => x.range.isEqual(rangeOf(editor.document, '富士山はジョン・スミスによって初めて測量された。')));
    assert.ok(d, diagnostics.map((x) => x.message).join(' | '));
    assert.ok(d.message.startsWith(`${t('Unsupported')}: `), d.message);
    // The reason itself is Japanese (kana), not the English one ("reference never mentions ...").
    const reason = d.message.slice(`${t('Unsupported')}: `.length);
    assert.match(reason, /[\u3040-\u30ff]/, reason);
    assert.doesNotMatch(reason, /reference|never|mentions/i, reason);
  });

  it('says why a document cannot be checked in Japanese (no reference patterns set)', async () => {
    const editor = await open('answer.md');
    await setUserSetting('references', []);
    try {
      const outcome = await vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims', editor.document.uri);
      assert.equal(outcome.status, 'no-references');
      // What to do is the hint a scan's log gives (the engine's, for the editor): its command, not the CLI's --refs.
      const hint = sayProblem('noReferences', 'answer.md', [], 'ja', 'editor').hint;
      assert.ok(hint.includes('「ClaimCheck: 参照文書を追加」'), hint);
      assert.equal(outcome.message, t('No reference documents found for {0}: no reference patterns are set (claimcheck.references is empty). {1}.', 'answer.md', hint));
    } finally {
      await setUserSetting('references', undefined);
    }
  });
});
