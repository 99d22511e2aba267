// The offline grader's reason names what decided the verdict: a claim about something no reference names is
// unsupported for that, not for the value the aligned sentence gives another thing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grade } from './offline-verdicts';

test('a subject no reference names is the reason, before a number the sentence gives something else', async () => {
  const statue = await grade('The Statue of Liberty is 500 metres tall.', 'The Eiffel Tower is 330 metres tall.');
  assert.notEqual(statue.verdict, 'supported');
  assert.equal(statue.reason, "reference never mentions 'Statue', 'Liberty'");
  const ja = await grade('東京タワーの高さは500メートルです。', '富士山の標高は3776メートルである。', 'ja');
  assert.equal(ja.reason, '参照文書に「東京タワー」の記載がありません');
});

test('the swapped value stays the reason where the claim is about what the reference names', async () => {
  assert.equal((await grade('Gustave Eiffel moved to Seattle in 1889.', 'Gustave Eiffel moved to Portland in 1889.')).reason, "reference says 'Portland' where the claim says 'Seattle'");
  assert.match((await grade('The Eiffel Tower is 500 metres tall.', 'The Eiffel Tower is 330 metres tall.')).reason, /330 metres.*500 metres/);
  const ja = await grade('富士山の標高は4000メートルです。', '富士山の高さは3776メートルである。', 'ja');
  assert.match(ja.reason, /3776メートル.*4000メートル/);
});
