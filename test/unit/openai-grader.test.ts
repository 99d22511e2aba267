// The OpenAI grader against a real local HTTP server through the real SDK: batching, prompt layout,
// verification of quotes and ids, structured-output fallback, token accounting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryCacheStore } from '../../src/core/cache';
import { createGrader, createRequestRecorder, estimateCost as estimateGraderCost } from '../../src/core/graders';
import { createOpenAIGrader, estimateCost, QUOTE_NOT_FOUND } from '../../src/core/graders/openai';
import { planBatches, selectPassages } from '../../src/core/graders/openai/batch';
import { plausibleAnswer } from '../fixtures/openai-server';
import { CLAIMS, FAST, manyClaims, paragraphs, PASSAGES, requestFor, requestsFor, serverFor } from './openai-helpers';

test('grades plausibly and cites verbatim evidence with its line in the reference', async (t) => {
  const server = await serverFor(t);
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'fake-1', ...FAST });
  const js = await grader.grade(requestsFor(CLAIMS));
  const verdicts = js.map((j) => j.verdict);
  assert.deepEqual(verdicts, ['supported', 'supported', 'contradicted', 'supported', 'contradicted', 'unsupported', 'supported', 'supported']);
  assert.equal(server.requests.length, 1);
  const tall = js[1]!.evidence[0]!;
  assert.equal(tall.source, 'refs/eiffel.md');
  assert.equal(tall.quote, 'The tower is 330 metres tall, about the same height as an 81-storey building.');
  assert.equal(tall.line, 9);
  assert.equal(tall.passageId, 'refs/eiffel.md#3');
  // A quote on the passage's second line is placed on that line.
  assert.equal(js[7]!.evidence[0]!.line, 10);
  assert.ok(js.every((j) => !j.failed && j.reason.length > 0));
});

test('sends several claims per request and each passage once per request', async (t) => {
  const server = await serverFor(t);
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', batchSize: 10, ...FAST });
  const requests = requestsFor(manyClaims(45));
  const js = await grader.grade(requests);
  assert.equal(js.length, 45);
  assert.equal(server.requests.length, 5);
  const sent = server.requests.flatMap((r) => r.claims!.map((c) => c.text));
  assert.deepEqual([...sent].sort(), requests.map((r) => r.claim.text).sort());
  for (const r of server.requests) {
    const ids = r.passages!.map((p) => p.text);
    assert.equal(new Set(ids).size, ids.length, 'a passage is sent once per request');
    assert.ok(r.passages!.length <= PASSAGES.length);
    const shared = r.passages!.filter((p) => r.claims!.filter((c) => c.passages.includes(p.id)).length > 1);
    assert.ok(shared.length > 0, 'passages shared by several claims are sent once');
    assert.deepEqual(r.passages!.map((p) => p.id), r.passages!.map((_, i) => `P${i + 1}`));
  }
  assert.equal(grader.usage().requests, 5);
});

test('keeps a stable prompt prefix: instructions, then passages, then claims', async (t) => {
  const server = await serverFor(t);
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', seed: 11, ...FAST });
  // Two different claim sets that retrieve the same passages, listed in a different order.
  const a = ['The tower is 330 metres tall.', 'Construction began in January 1887.'].map((c) => requestFor(c, PASSAGES, 5));
  const b = ['It was completed in March 1889.', 'The tower is 300 metres tall, like a building.'].map((c) => requestFor(c, [...PASSAGES].reverse(), 5));
  await grader.grade(a);
  await grader.grade(b);
  const [ra, rb] = server.requests;
  assert.equal(ra!.body.messages[0]!.role, 'system');
  assert.equal(ra!.system, rb!.system);
  const prefix = (u: string) => u.slice(0, u.indexOf('<claims>'));
  assert.ok(ra!.user.indexOf('<passages>') < ra!.user.indexOf('<claims>'));
  assert.equal(prefix(ra!.user), prefix(rb!.user));
  assert.notEqual(ra!.user, rb!.user);
  assert.equal(ra!.body.temperature, 0);
  assert.equal(ra!.body.seed, 11);
  const rf = ra!.body.response_format as { type: string; json_schema?: { strict?: boolean } };
  assert.equal(rf.type, 'json_schema');
  assert.equal(rf.json_schema?.strict, true);
});

