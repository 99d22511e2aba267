// A sentence that opens with "It" speaks of the sentence before's subject: an opposite or a ranked superlative it
// holds counts against a claim about that subject, as a number there already did; and where no passage names what
// "it" stands for, a claim that names it says what the reference does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grade, notSupported, supported } from './offline-verdicts';

test('a ranked superlative in the sentence after, said of "It", flags the plain superlative', async () => {
  const ref = 'Tokyo Tower is a communications tower. It is the second-tallest structure in Japan.';
  const j = await grade('Tokyo Tower is the tallest structure in Japan.', ref);
  assert.notEqual(j.verdict, 'supported', j.reason);
  assert.equal(j.reason, "reference says 'second-tallest', claim says 'tallest'");
  // Controls: the ranked claim, and the plain superlative the reference states.
  await supported('Tokyo Tower is the second-tallest structure in Japan.', ref);
  await supported('Tokyo Tower is the tallest structure in Japan.', 'Tokyo Tower is a communications tower. It is the tallest structure in Japan.');
});

test('a subject no passage names, where the sentence has only a pronoun for it, is not supported', async () => {
  await notSupported('The lighthouse was painted red in the spring.', 'It was painted red in the spring.', "reference never mentions 'lighthouse'");
  await notSupported('Yes, ice sailing can be done for a variety of reasons.', 'This can be done for a variety of reasons, including leisure and sport.');
  await notSupported('Basalt is mostly formed from cooled lava flows.', 'Geologically, it is mostly formed from cooled lava flows.');
  await notSupported('In recent years basalt tiles have become a common flooring material.', 'In recent years, they have become a common flooring material.');
  // Controls: a passage that names the subject before its pronoun; the subject the sentence itself names; a person's
  // "she", whose name a dialogue gives as often; a claim that opens with a pronoun too; a demonstrative's phrase, which
  // names the thing ("this type of sausage").
  await supported('The lighthouse was painted red in the spring.', 'The lighthouse stands on the cape. It was painted red in the spring.');
  await supported('The lighthouse was painted red in the spring.', 'The lighthouse was painted red in the spring.');
  await supported('Marie was the founder of the bakery.', 'She was the founder of the bakery.');
  await supported('It was painted red in the spring.', 'It was painted red in the spring.');
  await supported('Since its founding in 1950, the event has drawn sailors from many countries.', 'Since its founding in 1950, this event has drawn sailors from many countries.');
  await supported('The dish was popularised in the United States.', 'This type of sausage was popularized in the United States.');
});
