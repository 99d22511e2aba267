// Seventeenth QA pass, on BEGIN's false "supported" and false "unsupported": a judgement the claim adds, and a "not"
// that denies nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flagged, grade, supported } from './offline-verdicts';

const strikes = 'The maximum score is 300, which is achieved by getting 12 strikes in a row.';
const fivePin = 'Five-pin bowling is a bowling variant which is played in Canada, where many bowling alleys offer it.';

test('a judgement of worth, difficulty or importance the reference does not make is an opinion', async () => {
  await flagged('The hardest thing to do is to get 12 strikes in a row.', strikes);
  const j = await grade('Five-pin bowling is the traditional type of bowling that is played in Canada.', fivePin);
  assert.equal(j.verdict, 'unsupported');
  assert.equal(j.reason, "the reference does not say 'traditional': an opinion, not something it states");
  // Soft, as every opinion word is: the claim's confidence drops, the verdict is the model's.
  const talented = await grade('Deshane Beckford is a talented 17-year-old forward from Jamaica.', 'Deshane Beckford is a 17-year-old forward from Jamaica.');
  const plain = await grade('Deshane Beckford is a 17-year-old forward from Jamaica.', 'Deshane Beckford is a 17-year-old forward from Jamaica.');
  assert.ok(talented.confidence < plain.confidence - 0.2, `${talented.confidence} vs ${plain.confidence}`);
});

test('a judgement the reference makes itself stays supported', async () => {
  await supported('Cod is popular as a food with a mild flavour.', 'Cod is popular as a food with a mild flavour and a dense, flaky, white flesh.');
  await supported('The dish was popularised in the United States.', 'This type of sausage was culturally imported from Germany and popularized in the United States.');
  await supported('He is one of the greatest quarterbacks of all time.', 'He is considered to be one of the greatest quarterbacks of all time.');
  await supported('The bridge is a famous landmark of the city.', 'The bridge is a famous landmark of the city and opened in 1932.');
  // A price compared is a fact, not a judgement: "expensive" is no opinion word.
  await supported('The tickets are expensive.', 'The tickets are expensive.');
});

test("a 'not' that denies nothing is no word the reference must say", async () => {
  const title = "In some countries 'paramedic' is a protected title and accountable to a professional regulatory body.";
  await supported('I am not sure, but in some countries it is a protected title.', title);
  const only = await grade('The museum is not only a gallery but also a library.', 'The museum is a gallery and a library.');
  assert.equal(only.verdict, 'supported');
  assert.ok(only.confidence > 0.75, `${only.confidence}`);
  // A real negation still clashes, after the hedge or without it.
  for (const claim of ['In some countries it is not a protected title.', "I'm not sure, but it is not a protected title in some countries."]) {
    const j = await grade(claim, title);
    assert.equal(j.verdict, 'contradicted', `${claim}: ${j.reason}`);
  }
});