test('trust but verify: invented quotes, unknown ids, missing claims, bad verdicts, extra fields', async (t) => {
  const server = await serverFor(t, {
    respond: (req) => {
      if (req.claims!.length === 1) return { json: { results: [] } }; // the follow-up for the left-out claim
      const [c1, c2, c3, c4, , c6] = req.claims!.map((c) => c.id);
      return {
        json: {
          results: [
            { claim: c1, passage: 'P1', quote: 'The tower is made of gold.', verdict: 'supported', confidence: 0.9, reason: 'ok' },
            { claim: c2, passage: 'P99', quote: 'The tower is 330 metres tall', verdict: 'supported', confidence: 0.9, reason: 'ok', extra: 'ignored' },
            { claim: c3, passage: 'P42', quote: 'an invented sentence', verdict: 'contradicted', confidence: 0.9, reason: 'no' },
            { claim: c4, passage: 'P1', quote: 'x', verdict: 'probably', confidence: 0.9, reason: 'hmm' },
            { claim: c6, passage: null, quote: null, verdict: 'supported', confidence: 2, reason: 'trust me' },
            { claim: 'C77', passage: 'P1', quote: 'x', verdict: 'supported', confidence: 1, reason: 'not a claim of ours' },
            { claim: c1, passage: 'P1', quote: 'The Eiffel Tower', verdict: 'supported', confidence: 1, reason: 'duplicate entry' },
          ],
          note: 'extra top-level field',
        },
      };
    },
  });
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST });
  const js = await grader.grade(requestsFor(CLAIMS.slice(0, 6)));
  assert.equal(js[0]!.verdict, 'unsupported');
  assert.equal(js[0]!.reason, QUOTE_NOT_FOUND);
  assert.equal(js[1]!.verdict, 'supported', 'an unknown id with a real quote is located in the real passage');
  assert.equal(js[1]!.evidence[0]!.passageId, 'refs/eiffel.md#3');
  assert.equal(js[2]!.verdict, 'unsupported');
  assert.match(js[2]!.reason, /quote not found.*P42.*does not exist/);
  assert.equal(js[3]!.failed, true);
  assert.match(js[3]!.reason, /invalid verdict/);
  assert.equal(js[4]!.failed, true);
  assert.match(js[4]!.reason, /left out this claim/);
  assert.equal(server.requests.length, 2, 'a left-out claim is asked for once more');
  assert.deepEqual(server.requests[1]!.claims!.map((c) => c.text), [CLAIMS[4]]);
  assert.equal(js[5]!.verdict, 'unsupported');
  assert.match(js[5]!.reason, /quoted nothing/);
});

test('falls back to plain JSON when the endpoint rejects json_schema, and remembers it', async (t) => {
  const server = await serverFor(t, { rejectJsonSchema: true });
  const logs: string[] = [];
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST, log: (m) => logs.push(m) });
  const js = await grader.grade(requestsFor(CLAIMS.slice(0, 2)));
  assert.deepEqual(js.map((j) => j.verdict), ['supported', 'supported']);
  assert.deepEqual(server.requests.map((r) => r.body.response_format?.type), ['json_schema', 'json_object']);
  await grader.grade(requestsFor(CLAIMS.slice(2, 4)));
  assert.equal(server.requests[2]!.body.response_format?.type, 'json_object', 'the fallback is remembered');
  assert.equal(server.requests.length, 3);
  assert.ok(logs.some((l) => /json_object/.test(l)));
});

test('falls back to no response_format at all when the endpoint rejects every kind', async (t) => {
  const server = await serverFor(t, { rejectResponseFormat: true });
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST });
  const js = await grader.grade(requestsFor(CLAIMS.slice(0, 2)));
  assert.deepEqual(js.map((j) => j.verdict), ['supported', 'supported']);
  assert.deepEqual(server.requests.map((r) => r.body.response_format?.type), ['json_schema', 'json_object', undefined]);
});

