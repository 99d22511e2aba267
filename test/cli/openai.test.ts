// The CLI against the project's fake OpenAI-compatible server on 127.0.0.1: flags, key handling, cost
// in the report, the cache file and --no-cache, --max-requests.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { plausibleAnswer, startOpenAIServer, type FakeOpenAIServer } from '../fixtures/openai-server';
import { claimcheckAsync, ensureBuilt, workspace, type JsonReportOut } from './helpers';

const KEY = 'sk-test-cli-NEVER-SHOWN-0123456789';
let server: FakeOpenAIServer;

before(async () => {
  ensureBuilt();
  server = await startOpenAIServer();
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.respond = plausibleAnswer;
});

const openai = (...extra: string[]): string[] => ['--grader', 'openai', '--base-url', server.baseURL, '--model', 'fake-model', ...extra];
const noLeak = (r: { stdout: string; stderr: string }): void => assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY), 'the API key appeared in the output');

describe('claimcheck check --grader openai', () => {
  it('grades through the endpoint with the key from the environment and reports requests and tokens', async () => {
    const r = await claimcheckAsync(['check', 'answers/good.md', 'answers/offtopic.md', '--refs', 'refs', '-f', 'json', '--no-cache', ...openai()], workspace(), { OPENAI_API_KEY: KEY });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    noLeak(r);
    const report = JSON.parse(r.stdout) as JsonReportOut;
    assert.deepEqual(report.grader, { id: 'openai', model: 'fake-model' });
    assert.equal(report.summary.claims, 3);
    assert.ok(server.requests.length > 0);
    assert.equal(report.summary.requests, server.requests.length);
    assert.ok(server.requests.every((q) => q.authorization === `Bearer ${KEY}` && q.body.model === 'fake-model'));
  });

  it('caches in .claimcheck/cache.json: an unchanged re-check sends nothing', async () => {
    const dir = workspace();
    const first = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.ok(first.code === 0 || first.code === 1, first.stderr);
    const sent = server.requests.length;
    assert.ok(sent > 0);
    assert.ok(existsSync(join(dir, '.claimcheck', 'cache.json')));
    const second = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '-f', 'json', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.equal(server.requests.length, sent, 'the re-check sent requests');
    assert.equal((JSON.parse(second.stdout) as JsonReportOut).summary.requests, 0);
    noLeak(second);
  });

  it("--lang ja: the grader's notes (an unreadable cache, a response_format fallback) are Japanese, once each", async () => {
    const dir = workspace({ '.claimcheck/cache.json': '{ not json' });
    server.respond = (req, i) => (req.body.response_format?.type === 'json_schema' ? { status: 400, error: 'json_schema is not supported' } : plausibleAnswer(req, i));
    const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--lang', 'ja', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.deepEqual(
      r.stderr.trimEnd().split('\n').map((l) => l.replace(/ \S*cache\.json /, ' <cache> ').replace(/\(.*\)。/, '(…)。')),
      ['claimcheck: 注: キャッシュファイル <cache> を読めません (…)。空のキャッシュで始めます', 'claimcheck: 注: エンドポイントが response_format json_schema を受け付けませんでした。以後は json_object を使います'],
    );
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    const dir = workspace();
    await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', ...openai()], dir, { OPENAI_API_KEY: KEY });
    const sent = server.requests.length;
    await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.equal(server.requests.length, 2 * sent);
    assert.equal(existsSync(join(dir, '.claimcheck')), false);
  });

  it('a local endpoint needs no key', async () => {
    const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', ...openai()], workspace());
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.ok(server.requests.length > 0);
  });

  it('OPENAI_BASE_URL and the config file serve when the flags are absent', async () => {
    const dir = workspace({ '.claimcheck.json': JSON.stringify({ references: ['refs'], grader: { kind: 'openai', model: 'from-config' } }) });
    const r = await claimcheckAsync(['check', 'answers/good.md', '--no-cache', '-f', 'json'], dir, { OPENAI_BASE_URL: server.baseURL });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal((JSON.parse(r.stdout) as JsonReportOut).grader.model, 'from-config');
    assert.ok(server.requests.length > 0);
  });

  it('with no --model and none in the config, the model asked is the one --help names as the default', async () => {
    const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', '--grader', 'openai', '--base-url', server.baseURL], workspace());
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const asked = new Set(server.requests.map((q) => q.body.model));
    assert.equal(asked.size, 1);
    const [model] = [...asked];
    for (const lang of ['en', 'ja']) {
      const help = (await claimcheckAsync(['--help', '--lang', lang], workspace())).stdout;
      const line = /--model NAME[^\n]*\n(?: {26}[^\n]*\n)*/.exec(help)?.[0] ?? '';
      assert.ok(line.includes(` ${model}`), `${lang}: --help's --model names ${model}: ${line}`);
    }
  });

  it("OPENAI_API_KEY goes only to an endpoint the user names, never to one .claimcheck.json chooses", async () => {
    const config = (baseURL: string): string => JSON.stringify({ references: ['refs'], grader: { kind: 'openai', baseURL } });
    // A local endpoint named by the file: graded, without the key.
    const local = await claimcheckAsync(['check', 'answers/good.md', '--no-cache'], workspace({ '.claimcheck.json': config(server.baseURL) }), { OPENAI_API_KEY: KEY });
    assert.ok(local.code === 0 || local.code === 1, local.stderr);
    assert.ok(server.requests.length > 0);
    for (const req of server.requests) assert.notEqual(req.authorization, `Bearer ${KEY}`);
    // One elsewhere: refused before any request, saying how to allow it.
    const remote = await claimcheckAsync(['check', 'answers/good.md', '--no-cache'], workspace({ '.claimcheck.json': config('https://claimcheck.invalid/v1') }), { OPENAI_API_KEY: KEY });
    assert.equal(remote.code, 2);
    assert.match(remote.stderr, /\.claimcheck\.json names https:\/\/claimcheck\.invalid\/v1 as the grader endpoint, and OPENAI_API_KEY is sent only to an endpoint you name yourself: pass --base-url/);
    noLeak(remote);
    // Named by the user (OPENAI_BASE_URL): the key goes.
    server.requests.length = 0;
    const named = await claimcheckAsync(['check', 'answers/good.md', '--no-cache'], workspace({ '.claimcheck.json': config('https://claimcheck.invalid/v1') }), { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL });
    assert.ok(named.code === 0 || named.code === 1, named.stderr);
    assert.ok(server.requests.length > 0 && server.requests.every((req) => req.authorization === `Bearer ${KEY}`));
  });

  it('--max-requests stops sending; claims left over are not counted as supported', async () => {
    const r = await claimcheckAsync(['check', 'answers', '--refs', 'refs', '--no-cache', '-f', 'json', '--max-requests', '1', ...openai()], workspace(), { OPENAI_API_KEY: KEY });
    assert.ok(server.requests.length <= 1, `${server.requests.length} requests`);
    const report = JSON.parse(r.stdout) as JsonReportOut;
    assert.ok(report.summary.requests <= 1);
    assert.ok(report.summary.unsupported + report.summary.contradicted >= 1);
    assert.equal(r.code, 1);
  });

  it('eval --grader openai', async () => {
    const rows = [
      { id: 'a', reference: 'The Springfield factory employs 450 people.', response: 'The Springfield factory employs 450 people.', label: 'supported' },
      { id: 'b', reference: ['The Springfield factory employs 450 people.'], response: 'Penguins drink hot coffee every morning in the Sahara desert.', label: 'unsupported' },
    ];
    const dir = workspace({ 'd.jsonl': rows.map((x) => JSON.stringify(x)).join('\n') });
    const r = await claimcheckAsync(['eval', 'd.jsonl', '--no-cache', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 2);
    assert.ok(server.requests.length > 0);
    const sent = server.requests.length;
    assert.ok(r.stderr.includes(`2 of 2 rows graded (grader: openai, fake-model; ${sent === 1 ? '1 request' : `${sent} requests`}, `), r.stderr);
    noLeak(r);
  });

  it('eval: rows share requests, and each row gets its own verdict', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, reference: `Hall ${i} of the Springfield factory holds ${100 + i} machines.`, response: `Hall ${i} of the Springfield factory holds ${i % 3 ? 100 + i : 900 + i} machines.` }));
    const dir = workspace({ 'd.jsonl': rows.map((x) => JSON.stringify(x)).join('\n') });
    const r = await claimcheckAsync(['eval', 'd.jsonl', '--no-cache', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 0, r.stderr);
    const predictions = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; verdict: string });
    assert.deepEqual(predictions.map((p) => `${p.id} ${p.verdict}`), rows.map((_, i) => `r${i} ${i % 3 ? 'supported' : 'unsupported'}`));
    // One request per row before; 20 claims to a request now.
    assert.ok(server.requests.length <= 4, `${server.requests.length} requests for 30 rows`);
  });
});

