// The reasons users read when the endpoint refuses: they must fit both faces (CLI and VS Code) and say what to do.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createGrader, unusableReason } from '../../src/core/graders';
import { createOpenAIGrader } from '../../src/core/graders/openai';
import { plausibleAnswer } from '../fixtures/openai-server';
import { CLAIMS, FAST, requestsFor, serverFor } from './openai-helpers';

test('401: the reason names no host; each host adds its own way to set the key', async (t) => {
  const server = await serverFor(t, { respond: () => ({ status: 401, error: 'Incorrect API key provided' }) });
  const [j] = await createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  // Each host adds its own way to set a key (test/cli/openai.test.ts, the editor's Set API Key button).
  assert.equal(j!.reason, 'the endpoint rejected the API key (401)');
});

test('404 without a body: says what was not found and what to check, not "status code (no body)"', async (t) => {
  // The project's fake server always sends a JSON error body; this one answers like a bare proxy.
  const bare = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => bare.close(() => r())));
  const baseURL = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/wrong`;
  const [j] = await createOpenAIGrader({ baseURL, apiKey: 'sk-test', model: 'm-1', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  assert.equal(j!.failed, true);
  assert.equal(j!.reason, `model "m-1" or its endpoint was not found at ${baseURL} (404); check the base URL (usually ending in /v1) and the model name`);
});

test('404 with a body keeps the endpoint\'s words', async (t) => {
  const server = await serverFor(t, { respond: () => ({ status: 404, error: 'The model `m-2` does not exist' }) });
  const [j] = await createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'm-2', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  assert.match(j!.reason, /^model "m-2" or its endpoint was not found at http:\/\/127\.0\.0\.1:\d+\/v1 \(404\) \(The model `m-2` does not exist\); check the base URL/);
});

test("a model's reason loses its control characters: escape sequences never reach a terminal", async (t) => {
  const server = await serverFor(t, {
    respond: (req) => ({ json: { results: [{ claim: req.claims![0]!.id, verdict: 'unsupported', confidence: 0.9, reason: 'nothing here\u001b]0;PWNED\u0007\u001b[2J\u009b31m said' }] } }),
  });
  const [j] = await createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  assert.equal(j!.reason, 'nothing here]0;PWNED[2J31m said');
});

test('in Japanese: the reasons a Japanese UI shows are Japanese, with the key and endpoint facts kept', async (t) => {
  const server = await serverFor(t, { respond: () => ({ status: 401, error: 'Incorrect API key provided' }) });
  const [j] = await createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', language: 'ja', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  assert.equal(j!.reason, 'エンドポイントが API キーを拒否しました（401）');
  const saved = process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_API_KEY; // the environment's key would be used
  try {
    assert.equal(unusableReason({ kind: 'openai', baseURL: 'https://api.example.com/v1', language: 'ja' }), 'https://api.example.com/v1 の API キーが設定されていません（このマシン上のサーバーには不要です）');
    assert.equal(unusableReason({ kind: 'openai', baseURL: 'http://localhost:11434/v1', language: 'ja' }), undefined);
    // A credential in the URL never reaches the message the editor shows.
    assert.doesNotMatch(unusableReason({ kind: 'openai', baseURL: 'https://proxy.example/v1?api-key=supersecretvalue123' }) ?? '', /supersecret/);
  } finally {
    if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
  }
});

test("in Japanese: the checks of a model's answer speak Japanese too (a quote not in the references)", async (t) => {
  const server = await serverFor(t, {
    respond: (req) => ({ json: { results: [{ claim: req.claims![0]!.id, passage: req.passages![0]!.id, quote: 'words that are nowhere in the references', verdict: 'supported', confidence: 0.9 }] } }),
  });
  const [j] = await createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', language: 'ja', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  assert.equal(j!.verdict, 'unsupported');
  assert.equal(j!.reason, '判定器の引用が参照文書に見つかりません');
});

test('in Japanese: a refusal, a withheld answer and a claim the answer left out are said in Japanese; the left-out claim is still asked again', async (t) => {
  const refusing = await serverFor(t, { respond: () => ({ refusal: "I'm sorry, I cannot assist with that request." }) });
  const [r] = await createOpenAIGrader({ baseURL: refusing.baseURL, apiKey: 'sk-test', language: 'ja', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  assert.equal(r!.reason, "モデルが判定を断りました:「I'm sorry, I cannot assist with that request.」");
  const filtered = await serverFor(t, { respond: () => ({ content: '', finishReason: 'content_filter' }) });
  const [f] = await createOpenAIGrader({ baseURL: filtered.baseURL, apiKey: 'sk-test', language: 'ja', ...FAST }).grade(requestsFor([CLAIMS[0]!]));
  assert.equal(f!.reason, 'エンドポイントが応答を差し止めました（コンテンツフィルター）');
  // Answers only the first claim, every time: the second is asked again once, then reported.
  const partial = await serverFor(t, { respond: (req) => ({ json: { results: [{ claim: req.claims![0]!.id, verdict: 'unsupported', confidence: 0.9, reason: 'x' }].slice(0, req.claims!.length > 1 ? 1 : 0) } }) });
  const js = await createOpenAIGrader({ baseURL: partial.baseURL, apiKey: 'sk-test', language: 'ja', ...FAST }).grade(requestsFor(CLAIMS.slice(0, 2)));
  assert.equal(js[1]!.failed, true);
  assert.equal(js[1]!.reason, '判定器の応答にこの主張が含まれていません');
  assert.equal(partial.requests.length, 2, 'the claim left out was asked again');
});

test("in Japanese: the grader's notices (cache trouble, a format fallback, a failed batch) are Japanese too", async (t) => {
  const notes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-notices-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cacheFile = join(dir, 'cache.json');
  writeFileSync(cacheFile, '{ not json');
  // json_schema is refused (400), plain JSON answered: the grader steps down once and says so.
  const fallback = await serverFor(t, { respond: (req, i) => (req.body.response_format?.type === 'json_schema' ? { status: 400, error: 'response_format json_schema is not supported' } : plausibleAnswer(req, i)) });
  const grader = createGrader({ kind: 'openai', baseURL: fallback.baseURL, apiKey: 'sk-test', language: 'ja', cacheFile, log: (m) => notes.push(m), ...FAST });
  await grader.grade(requestsFor([CLAIMS[0]!]));
  const failing = await serverFor(t, { respond: () => ({ status: 500, error: 'boom' }) });
  await createGrader({ kind: 'openai', baseURL: failing.baseURL, apiKey: 'sk-test', language: 'ja', log: (m) => notes.push(m), ...FAST }).grade(requestsFor(CLAIMS.slice(0, 2)));
  assert.deepEqual(
    notes.map((n) => n.replace(cacheFile, '<cache>').replace(/\(.*\)。/, '(…)。')),
    [
      'キャッシュファイル <cache> を読めません (…)。空のキャッシュで始めます',
      'エンドポイントが response_format json_schema を受け付けませんでした。以後は json_object を使います',
      '主張 2 件のバッチが失敗しました: エンドポイントでエラーが発生しました（500）: boom',
    ],
  );
});