test('drops temperature when the endpoint rejects it (reasoning models)', async (t) => {
  const server = await serverFor(t, {
    respond: (req) => (req.body.temperature !== undefined ? { status: 400, error: "Unsupported value: 'temperature' does not support 0" } : { json: { results: [] } }),
  });
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST });
  await grader.grade(requestsFor(CLAIMS.slice(0, 1)));
  assert.equal(server.requests.length, 2);
  assert.equal(server.requests[1]!.body.temperature, undefined);
  assert.equal(server.requests[1]!.body.response_format?.type, 'json_schema');
});

test('accounts tokens from the API usage fields, and the estimate matches what is sent', async (t) => {
  const server = await serverFor(t);
  const config = { baseURL: server.baseURL, apiKey: 'sk-test', batchSize: 4, ...FAST };
  const grader = createOpenAIGrader(config);
  const requests = requestsFor(manyClaims(10));
  const estimate = estimateCost(requests, config);
  await grader.grade(requests);
  const usage = grader.usage();
  assert.equal(usage.requests, 3);
  assert.equal(estimate.requests, 3);
  assert.ok(usage.promptTokens > 0 && usage.completionTokens > 0);
  // The fake server counts tokens with the same heuristic, so the estimate is exact here.
  assert.equal(estimate.promptTokens, usage.promptTokens);
  assert.equal(estimateCost(requests, { ...config, maxRequests: 1 }).requests, 1);
});

test('never has more than maxConcurrency requests in flight', async (t) => {
  let inFlight = 0;
  let peak = 0;
  const server = await serverFor(t, {
    respond: async (req, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      return plausibleAnswer(req, i);
    },
  });
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', batchSize: 2, maxConcurrency: 2, ...FAST });
  const js = await grader.grade(requestsFor(manyClaims(12)));
  assert.equal(server.requests.length, 6);
  assert.equal(peak, 2);
  assert.ok(js.every((j) => !j.failed));
});

test('batches are even and only passages near the best one are sent', () => {
  const requests = requestsFor(manyClaims(21)).map((request, index) => ({ index, request }));
  const batches = planBatches(requests, { batchSize: 20, maxBatchChars: 1e6, minRelativeScore: 0.5 });
  assert.deepEqual(batches.map((b) => b.claims.length), [11, 10]);
  const scored = [PASSAGES[0]!, PASSAGES[1]!, PASSAGES[2]!].map((passage, i) => ({ passage, score: [10, 6, 1][i]! }));
  assert.deepEqual(selectPassages(scored, 0.5).map((s) => s.score), [10, 6]);
  assert.deepEqual(selectPassages(scored, 0).map((s) => s.score), [10, 6, 1]);
  assert.deepEqual(selectPassages(scored.map((s) => ({ ...s, score: 0 })), 0.5).length, 3);
});

test('a batch tells apart passages of different references that share an id; one passage given twice is sent once', () => {
  const passage = (text: string) => ({ id: 'reference[0]#0', source: 'reference[0]', line: 1, text });
  const fuji = passage('Mount Fuji is 3,776 metres tall.');
  const tower = passage('The Eiffel Tower is 330 metres tall.');
  const ask = (text: string, p: ReturnType<typeof passage>) => ({ claim: { text, start: 0, end: text.length }, passages: [{ passage: p, score: 1 }] });
  const [batch] = planBatches(
    [ask('Mount Fuji is 3,776 metres tall.', fuji), ask('The tower is 330 metres tall.', tower), ask('Fuji is tall.', { ...fuji })].map((request, index) => ({ index, request })),
    { batchSize: 20, maxBatchChars: 1e6, minRelativeScore: 0 },
  );
  assert.deepEqual(batch!.passages.map((p) => p.passage.text).sort(), [fuji.text, tower.text].sort());
  assert.deepEqual(batch!.claims.map((c) => batch!.byPromptId.get(c.passageIds[0]!)!.text), [fuji.text, tower.text, fuji.text]);
});

test('the cost estimate skips claims the cache already holds; the offline grader costs nothing', async (t) => {
  const server = await serverFor(t);
  const store = new MemoryCacheStore();
  const config = { kind: 'openai' as const, baseURL: server.baseURL, apiKey: 'sk-test', cacheStore: store, ...FAST };
  const requests = requestsFor(CLAIMS);
  assert.deepEqual(estimateGraderCost(requests, config, store).requests, 1);
  await createGrader(config).grade(requests.slice(0, 5));
  const after = estimateGraderCost(requests, config, store);
  assert.equal(after.claims, 3);
  assert.equal(estimateGraderCost(requests.slice(0, 5), config, store).requests, 0);
  assert.deepEqual(estimateGraderCost(requests, { kind: 'offline' }), { requests: 0, claims: CLAIMS.length, promptTokens: 0, completionTokens: 0 });
});

