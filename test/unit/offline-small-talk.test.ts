// Small talk and the speaker: assent and reactions are small talk, needing no support; a sentence that speaks of the
// speaker ("I love them too") or judges what is talked about ("They are great") is no assent, and a claim that tells
// the speaker's own experience or taste is about the speaker, however much of the reference it copies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, indexReferences } from '../../src/core/check';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { passagesFromText } from '../../src/core/references';
import { grade, notSupported, supported } from './offline-verdicts';

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
  for (const talk of ['They are great.', 'It is so much fun!', 'Yes, it is really good!', "He's very well-known.", 'He is well - known .']) {
    const j = await beside(talk);
    assert.notEqual(j.verdict, 'supported', `${talk}: ${j.reason}`);
    assert.ok(j.confidence >= 0.8, `${talk}: ${j.confidence}`);
    assert.doesNotMatch(j.reason, /small talk/);
  }
});

test('assent and reactions stay small talk', async () => {
  for (const talk of ['Yes, it is.', "That's awesome!", 'That is great.', 'Yeah, they are.', 'It definitely does.', 'That is well known.']) {
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

test('a judgement of a thing the claim names, the rest of it stated, is an opinion the reference does not hold', async () => {
  const band = 'The band is made up of singer Tom Reyes, guitarist Ana Lind and drummer Joe Park.';
  await notSupported('Tom Reyes, Ana Lind and Joe Park were awesome members of the band.', band, "the reference does not say 'awesome': an opinion, not something it states", 'unsupported');
  await notSupported('Tom Reyes was a great singer of the band.', 'Tom Reyes was the singer of the band from 2001 to 2016.');
  await notSupported('A strike is when all the pins are knocked down on the first roll, and is the most important.', 'A strike is when all the pins are knocked down on the first roll.');
  // Controls: no judgement; a judgement the reference makes; an outcome told in other words ("successful" for "won"),
  // and importance an instruction implies;
  // a claim that opens with a pronoun or an answer, a reaction to the topic as often as not, is the model's.
  await supported('Tom Reyes, Ana Lind and Joe Park are members of the band.', band);
  await supported('Tom Reyes was a great singer of the band.', 'Tom Reyes was a great singer of the band from 2001 to 2016.');
  for (const [claim, ref] of [
    ['The city of Eugene was successful in its bid for the 2021 championships.', 'Eugene won its bid for the 2021 championships after a presentation.'],
    ['Backing up your data before upgrading to version 2 is important.', 'Back up your data before upgrading to version 2.'],
  ] as const) {
    const j = await grade(claim, ref);
    assert.ok(j.confidence < 0.8 || j.verdict === 'supported', `${claim}: ${j.verdict} ${j.confidence}`);
  }
  await supported('Yes, it is a great game played by two teams of eleven players.', 'American football is a game played by two teams of eleven players.');
  // A name's word is no judgement, capitalised or before a capital.
  for (const [claim, ref] of [
    ['Ireland is separated from Great Britain by the Irish Sea.', 'Ireland is separated from Britain by the Irish Sea.'],
    ['The shop is closed on Good Friday and Easter Monday.', 'The shop is closed on Friday and Easter Monday.'],
  ] as const) {
    const j = await grade(claim, ref);
    assert.ok(j.confidence < 0.8 || j.verdict === 'supported', `${claim}: ${j.verdict} ${j.confidence}`);
  }
});

test("advice to try something is the speaker's recommendation, where no passage gives it", async () => {
  await notSupported('You should try competitive routines of one to three minutes.', 'Competitive routines range from one to three minutes.', "'You should try' tells the speaker's own experience or taste, which no reference attests", 'unsupported');
  await notSupported('You can also try pin bowling, where the target is to knock over pins.', 'In pin bowling, the target is to knock over pins at the end of a lane.');
  // Controls: advice the reference gives; "you can" that tries nothing.
  await supported('You can try restarting the router if it stops responding.', 'If the router stops responding, try restarting it.');
  await supported('You can go from chanting slogans to extreme physical activity.', 'Cheerleading ranges from chanting slogans to extreme physical activity.');
});
