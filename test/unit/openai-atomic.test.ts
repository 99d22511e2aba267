// Atomic decomposition: verbatim, validated spans of each sentence; the sentence itself as the fallback.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryCacheStore } from '../../src/core/cache';
import { createGrader, decomposeClaims } from '../../src/core/graders';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { validSpans } from '../../src/core/graders/openai';
import type { Claim } from '../../src/core/types';
import { FAST, requestFor, serverFor } from './openai-helpers';

const DOC = 'The tower is 330 metres tall and was completed in 1889. About 7 million people visit it every year.';
const SENTENCES: Claim[] = [
  { text: 'The tower is 330 metres tall and was completed in 1889.', start: 0, end: 55 },
  { text: 'About 7 million people visit it every year.', start: 56, end: 99 },
];

test('splits sentences into atomic claims with exact ranges in the document', async (t) => {
  const server = await serverFor(t);
  const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', atomic: true, cacheStore: new MemoryCacheStore(), ...FAST });
  assert.ok(grader.decompose);
  const claims = (await decomposeClaims(SENTENCES, grader)).flat();
  assert.deepEqual(claims.map((c) => c.text), ['The tower is 330 metres tall', 'was completed in 1889.', 'About 7 million people visit it every year.']);
  for (const c of claims) assert.equal(DOC.slice(c.start, c.end), c.text);
  assert.equal((claims[1] as Claim & { sentence?: string }).sentence, SENTENCES[0]!.text);
  assert.equal(server.requests.length, 1);
  assert.ok(server.requests[0]!.sentences);

  // The grader sees the sentence as context for a part of it.
  await grader.grade([requestFor(claims[1]!.text)].map((r) => ({ ...r, claim: claims[1]! })));
  assert.equal(server.requests[1]!.claims![0]!.context, SENTENCES[0]!.text);

  // Decomposition is cached too: a re-check makes no request.
  await decomposeClaims(SENTENCES, grader);
  assert.equal(server.requests.length, 2);
});

test('spans that are not in the sentence are dropped; nothing valid falls back to the sentence', async (t) => {
  const server = await serverFor(t, {
    respond: () => ({ json: { sentences: [{ id: 'S1', claims: ['The tower is tall', 'was  completed in 1889', 'a paraphrase that is not there'] }, { id: 'S2', claims: ['invented'] }] } }),
  });
  const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', atomic: true, ...FAST });
  const claims = (await decomposeClaims(SENTENCES, grader)).flat();
  assert.deepEqual(claims.map((c) => c.text), ['was completed in 1889', SENTENCES[1]!.text]);
  for (const c of claims) assert.equal(DOC.slice(c.start, c.end), c.text);
});

test('a failed decomposition keeps the sentences and logs why', async (t) => {
  const server = await serverFor(t, { respond: () => ({ content: 'no JSON here' }) });
  const logs: string[] = [];
  const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', atomic: true, ...FAST, log: (m) => logs.push(m) });
  assert.deepEqual((await decomposeClaims(SENTENCES, grader)).flat(), SENTENCES);
  assert.match(logs.join('\n'), /atomic decomposition failed for 2 sentences \(the answer was prose, not JSON\)/);
});

test('graders without decomposition pass claims through', async () => {
  assert.deepEqual(await decomposeClaims(SENTENCES, createOfflineGrader()), SENTENCES.map((c) => [c]));
  assert.deepEqual(validSpans('abc def', ['def', 'def', 'x']), [[4, 7]]);
});
