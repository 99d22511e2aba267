// What the language status item says: the pure view behind it (the item itself cannot be read from a test).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusView, type Translate } from '../../src/extension/statusView';

const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

test('a document never checked, and one whose check found no references', () => {
  assert.equal(statusView({}, t).detail, 'Not checked yet');
  const message = 'No reference documents found for answer.md (looked for: references/**). Add a reference to check its claims against.';
  const none = statusView({ unchecked: { status: 'no-references', message } }, t);
  assert.deepEqual(none, { text: '$(warning) No references', detail: message, warning: true });
});

test('a check that gave no result is newer than the findings before it', () => {
  const view = statusView({ result: { claims: 4, contradicted: 0, unsupported: 0 }, unchecked: { status: 'too-large', message: 'answer.md is 900 KB' } }, t);
  assert.equal(view.text, '$(warning) Too large to check');
  assert.equal(view.detail, 'answer.md is 900 KB');
});

test('counts, and why they may be out of date', () => {
  assert.deepEqual(statusView({ result: { claims: 5, contradicted: 1, unsupported: 2 } }, t), { text: '$(warning) 1 contradicted, 2 unsupported', detail: 'Up to date', warning: true });
  assert.equal(statusView({ result: { claims: 5, contradicted: 0, unsupported: 2 } }, t).warning, false);
  assert.equal(statusView({ result: { claims: 1, contradicted: 0, unsupported: 0 } }, t).text, '$(check) 1 claim supported');
  assert.equal(statusView({ result: { claims: 0, contradicted: 0, unsupported: 0 } }, t).text, '$(check) No claims to check');
  assert.equal(statusView({ result: { claims: 3, contradicted: 0, unsupported: 0, stale: 'references' } }, t).detail, 'References changed since the last check');
  assert.match(statusView({ result: { claims: 3, contradicted: 0, unsupported: 0, partial: true } }, t).detail, /^Only a selection checked/);
  // Moved (renamed, or into another folder): its findings came from the references of the old place.
  assert.equal(statusView({ result: { claims: 3, contradicted: 0, unsupported: 0, stale: 'moved' } }, t).detail, 'Moved since the last check: checked against the references of its old place');
});

test('claims the grader could not judge are counted as such, not as unsupported', () => {
  const view = statusView({ result: { claims: 3, contradicted: 0, unsupported: 0, notJudged: 3 } }, t);
  assert.deepEqual(view, { text: '$(warning) 0 contradicted, 0 unsupported, 3 not judged', detail: 'Up to date', warning: true });
});

test('no key, and a reference document: said with the reason; a reference is no warning', () => {
  assert.equal(statusView({ unchecked: { status: 'no-key', message: 'no API key is set' } }, t).text, '$(warning) No API key');
  const ref = statusView({ unchecked: { status: 'is-reference', message: 'refs/a.md is a reference document' } }, t);
  assert.deepEqual(ref, { text: '$(references) Reference document', detail: 'refs/a.md is a reference document', warning: false });
});

test('a document that is no text to check (binary, blank) says so, with the reason its check gave', () => {
  const message = 'answer.md: looks like a binary file (it contains NUL bytes). Convert it to plain text, Markdown or HTML';
  assert.deepEqual(statusView({ unchecked: { status: 'not-text', message } }, t), { text: '$(warning) No text to check', detail: message, warning: true });
});
