// "much" and "little" said of an amount are opposites ("Much of the wall remains" against "Little of the wall
// remains"); as adjectives or in "a little" they are no amounts.
import { test } from 'node:test';
import { notSupported, supported } from './offline-verdicts';

const ref = 'Several walls were built from the 7th century BC. Little of the Qin wall remains. The village is a little town with much charm.';

test('much against little of the same thing is contradicted', async () => {
  await notSupported('Much of the Qin wall remains today.', ref, "reference says 'Little', claim says 'Much'", 'contradicted');
  await notSupported('Very much of the Qin wall remains.', 'Very little of the Qin wall remains.', undefined, 'contradicted');
});

test('"a little", "little" of size and "much" before a comparative are no amounts', async () => {
  await supported('Very little of the Qin wall remains.', ref);
  await supported('The village has a little charm.', ref);
  await supported('The village is a much larger town than it was.', 'The village is a little town. It is a much larger town than it was.');
});
