// One long-lived caller signal (the CLI's Ctrl+C) over many requests: listeners must not pile up on it,
// and aborting it must still cancel the request in flight.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { CancelledError } from '../../src/core/errors';
import { createOpenAIGrader } from '../../src/core/graders/openai';
import { CLAIMS, FAST, requestsFor, serverFor } from './openai-helpers';

test('20 requests on one parent signal leave no abort listeners behind and raise no MaxListenersExceededWarning', async (t) => {
  const server = await serverFor(t);
  const warnings: Error[] = [];
  const onWarning = (w: Error): void => void warnings.push(w);
  process.on('warning', onWarning);
  t.after(() => process.off('warning', onWarning));
  const parent = new AbortController();
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', ...FAST });
  let most = 0;
  for (let i = 0; i < 20; i++) {
    const [j] = await grader.grade(requestsFor([CLAIMS[i % 2]!]), parent.signal);
    assert.equal(j!.failed, undefined, j!.reason);
    most = Math.max(most, getEventListeners(parent.signal, 'abort').length);
  }
  assert.equal(server.requests.length, 20);
  await new Promise((r) => setImmediate(r)); // warnings are emitted on a later tick
  assert.deepEqual(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message), []);
  assert.equal(most, 0, 'listeners left on the parent signal between requests');
});

test('aborting the parent signal cancels the request in flight', async (t) => {
  const server = await serverFor(t, { respond: () => ({ hang: true }) });
  const parent = new AbortController();
  const grader = createOpenAIGrader({ baseURL: server.baseURL, apiKey: 'sk-test', maxRetries: 0, timeoutMs: 30_000 });
  const started = Date.now();
  const pending = grader.grade(requestsFor([CLAIMS[0]!]), parent.signal);
  while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
  parent.abort();
  await assert.rejects(pending, CancelledError);
  assert.ok(Date.now() - started < 5000, 'the hanging request was not cancelled');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(server.requests[0]!.closedEarly, true);
  assert.equal(getEventListeners(parent.signal, 'abort').length, 0);
});
