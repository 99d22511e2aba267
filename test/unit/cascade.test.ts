// The offline-first cascade: confident offline verdicts stand; only the rest reach the model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGrader } from '../../src/core/graders';
import { withCascade } from '../../src/core/graders/cascade';
import { createOpenAIGrader } from '../../src/core/graders/openai';
import type { Grader, Judgement } from '../../src/core/types';
import { CLAIMS, FAST, requestsFor, serverFor } from './openai-helpers';

/** An offline grader that is sure about claims mentioning "330" and unsure about the rest. */
const offline: Grader = {
  info: { id: 'offline' },
  usage: () => ({ requests: 0, promptTokens: 0, completionTokens: 0 }),
  grade: async (rs) =>
    rs.map((r): Judgement => (r.claim.text.includes('330') ? { verdict: 'supported', confidence: 0.97, evidence: [], reason: 'offline: exact match' } : { verdict: 'unsupported', confidence: 0.4, evidence: [], reason: 'offline: unsure' })),
};

test('confident offline verdicts are kept and only the rest go to the model', async (t) => {
  const server = await serverFor(t);
  const model = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST });
  const grader = withCascade(offline, model, 0.9);
  const js = await grader.grade(requestsFor(CLAIMS));
  assert.equal(js[1]!.reason, 'offline: exact match');
  assert.equal(grader.settledOffline(), 1);
  const sent = server.requests.flatMap((r) => r.claims!.map((c) => c.text));
  assert.equal(sent.length, CLAIMS.length - 1);
  assert.ok(!sent.includes(CLAIMS[1]!));
  assert.equal(js[2]!.verdict, 'contradicted');
});

test('nothing reaches the model when the offline grader is sure of everything', async (t) => {
  const server = await serverFor(t);
  const grader = withCascade(offline, createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST }), 0.9);
  await grader.grade(requestsFor(['The tower is 330 metres tall.']));
  assert.equal(server.requests.length, 0);
});

test('createGrader wires the real offline grader in front of the model', async (t) => {
  const server = await serverFor(t);
  const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', cascade: true, cascadeThreshold: 0, ...FAST });
  const js = await grader.grade(requestsFor(CLAIMS));
  assert.equal(js.length, CLAIMS.length);
  assert.equal(server.requests.length, 0, 'threshold 0: the offline grader decides everything');
  const strict = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'sk-test', cascade: true, cascadeThreshold: 1.01, ...FAST });
  await strict.grade(requestsFor(CLAIMS));
  assert.equal(server.requests.length, 1, 'threshold above 1: everything goes to the model');
});
