// In-process: the orchestrator both faces share, and the CLI's terminal-only progress.
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { progressLine } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { InputError } from '../../src/core/errors';
import { createGrader } from '../../src/core/graders';
import { checkFiles, ReferenceSets } from '../../src/core/run';
import type { Grader } from '../../src/core/types';
import { plausibleAnswer, startOpenAIServer } from '../fixtures/openai-server';
import { workspace } from './helpers';

const offline = (): Grader => createGrader({ kind: 'offline' });

describe('checkFiles', () => {
  it('keeps the given order, loads a shared reference set once and reports its problems once', async () => {
    const cwd = workspace({ 'refs/empty.md': '' });
    const problems: InputError[] = [];
    const result = await checkFiles({
      cwd,
      files: ['answers/offtopic.md', 'answers/good.md', 'answers/bad.md'],
      grader: offline(),
      referencesFor: () => ['refs'],
      concurrency: 3,
      onProblem: (p) => problems.push(p),
    });
    assert.deepEqual(result.files.map((f) => f.path), ['answers/offtopic.md', 'answers/good.md', 'answers/bad.md']);
    assert.deepEqual(problems.map((p) => p.file), ['refs/empty.md']);
    assert.equal(result.cancelled, false);
    for (const f of result.files) for (const x of f.findings) assert.equal(f.text.slice(x.start, x.end), x.text);
  });

  it('gives up after three documents in a row are not judged the same way (endpoint down): the rest are not sent', async () => {
    const docs = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`many/d${i}.md`, `The Springfield factory employs ${400 + i} people.\n`]));
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const grader = createGrader({ kind: 'openai', baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-test', maxRetries: 0, timeoutMs: 2000 });
    const result = await checkFiles({ cwd: workspace(docs), files: Object.keys(docs), grader, referencesFor: () => ['refs'], concurrency: 1 });
    // One-claim documents share requests: the first 20 (a batch's worth) went out together and failed together;
    // the two workers that finished before the third failure was counted had taken one more document each.
    const tried = result.files.length;
    assert.ok(tried >= 20 && tried <= 22, `${tried} documents tried`);
    assert.deepEqual(result.gaveUp && { unchecked: result.gaveUp.unchecked, reason: /cannot reach the grader endpoint/.test(result.gaveUp.reason) }, { unchecked: 30 - tried, reason: true });
    assert.ok(grader.usage().requests <= 2, `${grader.usage().requests} requests for ${tried} claims`);
  });

  it('small documents share a batching grader\'s requests, each getting its own verdicts', async (t) => {
    const server = await startOpenAIServer();
    t.after(() => server.close());
    const docs = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`many/d${i}.md`, i % 2 ? 'The factory employs 450 people.\n' : `The factory was founded in ${1900 + i}.\n`]));
    const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, model: 'fake-model', batchSize: 5, maxRetries: 0 });
    const result = await checkFiles({ cwd: workspace(docs), files: Object.keys(docs), grader, referencesFor: () => ['refs'], concurrency: 2 });
    assert.deepEqual(result.files.map((f) => f.findings.map((x) => x.text)), Object.values(docs).map((d) => [d.trim()]));
    assert.ok(result.files.every((f) => f.findings.every((x) => !x.failed)));
    const perRequest = server.requests.map((q) => q.claims?.length ?? 0);
    // One request per document before; now full batches of 5 (12 claims: at least 3 requests, each at most 5 claims).
    assert.ok(perRequest.length >= 3 && perRequest.length <= 5, `requests of ${perRequest.join(', ')} claims`);
    assert.ok(perRequest.every((n) => n >= 1 && n <= 5), `requests of ${perRequest.join(', ')} claims`);
    assert.equal(grader.usage().requests, server.requests.length);
  });

  it('one document whose claim the endpoint refuses costs only its own verdict, not those it shared a request with', async (t) => {
    const server = await startOpenAIServer();
    t.after(() => server.close());
    server.respond = (req, i) => (req.claims?.some((c) => c.text.includes('POISON')) ? { finishReason: 'content_filter', content: '' } : plausibleAnswer(req, i));
    const docs = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`many/d${i}.md`, `The factory ${i === 7 ? 'POISON ' : ''}employs 450 people.\n`]));
    const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, model: 'fake-model', maxRetries: 0 });
    const result = await checkFiles({ cwd: workspace(docs), files: Object.keys(docs), grader, referencesFor: () => ['refs'] });
    assert.equal(result.gaveUp, undefined);
    assert.deepEqual(result.files.flatMap((f) => f.findings.filter((x) => x.failed).map(() => f.path)), ['many/d7.md']);
  });

  it('with atomic claims, small documents share the splitting requests too', async (t) => {
    const server = await startOpenAIServer();
    t.after(() => server.close());
    const docs = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`many/d${i}.md`, `The factory employs 450 people and was founded in ${1900 + i}.\n`]));
    const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, model: 'fake-model', atomic: true, maxRetries: 0 });
    const result = await checkFiles({ cwd: workspace(docs), files: Object.keys(docs), grader, referencesFor: () => ['refs'], concurrency: 2 });
    // Each sentence split in two at "and", each half at its own place in its own document.
    assert.deepEqual(
      result.files.map((f) => f.findings.map((x) => f.text.slice(x.start, x.end))),
      Object.values(docs).map((d) => ['The factory employs 450 people', d.slice(d.indexOf('was')).trim()]),
    );
    const splitting = server.requests.filter((q) => q.sentences);
    assert.ok(splitting.length <= 2, `${splitting.length} splitting requests for 12 documents`);
    assert.ok(server.requests.length <= 4, `${server.requests.length} requests in all`);
  });

  it('confined (Restricted Mode), a document that links outside the folder is refused, not read', { skip: process.platform === 'win32' }, async () => {
    const cwd = workspace();
    const outside = join(mkdtempSync(join(tmpdir(), 'claimcheck-outside-')), 'notes.md');
    writeFileSync(outside, 'The factory employs 450 people.\n');
    symlinkSync(outside, join(cwd, 'answers', 'linked.md'));
    const result = await checkFiles({ cwd, files: ['answers/linked.md', 'answers/good.md'], grader: offline(), referencesFor: () => ['refs'], confine: true });
    assert.deepEqual(result.files.map((f) => f.path), ['answers/good.md']);
    assert.match(result.problems[0]!.message, /^answers\/linked\.md: is outside the folder/);
    const open = await checkFiles({ cwd, files: ['answers/linked.md'], grader: offline(), referencesFor: () => ['refs'] });
    assert.equal(open.files.length, 1, 'not confined (the CLI, a trusted workspace), the link is followed');
  });

  it('reuses a ReferenceSets across runs', async () => {
    const cwd = workspace();
    const sets = new ReferenceSets(cwd);
    const a = await sets.get(['refs', 'refs']);
    assert.equal(await sets.get(['refs']), a);
    assert.deepEqual(a.files, ['refs/acme.md']);
  });

  it('reports progress per document, skipped ones included', async () => {
    const seen: string[] = [];
    const result = await checkFiles({
      cwd: workspace(),
      files: ['answers/good.md', 'missing.md'],
      grader: offline(),
      referencesFor: () => ['refs'],
      concurrency: 1,
      onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.file} ${p.report ? `${p.report.findings.length} findings from ${p.references?.join(' ')}` : 'skipped'}`),
    });
    // The report comes with the progress, so a scan can show each file's findings before the run ends.
    // With the files its check read, by which an editor tells when the findings are out of date.
    assert.deepEqual(seen, [`1/2 answers/good.md ${result.files[0]!.findings.length} findings from refs/acme.md`, '2/2 missing.md skipped']);
    assert.equal(result.problems[0]?.file, 'missing.md');
  });

  it('stops on abort and returns what finished', async () => {
    const controller = new AbortController();
    const result = await checkFiles({
      cwd: workspace(),
      files: ['answers/good.md', 'answers/bad.md'],
      grader: offline(),
      referencesFor: () => ['refs'],
      concurrency: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.files.map((f) => f.path), ['answers/good.md']);
  });
});

describe('main (in-process)', () => {
  const run = async (argv: string[], isTTY: boolean): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: workspace(), env: {}, isTTY });
    return { code, out, err };
  };

  it('shows progress on a terminal for multi-file runs, and clears it', async () => {
    const r = await run(['check', 'answers/good.md', 'answers/offtopic.md', '--refs', 'refs'], true);
    assert.match(r.err, /\r\x1b\[K\[1\/2\] answers\/(good|offtopic)\.md/);
    assert.match(r.err, /\[2\/2\]/);
    assert.ok(r.err.endsWith('\r\x1b[K'));
    assert.equal(r.code, 1);
  });

  it('no progress for one file, nor off a terminal', async () => {
    assert.equal((await run(['check', 'answers/good.md', '--refs', 'refs'], true)).err, '');
    assert.equal((await run(['check', 'answers/good.md', 'answers/bad.md', '--refs', 'refs', '--fail-on', 'none'], false)).err, '');
  });

  it("eval's progress on a terminal counts rows in --lang", async () => {
    const rows = ['The factory employs 450 people.', 'Penguins drink coffee.'].map((response) => JSON.stringify({ reference: 'The factory employs 450 people.', response }));
    const cwd = workspace({ 'data.jsonl': `${rows.join('\n')}\n` });
    for (const [lang, label] of [['en', 'rows'], ['ja', '行']] as const) {
      let err = '';
      const code = await main(['eval', 'data.jsonl', '--out', 'p.jsonl', '--lang', lang], { stdout: () => undefined, stderr: (s) => (err += s), cwd, env: {}, isTTY: true });
      assert.equal(code, 0, err);
      assert.match(err, new RegExp(`\\[2/2\\] ${label}`), err);
      if (lang === 'ja') assert.doesNotMatch(err, /rows/);
    }
  });

  it('off a terminal, a long run says how far it is now and then (a CI log never sits silent)', async () => {
    let err = '';
    const io = { stdout: () => undefined, stderr: (s: string) => (err += s), cwd: '.', env: {}, isTTY: false };
    const progress = progressLine(io, 10, undefined, 50);
    progress.update(3, 'docs/c.md');
    progress.clear(); // a problem line was written: the heartbeat goes on
    await new Promise((r) => setTimeout(r, 130));
    progress.end();
    const lines = err.trim().split('\n');
    assert.ok(lines.length >= 1 && lines.length <= 3, err);
    assert.match(lines[0]!, /^claimcheck: 3 of 10 documents checked after \d+ s$/);
    const after = err;
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(err, after, 'nothing once the run ended');
  });

  it('exits 130 when interrupted, with the partial report', async () => {
    const controller = new AbortController();
    controller.abort();
    let out = '';
    let err = '';
    const code = await main(['check', 'answers/good.md', '--refs', 'refs'], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: workspace(), env: {}, isTTY: false, signal: controller.signal });
    assert.equal(code, 130);
    assert.match(err, /interrupted/);
  });

  it('Ctrl+C while it waits on standard input that never ends: exit 130, for check and eval', async () => {
    for (const argv of [['check', '-', '--refs', 'refs'], ['eval', '-']]) {
      const controller = new AbortController();
      const stdin = new PassThrough();
      stdin.write('The Springfield factory employs 450 people.\n'); // and no end
      setTimeout(() => controller.abort(), 50);
      let err = '';
      const code = await main(argv, { stdout: () => undefined, stderr: (s) => (err += s), cwd: workspace(), env: {}, isTTY: false, signal: controller.signal, stdin });
      assert.equal(code, 130, `${argv.join(' ')}: ${err}`);
      assert.match(err, /interrupted/);
    }
  });

  it('standard input at a terminal (nothing piped in) says what it waits for, instead of waiting in silence', async () => {
    for (const [lang, said] of [['en', /^claimcheck: reading standard input from the terminal: type or paste the text, then press Ctrl\+D/], ['ja', /^claimcheck: 端末から標準入力を読んでいます。/]] as const) {
      const stdin = Object.assign(new PassThrough(), { isTTY: true });
      stdin.end('The Springfield factory employs 450 people.\n');
      let err = '';
      const code = await main(['check', '-', '--refs', 'refs', '--lang', lang], { stdout: () => undefined, stderr: (s) => (err += s), cwd: workspace(), env: {}, isTTY: true, stdin });
      assert.equal(code, 0, err);
      assert.match(err, said);
    }
    // Piped in, nothing is said.
    let err = '';
    await main(['eval', '-'], { stdout: () => undefined, stderr: (s) => (err += s), cwd: workspace(), env: {}, isTTY: false, stdin: Readable.from([JSON.stringify({ reference: 'a b', response: 'a b' })]) });
    assert.doesNotMatch(err, /terminal/);
  });

  it('standard input over the limit gets a hint for a pipe, not for a file, in --lang', async () => {
    // The same 1 MiB again and again: past the limit the bytes are counted, not kept.
    const mib = Buffer.alloc(1024 * 1024, 'The Springfield factory employs 450 people. ');
    const piped = (mibs: number): Readable => Readable.from((function* () { for (let i = 0; i < mibs; i++) yield mib; })());
    const cases = [
      { argv: ['check', '-', '--refs', 'refs'], mibs: 6, line: /^claimcheck: <stdin>: is 6 MB, over the 5 MB limit\. Pipe less text at a time, or save it in smaller files and name those instead$/m },
      { argv: ['eval', '-'], mibs: 513, line: /^claimcheck: <stdin>: is 513 MB, over the 512 MB limit\. Pipe less text at a time/m },
      { argv: ['check', '-', '--refs', 'refs', '--lang', 'ja'], mibs: 6, line: /^claimcheck: <stdin>: サイズが 6 MB で、上限の 5 MB を超えています。一度に渡すテキストを減らすか、小さなファイルに分けて保存し/m },
    ];
    for (const { argv, mibs, line } of cases) {
      let err = '';
      const code = await main(argv, { stdout: () => undefined, stderr: (s) => (err += s), cwd: workspace(), env: {}, isTTY: false, stdin: piped(mibs) });
      assert.equal(code, 2, err);
      assert.match(err, line);
      assert.doesNotMatch(err, /Split it|分けるか、必要な/, err);
    }
  });

  it('marks an interrupted SARIF run as not successful, with the reason as a notification', async () => {
    // Stopped as the first of two documents is reported (progress shows on a terminal).
    const controller = new AbortController();
    let out = '';
    const argv = ['check', 'answers/good.md', 'answers/offtopic.md', '--refs', 'refs', '--format', 'sarif'];
    const stderr = (s: string): void => void (s.includes('[1/2]') && controller.abort());
    const code = await main(argv, { stdout: (s) => (out += s), stderr, cwd: workspace(), env: {}, isTTY: true, signal: controller.signal });
    assert.equal(code, 130);
    const run = JSON.parse(out).runs[0];
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.ok(run.invocations[0].toolExecutionNotifications.some((n: { message: { text: string } }) => /interrupted after 1 of 2 documents/.test(n.message.text)));
  });
});
