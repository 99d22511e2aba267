// Nationalities are a closed class: a German physicist is not a Polish one; "British" holds the English and Scots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grade, notSupported, supported } from './offline-verdicts';

const ref = 'Marie Curie was a Polish and naturalised-French physicist and chemist who conducted pioneering research on radioactivity.';

test('a nationality the reference has another in place of is flagged', async () => {
  await notSupported('Marie Curie was a German physicist.', ref, "reference says 'Polish', claim says 'German'");
  await notSupported('The club has a partnership with the Dutch side Vitesse.', 'The club has a partnership with the Belgian side Vitesse.', undefined, 'contradicted');
});

test('a nationality the reference states, or an umbrella one, is no clash', async () => {
  await supported('Marie Curie was a Polish physicist.', ref);
  await supported('Marie Curie was a French physicist and chemist.', ref);
  const j = await grade('The British actor starred in the film.', 'The English actor starred in the film.');
  assert.equal(j.verdict, 'supported', j.reason);
  // Both nationalities named by the claim: the reference's other one is the claim's own.
  await supported('The American company bought the Japanese firm.', 'The American company bought the Japanese firm in 2001.');
});
