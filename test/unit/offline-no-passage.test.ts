// A claim no passage shares a word with is not supported, by a rule rather than a model weight; small talk stays
// exempt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { MODEL } from '../../src/core/graders/offline/model';

test('a claim no passage shares a word with is not supported, in Japanese as in English; small talk stays exempt', async () => {
  const grader = createOfflineGrader();
  const none = (text: string) => grader.grade([{ claim: { text, start: 0, end: text.length }, passages: [] }]).then(([j]) => j!);
  for (const text of ['馬が吠えている。', '象が水を飲んでいます。', 'The horse is barking.']) {
    const j = await none(text);
    assert.equal(j.verdict, 'unsupported', text);
    assert.ok(j.confidence >= 0.8, `${text}: ${j.confidence}`);
  }
  const [yes] = await grader.grade([
    { claim: { text: 'Yes, it is.', start: 0, end: 11 }, passages: [] },
    { claim: { text: 'It opened in 1998.', start: 12, end: 30 }, passages: [] },
  ]);
  assert.equal(yes!.verdict, 'supported');
});

test('a claim no passage shares a word with is a rule, not a weight: the floor acts, the model gives the flag no weight', () => {
  const weight = (name: string): number => MODEL.weights[MODEL.features.indexOf(name)]!;
  assert.equal(weight('noPassage'), 0);
  assert.notEqual(weight('covBest'), 0);
});