test('a request recorder collects what the pipeline would send, for the cost preview', async () => {
  const rec = createRequestRecorder();
  const requests = requestsFor(CLAIMS);
  const js = await rec.grader.grade(requests);
  assert.equal(rec.requests.length, CLAIMS.length);
  assert.ok(js.every((j) => j.failed && j.verdict === 'unsupported'));
  assert.equal(estimateGraderCost(rec.requests, { kind: 'openai' }).requests, 1);
});

test('language ja: the model is asked for reasons in Japanese in the user message (the system prefix stays the same), and such answers are cached apart', async (t) => {
  const server = await serverFor(t);
  const requests = requestsFor([CLAIMS[0]!]);
  const en = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST });
  const ja = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', language: 'ja', ...FAST });
  await en.grade(requests);
  await ja.grade(requests);
  const [re, rj] = server.requests;
  assert.equal(re!.system, rj!.system);
  assert.doesNotMatch(re!.user, /Japanese/);
  assert.match(rj!.user, /Write each "reason" in Japanese\.$/);
  assert.notEqual(en.promptVersion, ja.promptVersion);
});

test('maxConcurrency caps requests in flight across grade calls made at once (a run joins documents into several)', async (t) => {
  let inFlight = 0;
  let most = 0;
  const server = await serverFor(t, {
    respond: async (req, i) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 40));
      inFlight--;
      return plausibleAnswer(req, i);
    },
  });
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', maxConcurrency: 2, ...FAST });
  const calls = await Promise.all(CLAIMS.slice(0, 6).map((c) => grader.grade(requestsFor([c]))));
  assert.ok(calls.every((js) => js.every((j) => !j.failed)));
  assert.equal(server.requests.length, 6);
  assert.equal(most, 2, 'six calls of one batch each, two requests at a time');
  // A call waiting for a slot ends at once when cancelled, and sends nothing.
  const stop = new AbortController();
  const busy = grader.grade(requestsFor(CLAIMS.slice(0, 1)));
  const busy2 = grader.grade(requestsFor(CLAIMS.slice(1, 2)));
  const waiting = grader.grade(requestsFor(CLAIMS.slice(2, 3)), stop.signal);
  stop.abort();
  await assert.rejects(waiting, { name: 'CancelledError' });
  await Promise.all([busy, busy2]);
  assert.equal(server.requests.length, 8);
});

test("evidence must come from the claim's own references: a quote from another document's references in the same batch is not found (security QA)", async (t) => {
  const fuji = paragraphs('other/fuji.md', 'Mount Fuji is 3,776 metres high.\n\nIts last eruption began in 1707.');
  const server = await serverFor(t, {
    respond: (req) => {
      const [tower, mountain] = req.claims!;
      const fujiId = req.passages!.find((p) => p.text.startsWith('Mount Fuji'))!.id;
      return {
        json: {
          results: [
            // A hijacked answer backs the tower claim with the other document's reference.
            { claim: tower!.id, passage: fujiId, quote: 'Mount Fuji is 3,776 metres high', verdict: 'supported', confidence: 0.9, reason: 'ok' },
            { claim: mountain!.id, passage: fujiId, quote: 'Mount Fuji is 3,776 metres high', verdict: 'supported', confidence: 0.9, reason: 'ok' },
          ],
        },
      };
    },
  });
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST });
  const js = await grader.grade([requestFor('The Eiffel Tower is 3,776 metres high.'), requestFor('Mount Fuji is 3,776 metres high.', fuji)]);
  assert.equal(server.requests.length, 1, 'one batch holds both claims');
  assert.equal(js[0]!.verdict, 'unsupported');
  assert.equal(js[0]!.reason, QUOTE_NOT_FOUND);
  assert.equal(js[1]!.verdict, 'supported');
  assert.equal(js[1]!.evidence[0]!.source, 'other/fuji.md');
});
