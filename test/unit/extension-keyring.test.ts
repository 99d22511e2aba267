// API keys are bound to the endpoint they were set for: the pure rules behind the editor's key storage.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { endpointOrigin, keyFor, parseKeyRing, withKey } from '../../src/extension/keyring';

const OPENAI = 'https://api.openai.com';

test('a key belongs to the scheme, host and port of a base URL', () => {
  assert.equal(endpointOrigin('https://api.openai.com/v1', {}), OPENAI);
  assert.equal(endpointOrigin(undefined, {}), OPENAI);
  assert.equal(endpointOrigin(undefined, { OPENAI_BASE_URL: 'http://localhost:11434/v1' }), 'http://localhost:11434');
  assert.equal(endpointOrigin('https://user:secret@example.com:8443/openai/deployments/x', {}), 'https://example.com:8443');
});

test('a key is found only for its own endpoint; the others are named', () => {
  const ring = withKey(withKey({}, OPENAI, 'sk-openai'), 'http://localhost:8000', 'sk-local');
  assert.deepEqual(keyFor(ring, 'https://api.openai.com/v1', {}), { key: 'sk-openai', elsewhere: ['http://localhost:8000'] });
  assert.deepEqual(keyFor(ring, 'https://evil.example/v1', {}), { elsewhere: [OPENAI, 'http://localhost:8000'] });
  assert.deepEqual(keyFor(withKey(ring, OPENAI, ''), 'https://api.openai.com/v1', {}).key, undefined);
});

test("OPENAI_API_KEY goes only to the environment's own endpoint", () => {
  assert.equal(keyFor({}, undefined, { OPENAI_API_KEY: 'sk-env' }).key, 'sk-env');
  assert.equal(keyFor({}, 'https://api.openai.com/v1', { OPENAI_API_KEY: 'sk-env' }).key, 'sk-env');
  assert.equal(keyFor({}, 'https://evil.example/v1', { OPENAI_API_KEY: 'sk-env' }).key, undefined);
  // ...and the message can say which endpoint that key is for.
  assert.deepEqual(keyFor({}, 'https://evil.example/v1', { OPENAI_API_KEY: 'sk-env' }).elsewhere, [OPENAI]);
  const env = { OPENAI_API_KEY: 'sk-env', OPENAI_BASE_URL: 'https://my.azure.example/openai' };
  assert.equal(keyFor({}, 'https://my.azure.example/openai/v1', env).key, 'sk-env');
  assert.equal(keyFor({}, 'https://api.openai.com/v1', env).key, undefined);
  // The ring's own key wins.
  assert.equal(keyFor({ [OPENAI]: 'sk-own' }, undefined, { OPENAI_API_KEY: 'sk-env' }).key, 'sk-own');
});

test('a key stored before keys were bound belongs to the given endpoint; the stored ring reads back', () => {
  assert.deepEqual(parseKeyRing('sk-old', OPENAI), { [OPENAI]: 'sk-old' });
  assert.deepEqual(parseKeyRing(undefined, OPENAI), {});
  assert.deepEqual(parseKeyRing(JSON.stringify({ [OPENAI]: 'sk-a', bad: 3 }), OPENAI), { [OPENAI]: 'sk-a' });
  assert.deepEqual(parseKeyRing('{not json', OPENAI), { [OPENAI]: '{not json' });
});
