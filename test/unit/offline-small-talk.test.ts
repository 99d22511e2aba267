// Small talk and the speaker: assent and reactions are small talk, needing no support; a sentence that speaks of the
// speaker ("I love them too") or judges what is talked about ("They are great") is no assent, and a claim that tells
// the speaker's own experience or taste is about the speaker, however much of the reference it copies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, indexReferences } from '../../src/core/check';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { passagesFromText } from '../../src/core/references';
import { notSupported, supported } from './offline-verdicts';

const DOUGHNUT = 'The doughnut is popular in many countries and can be purchased in bakeries, supermarkets and food stalls.';

/** The verdict and reason of `talk`, said before a claim the reference states. */
async function beside(talk: string): Promise<{ verdict: string; confidence: number; reason: string }> {
  const index = indexReferences(passagesFromText('refs/doughnut.md', DOUGHNUT));
  const findings = await checkText(`${talk} They can be found in bakeries, supermarkets and food stalls.`, index, { grader: createOfflineGrader(), format: 'plaintext' });
  const said = findings.find((f) => f.text === talk);
  assert.ok(said, `${talk} is a claim: ${JSON.stringify(findings.map((f) => f.text))}`);
  assert.equal(findings.find((f) => f !== said)?.verdict, 'supported');
  return said;
}

test('small talk that speaks of the speaker is no assent: the speaker is not in the reference', async () => {
  for (const talk of ['I love them too.', 'i have not.', 'I agree with you!']) {
    const j = await beside(talk);
    assert.notEqual(j.verdict, 'supported', `${talk}: ${j.reason}`);
    assert.ok(j.confidence >= 0.8, `${talk}: ${j.confidence}`);
    assert.doesNotMatch(j.reason, /small talk/);
  }
});

test('small talk that judges what is talked about is an opinion of it', async () => {
  for (const talk of ['They are great.', 'It is so much fun!', 'Yes, it is really good!']) {
    const j = await beside(talk);
    assert.notEqual(j.verdict, 'supported', `${talk}: ${j.reason}`);
    assert.ok(j.confidence >= 0.8, `${talk}: ${j.confidence}`);
    assert.doesNotMatch(j.reason, /small talk/);
  }
});

test('assent and reactions stay small talk', async () => {
  for (const talk of ['Yes, it is.', "That's awesome!", 'That is great.', 'Yeah, they are.', 'It definitely does.']) {
    const j = await beside(talk);
    assert.equal(j.verdict, 'supported', `${talk}: ${j.reason}`);
    assert.match(j.reason, /small talk/, talk);
  }
});

test("a claim that tells the speaker's own experience or taste is about the speaker, however much it copies", async () => {
  const belfast = 'Belfast is the largest city in Northern Ireland.';
  await notSupported('I have been to Belfast, which is the largest city in Northern Ireland.', belfast, "'I have been to' tells the speaker's own experience or taste, which no reference attests");
  await notSupported('My favorite film is Fargo, a 1996 crime drama.', 'Fargo is a 1996 crime drama.');
  await notSupported('I would recommend a music festival, a community event oriented towards live performances.', 'A music festival is a community event oriented towards live performances.');
  // "I know" and "I think" only hedge the fact after them.
  await supported('I know that Belfast is the largest city in Northern Ireland.', belfast);
  await supported('I think Belfast is the largest city in Northern Ireland.', belfast);
});

test("a claim about the speaker's own things is about the speaker: 'my' before a word, 'Mine is', 'of mine'", async () => {
  const cod = 'Cod has a dense and white flesh, and the maximum score is 300.';
  await notSupported('Mine is dense and white.', cod, "'Mine' tells the speaker's own experience or taste, which no reference attests");
  await notSupported('My maximum score is 300.', cod, "'My maximum' tells the speaker's own experience or taste, which no reference attests");
  await notSupported('A poodle of mine is a breed of water dog.', 'The poodle is a breed of water dog.');
  // Controls: "My" in a title, "mine" the pit, and "Mine" before a noun are no speaker's things.
  await supported('Excuse My French is a 2014 Egyptian comedy film.', 'Excuse My French is a 2014 Egyptian comedy film directed by Amr Salama.');
  await supported('The coal mine closed in 1985.', 'The coal mine closed in 1985 after a long strike.');
  await supported('Mine workers went on strike in 1984.', 'Mine workers went on strike in 1984 across Britain.');
});
