// A fifteenth QA pass: BEGIN's false "supported", claims that add or change a detail the knowledge never states.
import { test } from 'node:test';
import { notSupported, supported } from './offline-verdicts';

test('an example the claim gives ("such as", "including", ", like") that no passage names is unsupported', async () => {
  await notSupported('The festival draws visitors from many countries, such as Norway.', 'The festival draws visitors from many countries across Europe.', "reference never mentions 'Norway'");
  await notSupported('The band toured with other groups, including Oasis.', 'The band toured with other groups throughout the decade.', "reference never mentions 'Oasis'");
  await notSupported('Teams compete in several events, like the Boston Marathon.', 'Teams compete in several events each year, from relays to sprints.');
  // Controls: the example is the reference's; "like" as a verb is no example.
  await supported('The festival draws visitors from many countries, such as Norway.', 'The festival draws visitors from many countries, including Norway and Chile.');
  await supported('Children like the museum in Oslo.', 'Children like the museum in Oslo.');
});