describe('claims or rows the grader could not judge', () => {
  const rejectKey = (): void => {
    server.respond = () => ({ status: 401, error: 'Incorrect API key provided' });
  };

  it('check: a rejected key fails the run even with --fail-on contradicted, and the last line says so', async () => {
    rejectKey();
    const dir = workspace();
    const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', '--fail-on', 'contradicted', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 1, r.stderr);
    const last = r.stdout.trim().split('\n').at(-1)!;
    assert.match(last, /^2 of 2 claims not judged by the grader: the endpoint rejected the API key \(401\); set OPENAI_API_KEY to a key it accepts$/);
    noLeak(r);
    const none = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', '--fail-on', 'none', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stdout, /2 of 2 claims not judged/);
  });

  it('check --lang ja: the line on claims not judged, the key hint and the cost in the summary are Japanese', async () => {
    rejectKey();
    const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', '--lang', 'ja', ...openai()], workspace(), { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 1, r.stderr);
    const [summary, last] = r.stdout.trim().split('\n').slice(-2);
    assert.match(summary!, /^1 ファイル、主張 2 件: 根拠あり 0、矛盾 0、根拠なし 2 \(判定器: openai, fake-model、リクエスト \d+ 件、プロンプト \d+ \+ 補完 \d+ トークン\)$/);
    assert.match(last!, /^主張 2 件中 2 件は判定器が判定できませんでした: エンドポイントが API キーを拒否しました（401）。受け付けられるキーを OPENAI_API_KEY に設定してください$/);
    noLeak(r);
  });

  it('check: --timeout gives up on a silent endpoint after that many seconds a try', async () => {
    server.respond = () => ({ hang: true });
    const started = Date.now();
    const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', '--timeout', '0.5', ...openai()], workspace(), { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /claims not judged by the grader: the grader did not answer within 500 ms after 2 retries \(timeout\)/);
    assert.ok(Date.now() - started < 20_000, 'three tries of half a second, not of 30 s');
  });

  it('check: SIGTERM (a cancelled CI job) while a request is out writes the partial report, marked interrupted, and exits 143', async () => {
    for (const format of ['sarif', 'json']) {
      let child: ChildProcess | undefined;
      // The endpoint never answers: the run is stopped only by the signal, sent once the first request is out.
      server.respond = () => {
        child?.kill('SIGTERM');
        return { hang: true };
      };
      const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', '-f', format, ...openai()], workspace(), { OPENAI_API_KEY: KEY }, (c) => (child = c));
      assert.equal(r.code, 143, `${format}: ${r.stderr}`);
      assert.match(r.stderr, /^claimcheck: interrupted after 0 of 1 document$/m, format);
      const report = JSON.parse(r.stdout);
      if (format === 'sarif') assert.equal(report.runs[0].invocations[0].executionSuccessful, false);
      else assert.ok((report as JsonReportOut).summary.problems.some((p) => /interrupted after 0 of 1 document/.test(p)), r.stdout);
    }
  });

  it('check: JSON output says on stderr why the run fails', async () => {
    rejectKey();
    const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--no-cache', '-f', 'json', '--fail-on', 'contradicted', ...openai()], workspace(), { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
    assert.match(r.stderr, /claimcheck: 2 of 2 claims not judged by the grader/);
  });

  it('check: claims left over by --max-requests fail the run with --fail-on contradicted', async () => {
    // More claims than one request holds (20), whichever documents they are joined from.
    const long = Array.from({ length: 24 }, (_, i) => `The Springfield factory opened its hall number ${i + 1} in ${1950 + i}.`).join(' ');
    const r = await claimcheckAsync(['check', 'answers', '--refs', 'refs', '--no-cache', '--max-requests', '1', '--fail-on', 'contradicted', ...openai()], workspace({ 'answers/long.md': `${long}\n` }), { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /\d+ of \d+ claims not judged by the grader: request budget reached \(--max-requests 1\)\n$/);
  });

  const evalRows = [
    { id: 'a', reference: 'The Springfield factory employs 450 people.', response: 'The Springfield factory employs 450 people.', label: 'supported' },
    { id: 'b', reference: 'Mount Fuji is 3,776 metres tall.', response: 'Mount Fuji is 3,776 metres tall.', label: 'supported' },
    { id: 'c', reference: 'Mount Fuji is 3,776 metres tall.', response: 'Mount Fuji is 9,000 metres tall.', label: 'unsupported' },
  ];
  const evalDir = (): string => workspace({ 'd.jsonl': evalRows.map((x) => JSON.stringify(x)).join('\n') });

  it('eval: rows that could not be graded are left out of the predictions and metrics, counted, and exit 1', async () => {
    // Rows share requests: the answer leaves the Fuji claims out, and asked again on their own, they are refused.
    server.respond = (req, i) => {
      const others = (req.claims ?? []).filter((c) => !c.text.includes('Fuji'));
      return others.length ? plausibleAnswer({ ...req, claims: others }, i) : { status: 401, error: 'Incorrect API key provided' };
    };
    const r = await claimcheckAsync(['eval', 'd.jsonl', '--no-cache', ...openai()], evalDir(), { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['a']);
    assert.match(r.stderr, /d: 1 row, balanced accuracy/);
    assert.match(r.stderr, /1 of 3 rows graded/);
    assert.match(r.stderr, /2 of 3 rows not graded: /);
    noLeak(r);
  });

  it('eval: gives up after three rows in a row fail the same way, and says how many were not tried', async () => {
    rejectKey();
    // Rows share requests (20 claims to one, 4 requests at once): the first 80 rows fail together, the rest are never tried.
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, reference: 'Mount Fuji is 3,776 metres tall.', response: `Mount Fuji is ${3000 + i} metres tall.`, label: 'unsupported' }));
    const dir = workspace({ 'many.jsonl': rows.map((x) => JSON.stringify(x)).join('\n') });
    const r = await claimcheckAsync(['eval', 'many.jsonl', '--no-cache', ...openai()], dir, { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /200 of 200 rows not graded: the endpoint rejected the API key/);
    assert.match(r.stderr, /gave up after 3 rows in a row failed the same way; 1[12]\d rows were not tried/);
    assert.ok(server.requests.length <= 6, `${server.requests.length} requests`);
  });

  it('eval: when no row could be graded, no metrics and exit 2', async () => {
    rejectKey();
    const r = await claimcheckAsync(['eval', 'd.jsonl', '--no-cache', ...openai()], evalDir(), { OPENAI_API_KEY: KEY });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /balanced accuracy/);
    assert.match(r.stderr, /3 of 3 rows not graded: the endpoint rejected the API key/);
    assert.match(r.stderr, /no row could be graded/);
  });
});

describe('--base-url', () => {
  it('a bad URL is a usage error with or without a key', async () => {
    for (const env of [{ OPENAI_API_KEY: KEY }, {}] as Record<string, string>[]) {
      for (const url of ['not a url', 'localhost:11434/v1']) {
        const r = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--grader', 'openai', '--base-url', url], workspace(), env);
        assert.equal(r.code, 2, `${url} ${JSON.stringify(env)}: ${r.stderr}`);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, `claimcheck: --base-url must be a URL such as http://localhost:11434/v1, not '${url}'\n`);
      }
    }
    const fromEnv = await claimcheckAsync(['check', 'answers/good.md', '--refs', 'refs', '--grader', 'openai'], workspace(), { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'nope' });
    assert.equal(fromEnv.code, 2);
    assert.match(fromEnv.stderr, /OPENAI_BASE_URL must be a URL/);
  });
});
