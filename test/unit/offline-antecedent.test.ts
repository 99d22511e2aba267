// A sentence that opens with "It" speaks of the sentence before's subject: an opposite or a ranked superlative it
// holds counts against a claim about that subject, as a number there already did.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grade, supported } from './offline-verdicts';

test('a ranked superlative in the sentence after, said of "It", flags the plain superlative', async () => {
  const ref = 'Tokyo Tower is a communications tower. It is the second-tallest structure in Japan.';
  const j = await grade('Tokyo Tower is the tallest structure in Japan.', ref);
  assert.notEqual(j.verdict, 'supported', j.reason);
  assert.equal(j.reason, "reference says 'second-tallest', claim says 'tallest'");
  // Controls: the ranked claim, and the plain superlative the reference states.
  await supported('Tokyo Tower is the second-tallest structure in Japan.', ref);
  await supported('Tokyo Tower is the tallest structure in Japan.', 'Tokyo Tower is a communications tower. It is the tallest structure in Japan.');
});
