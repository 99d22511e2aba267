// The content-addressed cache: zero requests on a re-check, one claim re-graded after an edit, persisted
// atomically, failures never stored, evidence lines that follow their passage.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gradeCacheKey, JsonFileCacheStore, MemoryCacheStore, withCache } from '../../src/core/cache';
import { checkText, indexReferences } from '../../src/core/check';
import { createGrader } from '../../src/core/graders';
import { createOpenAIGrader } from '../../src/core/graders/openai';
import { passagesFromText } from '../../src/core/references';
import type { Finding, GradeRequest, Grader, Judgement } from '../../src/core/types';
import { plausibleAnswer } from '../fixtures/openai-server';
import { CLAIMS, EIFFEL, FAST, PASSAGES, requestsFor, serverFor } from './openai-helpers';

const tmp = () => mkdtempSync(join(tmpdir(), 'claimcheck-cache-'));

test('re-checking unchanged text makes zero requests; an edited sentence is re-graded alone', async (t) => {
  const server = await serverFor(t);
  const file = join(tmp(), '.claimcheck', 'cache.json');
  const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', cacheFile: file, ...FAST });
  const first = await grader.grade(requestsFor(CLAIMS));
  assert.equal(server.requests.length, 1);

  const again = await grader.grade(requestsFor(CLAIMS));
  assert.equal(server.requests.length, 1, 'zero requests on a re-check');
  assert.deepEqual(again, first);

  const edited = [...CLAIMS];
  edited[2] = 'The tower is 320 metres tall.';
  const js = await grader.grade(requestsFor(edited));
  assert.equal(server.requests.length, 2);
  assert.deepEqual(server.requests[1]!.claims!.map((c) => c.text), ['The tower is 320 metres tall.']);
  assert.equal(js[2]!.verdict, 'contradicted');

  // A new process (a fresh grader over the same file) starts warm.
  const later = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', cacheFile: file, ...FAST });
  await later.grade(requestsFor(edited));
  assert.equal(server.requests.length, 2);
  assert.equal(later.usage().requests, 0);
  assert.deepEqual(readdirSync(join(file, '..')), ['cache.json'], 'no temp file left behind');
});

test('the key covers claim text, passages, grader, model, prompt version and endpoint', () => {
  const [r] = requestsFor(CLAIMS.slice(0, 1)) as [GradeRequest];
  const id = { grader: 'openai' as const, model: 'm1', promptVersion: 'v1' };
  const k = gradeCacheKey(r, id);
  assert.equal(gradeCacheKey({ ...r, claim: { ...r.claim, start: 99, end: 99 + r.claim.text.length } }, id), k, 'offsets do not matter');
  assert.equal(gradeCacheKey({ ...r, claim: { ...r.claim, text: `${r.claim.text}\n` } }, id), k, 'whitespace does not matter');
  assert.notEqual(gradeCacheKey({ ...r, claim: { ...r.claim, text: 'Another claim.' } }, id), k);
  assert.notEqual(gradeCacheKey(r, { ...id, model: 'm2' }), k);
  assert.notEqual(gradeCacheKey(r, { ...id, promptVersion: 'v2' }), k);
  assert.notEqual(gradeCacheKey(r, { ...id, grader: 'offline' }), k);
  // The same model name served elsewhere (a local server, another provider) is another grader.
  assert.notEqual(gradeCacheKey(r, { ...id, endpoint: 'http://localhost:11434/v1' }), gradeCacheKey(r, { ...id, endpoint: 'https://api.openai.com/v1' }));
  const changed = { ...r, passages: r.passages.map((p, i) => (i === 0 ? { ...p, passage: { ...p.passage, text: `${p.passage.text} More.` } } : p)) };
  assert.notEqual(gradeCacheKey(changed, id), k);
});

test('failed judgements are not cached', async (t) => {
  const server = await serverFor(t, { respond: () => ({ status: 503 }) });
  const store = new MemoryCacheStore();
  const grader = withCache(createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST }), store);
  const js = await grader.grade(requestsFor(CLAIMS.slice(0, 2)));
  assert.ok(js.every((j) => j.failed));
  assert.equal(store.entries.size, 0);
  await grader.grade(requestsFor(CLAIMS.slice(0, 2)));
  assert.equal(server.requests.length, 2, 'a failed claim is asked again next time');
});

