// The OpenAI-compatible grader once in a real VS Code: the key goes in through claimcheck.setApiKey
// (SecretStorage), requests reach the test's own server on 127.0.0.1, verdicts become diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { plausibleAnswer, startOpenAIServer, type FakeOpenAIServer } from '../../../fixtures/openai-server';
import type { ClaimCheckApi } from '../../../../src/extension/extension';
import { activate, checkClaims, claimcheck, codeOf, deleteReported, EXTENSION_ID, file, hoverText, open, openUntitled, rangeOf, setUserSetting, useOpenAIGrader, writeReported, type Outcome } from '../helpers';

const KEY = 'sk-integration-test-key-0123456789';

describe('OpenAI-compatible grader', () => {
  let server: FakeOpenAIServer;
  let undo: (() => Promise<void>) | undefined;

  /** Holds every answer until `release()`: `first` settles when the server is first asked. */
  function holdAnswers(): { first: Promise<void>; release: () => void } {
    let asked!: () => void;
    const first = new Promise<void>((resolve) => (asked = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.respond = async (req, i) => {
      asked();
      await gate;
      return plausibleAnswer(req, i);
    };
    return { first, release };
  }

  before(async () => {
    await activate();
    ({ server, undo } = await useOpenAIGrader(KEY, 'fake-model'));
  });

  after(async () => {
    await undo?.();
  });

  it('grades through the endpoint with the key from secret storage', async () => {
    const editor = await open('answer.md');
    const { outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length >= 2);
    assert.equal(outcome.status, 'checked');
    assert.deepEqual(outcome.grader, { id: 'openai', model: 'fake-model' });
    assert.ok(server.requests.length >= 1, 'the server was asked');
    for (const r of server.requests) {
      assert.equal(r.authorization, `Bearer ${KEY}`);
      assert.equal(r.body.model, 'fake-model');
    }
    const wrong = diagnostics.find((d) => d.range.isEqual(rangeOf(editor.document, 'The tower is 900 metres tall.')));
    assert.equal(wrong && codeOf(wrong), 'claim.contradicted');
    assert.ok(wrong?.relatedInformation?.some((r) => r.location.uri.path.endsWith('/references/eiffel.md') && r.location.range.start.line === 8));
    const unknown = diagnostics.find((d) => d.range.isEqual(rangeOf(editor.document, 'The tower was designed by the architect Zorblax Quentin.')));
    assert.equal(unknown && codeOf(unknown), 'claim.unsupported');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, wrong!.range.start.translate(0, 5));
    const text = hoverText(hovers);
    assert.ok(text.includes('openai (fake-model)'), text);
    assert.ok(text.includes('The tower is 330 metres tall'), text);
    assert.ok(!text.includes(KEY));
  });

  it('re-checks unchanged text from the cache, without a request', async () => {
    const editor = await open('answer.md');
    const before = server.requests.length;
    const { outcome } = await checkClaims(editor.document.uri, (d) => d.length >= 2);
    assert.equal(outcome.status, 'checked');
    assert.equal(server.requests.length, before);
  });

  it('estimates a workspace scan (dry run) without a request; cached claims cost nothing', async () => {
    const before = server.requests.length;
    const e = await vscode.commands.executeCommand<{ files: number; requests: number; promptTokens: number }>('claimcheck.checkWorkspace', { dryRun: true });
    assert.equal(e.files, 2);
    assert.equal(e.requests, 1, 'answer.md is cached; docs/fresh.md needs one batched request');
    assert.ok(e.promptTokens > 50, `prompt tokens: ${e.promptTokens}`);
    assert.equal(server.requests.length, before);
  });

  it('a scan estimate leaves out the files the scan will skip: an open document over claimcheck.maxFileSizeKB, a binary file (QA: it counted them)', async () => {
    const big = file('docs/est-big.md');
    const blob = file('docs/est-blob.md');
    await writeReported(big, '# Big\n\nThe tower is 4321 metres tall.\n');
    await writeReported(blob, new Uint8Array([0x54, 0x68, 0x65, 0, 1, 2, 0x20, 0x74, 0x6f, 0x77, 0x65, 0x72, 0x2e, 0x0a]));
    await setUserSetting('maxFileSizeKB', 2);
    // Unsaved edits must stay unsaved (code-server saves after a delay by default).
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const editor = await vscode.window.showTextDocument(big);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), `${Array.from({ length: 120 }, (_, i) => `Line ${i} of filler text.`).join('\n')}\n`));
      for (let i = 0; i < 50 && !editor.document.isDirty; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(editor.document.isDirty);
      const e = await vscode.commands.executeCommand<{ files: number; requests: number }>('claimcheck.checkWorkspace', { dryRun: true });
      assert.equal(e.files, 2, 'answer.md and docs/fresh.md; not the open document over the limit, nor the binary file');
    } finally {
      await vscode.window.showTextDocument(big);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      await setUserSetting('maxFileSizeKB', undefined);
      await deleteReported(big);
      await deleteReported(blob);
    }
  });

  it('cancelling a workspace scan aborts the request in flight', async () => {
    // The server never answers and the timeout is far away: only the cancellation can end the scan.
    await setUserSetting('openai.timeoutMs', 600000);
    let asked!: () => void;
    const first = new Promise<void>((resolve) => (asked = resolve));
    server.respond = () => {
      asked();
      return { hang: true };
    };
    const cts = new vscode.CancellationTokenSource();
    try {
      const scan = vscode.commands.executeCommand<{ cancelled: boolean; checked: string[] }>('claimcheck.checkWorkspace', { skipCostPreview: true, token: cts.token });
      await first;
      cts.cancel();
      const summary = await scan;
      assert.equal(summary.cancelled, true);
      assert.ok(!summary.checked.includes('docs/fresh.md'));
    } finally {
      cts.dispose();
      server.respond = plausibleAnswer;
      await setUserSetting('openai.timeoutMs', undefined);
    }
  });

  it('reports claims the endpoint would not judge (key rejected) as not judged, never as supported', async () => {
    server.respond = () => ({ status: 401, error: 'Incorrect API key provided: sk-inte************' });
    try {
      const editor = await open('docs/fresh.md');
      const { outcome, diagnostics } = await checkClaims(editor.document.uri, (d) => d.length >= 2);
      assert.ok(outcome.findings.length >= 2);
      assert.ok(outcome.findings.every((f) => f.verdict === 'unsupported' && f.failed === true));
      assert.ok(diagnostics.every((d) => d.message.startsWith('Not judged: ')), diagnostics.map((d) => d.message).join(' | '));
      assert.ok(diagnostics.some((d) => d.message.includes('401')));
      assert.ok(!diagnostics.some((d) => d.message.includes(KEY)));
      // The hover says no verdict was reached: no confidence, no "judged by".
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, diagnostics[0]!.range.start.translate(0, 2)));
      assert.match(text, /ClaimCheck: Not judged/);
      assert.match(text, /could not judge this claim: the endpoint rejected the API key \(401\)/);
      assert.doesNotMatch(text, /confidence|Judged by/);
    } finally {
      server.respond = plausibleAnswer;
    }
  });

  it('a base URL that is no http(s) URL stops the check before any claim is marked', async () => {
    await setUserSetting('openai.baseUrl', 'localhost:11434/v1'); // the usual slip: no scheme
    try {
      const doc = await openUntitled('markdown', 'The tower is 330 metres tall.\n');
      await vscode.window.showTextDocument(doc);
      // The command reports the error once (naming claimcheck.openai.baseUrl) and returns nothing.
      assert.equal(await vscode.commands.executeCommand('claimcheck.checkClaims'), undefined);
      assert.equal(vscode.languages.getDiagnostics(doc.uri).length, 0);
    } finally {
      await setUserSetting('openai.baseUrl', server.baseURL);
    }
  });

  it('with no key for an endpoint off this machine: one message, nothing sent, nothing marked', async function () {
    if (process.env.OPENAI_API_KEY) this.skip(); // the environment's key would be used
    await vscode.commands.executeCommand('claimcheck.setApiKey', '');
    await setUserSetting('openai.baseUrl', 'https://claimcheck.invalid/v1');
    const before = server.requests.length;
    try {
      const doc = await openUntitled('markdown', 'The tower is 330 metres tall.\n');
      await vscode.window.showTextDocument(doc);
      const outcome = await vscode.commands.executeCommand<{ status: string; message?: string; findings: unknown[] }>('claimcheck.checkClaims');
      assert.equal(outcome.status, 'no-key');
      assert.match(outcome.message ?? '', /no API key is set for https:\/\/claimcheck\.invalid\/v1/);
      assert.equal(outcome.findings.length, 0);
      assert.equal(vscode.languages.getDiagnostics(doc.uri).length, 0);
      // Check Workspace stops before its cost question.
      assert.equal(await vscode.commands.executeCommand('claimcheck.checkWorkspace', { skipCostPreview: true }), undefined);
      assert.equal(server.requests.length, before);
    } finally {
      await setUserSetting('openai.baseUrl', server.baseURL);
      await vscode.commands.executeCommand('claimcheck.setApiKey', KEY);
    }
  });

  it('sends the key only to the endpoint it was set for', async function () {
    if (process.env.OPENAI_API_KEY) this.skip(); // the environment's key has rules of its own
    const other = await startOpenAIServer();
    const doc = await openUntitled('markdown', 'The tower is 330 metres tall.\n');
    await vscode.window.showTextDocument(doc);
    try {
      // Another local server (as a workspace's settings could name): graded, but without the key.
      await setUserSetting('openai.baseUrl', other.baseURL);
      const outcome = await vscode.commands.executeCommand<{ status: string }>('claimcheck.checkClaims');
      assert.equal(outcome.status, 'checked');
      assert.ok(other.requests.length >= 1);
      for (const r of other.requests) assert.notEqual(r.authorization, `Bearer ${KEY}`);
      // An endpoint off this machine: nothing is sent, and the message says which endpoint the key is for.
      await setUserSetting('openai.baseUrl', 'https://claimcheck.invalid/v1');
      const refused = await vscode.commands.executeCommand<{ status: string; message?: string }>('claimcheck.checkClaims');
      assert.equal(refused.status, 'no-key');
      assert.match(refused.message ?? '', /the API key you set is for http:\/\/127\.0\.0\.1:\d+, not for https:\/\/claimcheck\.invalid/);
    } finally {
      await setUserSetting('openai.baseUrl', server.baseURL);
      await other.close();
    }
    // Back at the endpoint it was set for, the key goes with the requests again.
    const editor = await open('answer.md');
    await vscode.commands.executeCommand('claimcheck.clear');
    const before = server.requests.length;
    const { outcome } = await checkClaims(editor.document.uri, (d) => d.length >= 1);
    assert.equal(outcome.status, 'checked');
    for (const r of server.requests.slice(before)) assert.equal(r.authorization, `Bearer ${KEY}`);
  });

  it('Measure Grader stops after three rows in a row fail the same way (key rejected)', async () => {
    server.respond = () => ({ status: 401, error: 'Incorrect API key provided' });
    // Rows share requests (20 claims to one, 4 requests at once): the first 80 fail together, and the rest are not tried.
    const rows = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `r${i}`, reference: 'Mount Fuji is 3,776 metres tall.', response: `Mount Fuji is ${3000 + i} metres tall.`, label: 'unsupported' }));
    const data = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'failing.jsonl');
    await vscode.workspace.fs.writeFile(data, new TextEncoder().encode(rows.join('\n')));
    const before = server.requests.length;
    try {
      const result = await vscode.commands.executeCommand<{ metrics: unknown[]; cancelled: boolean; untried: number }>('claimcheck.measureGrader', data);
      assert.equal(result.cancelled, false);
      assert.equal(result.metrics.length, 0);
      assert.ok(result.untried >= 100, `${result.untried} rows not tried`);
      assert.ok(server.requests.length - before <= 6, `${server.requests.length - before} requests for ${200 - result.untried} rows`);
    } finally {
      server.respond = plausibleAnswer;
      await vscode.workspace.fs.delete(data);
    }
  });

  it('a check whose references change while it waits for the grader shows its result as out of date (QA: it read "up to date")', async () => {
    const { first, release } = holdAnswers();
    // New text, so that the grader is asked (the cache answers text it has seen).
    const doc = await openUntitled('markdown', 'The tower was repainted by the artist Qorvath Linden.\n');
    await vscode.window.showTextDocument(doc);
    try {
      const pending = vscode.commands.executeCommand<Outcome>('claimcheck.checkClaims');
      await first;
      // The references read are no longer those the settings name.
      await setUserSetting('references', ['references/**', 'more-references/**']);
      release();
      const outcome = await pending;
      assert.equal(outcome.status, 'checked');
      const api = vscode.extensions.getExtension<ClaimCheckApi>(EXTENSION_ID)!.exports;
      const row = api.claims().find((c) => c.document === vscode.workspace.asRelativePath(doc.uri));
      assert.match(row?.description ?? '', /out of date/, JSON.stringify(api.claims()));
    } finally {
      release();
      server.respond = plausibleAnswer;
      await setUserSetting('references', undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('a scan places the findings of a file edited and saved before it was read on the saved text (QA: they pointed past the claim)', async () => {
    // More files than a scan reads at once (20 claims per call, one call at a time): those it reaches last are
    // read after every file below was edited (and some saved), the others before. Either way each finding must
    // cover its claim.
    const claims = Array.from({ length: 24 }, (_, i) => `The tower is ${910 + i} metres tall.`);
    const files = claims.map((_, i) => file(`late/late-${i}.md`));
    const TYPED = 'A first line typed during the scan.';
    const { first, release } = holdAnswers();
    await setUserSetting('scan.maxConcurrency', 1);
    // Unsaved edits must stay unsaved (code-server saves after a delay by default).
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      for (const [i, f] of files.entries()) await vscode.workspace.fs.writeFile(f, new TextEncoder().encode(`# Late ${i}\n\n${claims[i]}\n`));
      const scan = vscode.commands.executeCommand<{ checked: string[] }>('claimcheck.checkWorkspace', { skipCostPreview: true });
      await first;
      // Every other one left unsaved: its check reads the editor's text, not the disk's (which lacks the typed line).
      for (const [i, f] of files.entries()) {
        const editor = await vscode.window.showTextDocument(f);
        await editor.edit((e) => e.insert(new vscode.Position(0, 0), `${TYPED}\n\n`));
        if (i % 2 === 0) await editor.document.save();
      }
      const unsaved = (): boolean => files.every((f, i) => i % 2 === 0 || vscode.workspace.textDocuments.find((d) => d.uri.toString() === f.toString())?.isDirty);
      for (let i = 0; i < 50 && !unsaved(); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(unsaved(), 'every other file is unsaved when the scan reads it');
      release();
      const summary = await scan;
      assert.ok(unsaved(), 'and still unsaved when the scan ends');
      for (const [i, f] of files.entries()) {
        assert.ok(summary.checked.includes(`late/late-${i}.md`), summary.checked.join(', '));
        const doc = await vscode.workspace.openTextDocument(f);
        // Read after the edit, the typed line is a claim of its own.
        const under = claimcheck(f).map((d) => doc.getText(d.range));
        assert.ok(under.includes(claims[i]!) && under.every((u) => u === claims[i] || u === TYPED), `late/late-${i}.md: ${JSON.stringify(under)}`);
      }
    } finally {
      release();
      server.respond = plausibleAnswer;
      await setUserSetting('scan.maxConcurrency', undefined);
      await vscode.workspace.saveAll(false);
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await Promise.resolve(vscode.workspace.fs.delete(file('late'), { recursive: true })).catch(() => undefined);
    }
  });

  it('a scan reports an open document over claimcheck.maxFileSizeKB as too large, in the words it uses for a file on disk (QA: one that grew during the scan was read from the disk)', async () => {
    // 2 KB: the reference (1.1 KB) still loads.
    const filler = `${Array.from({ length: 120 }, (_, i) => `Line ${i} of filler text.`).join('\n')}\n`;
    // Claims no earlier test graded: answered from the cache, they would send no request to hold.
    const height = 1000 + Math.floor(Math.random() * 8000);
    const small = (name: string, i: number): Uint8Array => new TextEncoder().encode(`# ${name}\n\nThe tower is ${height + i} metres tall.\n`);
    // One call at a time reads 20 files at once, in path order: the first 20 wait for the held answer, so the
    // scan reads big/grows.md only after it grew.
    const waiting = Array.from({ length: 24 }, (_, i) => `big/a-${String(i).padStart(2, '0')}.md`);
    for (const [i, name] of [...waiting, 'big/gate.md', 'big/grows.md', 'big/dirty.md'].entries()) await vscode.workspace.fs.writeFile(file(name), small(name, i));
    await vscode.workspace.fs.writeFile(file('big/disk.md'), new TextEncoder().encode(`# disk\n\n${filler}`));
    const { first, release } = holdAnswers();
    await setUserSetting('maxFileSizeKB', 2);
    await setUserSetting('scan.maxConcurrency', 1);
    // Unsaved edits must stay unsaved (code-server saves after a delay by default).
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      // Unsaved and over the limit when the scan begins; unsaved and small.
      const dirty = await vscode.window.showTextDocument(file('big/dirty.md'));
      await dirty.edit((e) => e.insert(new vscode.Position(0, 0), filler));
      const gate = await vscode.window.showTextDocument(file('big/gate.md'));
      await gate.edit((e) => e.insert(new vscode.Position(0, 0), 'Typed. '));
      // The dirty flag may come a moment after the edit: the scan must see both unsaved.
      for (let i = 0; i < 50 && !(dirty.document.isDirty && gate.document.isDirty); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(dirty.document.isDirty && gate.document.isDirty);
      const scan = vscode.commands.executeCommand<{ checked: string[]; skipped: number; skippedReasons: string[] }>('claimcheck.checkWorkspace', { skipCostPreview: true });
      await first;
      // Saved and small when the scan began, it grows past the limit in its editor before the scan reads it.
      const grows = await vscode.window.showTextDocument(file('big/grows.md'));
      await grows.edit((e) => e.insert(new vscode.Position(0, 0), filler));
      release();
      const summary = await scan;
      assert.ok(summary.checked.includes('big/gate.md'), summary.checked.join(', '));
      for (const name of ['grows', 'dirty']) assert.ok(!summary.checked.includes(`big/${name}.md`), `big/${name}.md not checked`);
      const said = (name: string): string | undefined => summary.skippedReasons.find((r) => r.startsWith(`big/${name}.md:`));
      const disk = said('disk');
      assert.match(disk ?? '', /^big\/disk\.md: is [\d.]+ KB, over the 2 KB limit/, summary.skippedReasons.join('\n'));
      // The same line but for the name and the size.
      const shape = (line: string | undefined): string | undefined => line?.replace(/^big\/\w+\.md: is [\d.]+ KB/, 'FILE: is SIZE');
      for (const name of ['grows', 'dirty']) assert.equal(shape(said(name)), shape(disk), summary.skippedReasons.join('\n'));
      assert.equal(claimcheck(file('big/grows.md')).length, 0, 'no finding of the disk text lands on the editor text');
    } finally {
      release();
      server.respond = plausibleAnswer;
      await setUserSetting('maxFileSizeKB', undefined);
      await setUserSetting('scan.maxConcurrency', undefined);
      for (const name of ['gate', 'grows', 'dirty']) {
        await vscode.window.showTextDocument(file(`big/${name}.md`));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      await Promise.resolve(vscode.workspace.fs.delete(file('big'), { recursive: true })).catch(() => undefined);
    }
  });

  it('keeps the key out of settings', () => {
    const all = JSON.stringify(vscode.workspace.getConfiguration('claimcheck'));
    assert.ok(!all.includes(KEY));
  });
});
