// The grader a document gets: .claimcheck.json first, then settings; in an untrusted workspace the file's
// grader options are ignored (the settings passed in already hold only the user's own endpoint and model).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { graderConfig } from '../../src/extension/graderConfig';
import type { Settings } from '../../src/extension/settings';

const settings = (over: Partial<Settings['openai']> = {}, grader: Settings['grader'] = 'openai'): Settings => ({
  grader,
  openai: { baseUrl: 'http://user.example/v1', model: 'user-model', timeoutMs: 30000, maxConcurrency: 4, maxRequests: 0, ...over },
  cascade: false,
  atomic: false,
  references: ['references/**'],
  include: ['**/*.md'],
  exclude: [],
  checkOnSave: 'auto',
  severity: { contradicted: 'warning', unsupported: 'information' },
  maxFileSizeKB: 1024,
  scanConcurrency: 4,
});

const file = { grader: { kind: 'openai' as const, baseURL: 'http://file.example/v1', model: 'file-model', maxRequests: 5 } };

test('offline needs nothing else', () => {
  assert.deepEqual(graderConfig(settings({}, 'offline'), {}, true), { kind: 'offline' });
});

test('trusted: .claimcheck.json wins over settings, settings fill in the rest', () => {
  const c = graderConfig(settings(), file, true);
  assert.equal(c.baseURL, 'http://file.example/v1');
  assert.equal(c.model, 'file-model');
  assert.equal(c.maxRequests, 5);
  assert.equal(c.timeoutMs, 30000);
});

test('untrusted: the file cannot choose the grader, the endpoint or the model', () => {
  assert.deepEqual(graderConfig(settings({}, 'offline'), file, false), { kind: 'offline' });
  const c = graderConfig(settings(), file, false);
  assert.equal(c.baseURL, 'http://user.example/v1');
  assert.equal(c.model, 'user-model');
  assert.equal(c.maxRequests, undefined);
});

test('empty endpoint and model are left to the grader, a zero budget means none', () => {
  const c = graderConfig(settings({ baseUrl: '', model: '' }), {}, true);
  assert.equal('baseURL' in c, false);
  assert.equal('model' in c, false);
  assert.equal('maxRequests' in c, false);
});

test('never carries a key', () => {
  assert.equal('apiKey' in graderConfig(settings(), file, true), false);
});