test('identical claims in one call are graded once', async () => {
  let calls = 0;
  const inner: Grader = {
    info: { id: 'openai', model: 'm' },
    usage: () => ({ requests: calls, promptTokens: 0, completionTokens: 0 }),
    grade: async (rs) => {
      calls += rs.length;
      return rs.map((): Judgement => ({ verdict: 'supported', confidence: 1, evidence: [], reason: 'ok' }));
    },
  };
  const grader = withCache(inner, new MemoryCacheStore());
  const rs = requestsFor([CLAIMS[0]!, CLAIMS[1]!, CLAIMS[0]!]);
  const js = await grader.grade(rs);
  assert.equal(calls, 2);
  assert.equal(js.length, 3);
  assert.equal(grader.hits(), 0);
  await grader.grade(rs);
  assert.equal(grader.hits(), 3);
});

test('cached evidence follows its passage when the passage moves in the file', async () => {
  const store = new MemoryCacheStore();
  const inner: Grader = {
    info: { id: 'openai', model: 'm' },
    usage: () => ({ requests: 0, promptTokens: 0, completionTokens: 0 }),
    grade: async (rs) => rs.map((r): Judgement => {
      const p = r.passages[0]!.passage;
      return { verdict: 'supported', confidence: 1, reason: 'ok', evidence: [{ source: p.source, line: p.line + 1, quote: 'q', passageId: p.id }] };
    }),
  };
  const grader = withCache(inner, store);
  const [r] = requestsFor(CLAIMS.slice(1, 2)) as [GradeRequest];
  const before = (await grader.grade([r]))[0]!;
  const moved: GradeRequest = { ...r, passages: r.passages.map((s) => ({ ...s, passage: { ...s.passage, line: s.passage.line + 5 } })) };
  const after = (await grader.grade([moved]))[0]!;
  assert.equal(after.evidence[0]!.line, before.evidence[0]!.line + 5);
});

test('the JSON file store survives a corrupt file and writes atomically', async () => {
  const dir = tmp();
  const file = join(dir, 'cache.json');
  writeFileSync(file, '{ not json');
  const logs: string[] = [];
  const store = new JsonFileCacheStore(file, { log: (m) => logs.push(m), maxEntries: 2 });
  assert.equal(store.get('a'), undefined);
  assert.match(logs[0]!, /unreadable/);
  store.set('a', 1);
  store.set('b', 2);
  store.set('c', { x: 3 });
  await store.flush();
  const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: Record<string, unknown> };
  assert.deepEqual(data, { version: 1, entries: { b: 2, c: { x: 3 } } });
  assert.deepEqual(readdirSync(dir), ['cache.json']);
  assert.deepEqual(new JsonFileCacheStore(file).get('c'), { x: 3 });
  assert.ok(PASSAGES.length > 0);
});

test('a Markdown sentence split into atomic claims shares its cache entries between checks, and no fact of it is lost', async (t) => {
  // A model copies a sentence's words, not its Markdown: "**300**" comes back as "300".
  const server = await serverFor(t, {
    respond: (req, i) => (req.sentences ? { json: { sentences: req.sentences.map((s) => ({ id: s.id, claims: s.text.replace(/[*_`]/g, '').split(/, and /) })) } } : plausibleAnswer(req, i)),
  });
  const doc = 'The tower is **300** metres tall, and about *7 million* people visit the tower every year.';
  const index = indexReferences(passagesFromText('refs/eiffel.md', EIFFEL, 'markdown'));
  const file = join(tmp(), 'cache.json');
  const check = (): Promise<Finding[]> => checkText(doc, index, { grader: createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', atomic: true, cacheFile: file, ...FAST }) });
  const first = await check();
  const graded = server.requests.filter((r) => r.claims).flatMap((r) => r.claims!);
  assert.deepEqual(graded.map((c) => c.text), ['The tower is 300 metres tall', 'about 7 million people visit the tower every year.']);
  // The sentence given as context is read as the claims are, without its Markdown.
  for (const c of graded) assert.equal(c.context, 'The tower is 300 metres tall, and about 7 million people visit the tower every year.');
  // Each part is put back on the text as written.
  assert.deepEqual(first.map((f) => [f.text, doc.slice(f.start, f.end)]), [
    ['The tower is **300** metres tall', 'The tower is **300** metres tall'],
    ['about *7 million* people visit the tower every year.', 'about *7 million* people visit the tower every year.'],
  ]);
  const asked = server.requests.length;
  assert.deepEqual((await check()).map((f) => [f.text, f.verdict]), first.map((f) => [f.text, f.verdict]));
  assert.equal(server.requests.length, asked, 'the second check of the unchanged document sends nothing');
});
