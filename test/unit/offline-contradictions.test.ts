// A different number in the sentence that states the claim is a contradiction, with a fix, whether the
// number is written in digits, as an English word, with a unit, or as a Japanese date or counter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, indexReferences } from '../../src/core/check';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { passagesFromText } from '../../src/core/references';
import { applyFix, check } from './offline-verdicts';

const EIFFEL = [
  '# The Eiffel Tower',
  '',
  'Construction began in January 1887 and was completed in March 1889, in time for the 1889 World\'s Fair.',
  'The tower is 330 metres tall, about the same height as an 81-storey building.',
  'The tower has three levels for visitors, with restaurants on the first and second levels.',
  'The tower is repainted every seven years to protect it from rust; about 60 tonnes of paint are used each time.',
].join('\n');

const FUJI = [
  '# 富士山',
  '',
  '富士山は静岡県と山梨県にまたがる活火山で、標高は3776メートルである。',
  '日本の最高峰であり、2013年に世界文化遺産に登録された。',
  '最後の噴火は1707年の宝永大噴火である。',
  '毎年夏の登山シーズンには約20万人が山頂を目指す。',
].join('\n');

async function contradicted(claim: string, ref: string, reason: string, corrected: string): Promise<void> {
  const f = await check(claim, ref);
  assert.equal(f.verdict, 'contradicted', `${claim}: ${f.verdict} (${f.reason})`);
  assert.ok(f.confidence >= 0.85);
  assert.equal(f.reason, reason);
  assert.equal(applyFix(claim, f), corrected);
}

async function supported(claim: string, ref: string): Promise<void> {
  const f = await check(claim, ref);
  assert.equal(f.verdict, 'supported', `${claim}: ${f.verdict} (${f.reason})`);
}

test('English number words are compared as numbers, both ways', async () => {
  await contradicted(
    'The tower is repainted every ten years to protect it from rust.',
    EIFFEL,
    'reference says seven, claim says ten',
    'The tower is repainted every seven years to protect it from rust.',
  );
  await contradicted(
    'The tower is repainted every 10 years to protect it from rust.',
    EIFFEL,
    'reference says seven, claim says 10',
    'The tower is repainted every seven years to protect it from rust.',
  );
  const digits = EIFFEL.replace('every seven years', 'every 7 years');
  await contradicted(
    'The tower is repainted every ten years to protect it from rust.',
    digits,
    'reference says 7, claim says ten',
    'The tower is repainted every 7 years to protect it from rust.',
  );
  await contradicted('The tower has four levels for visitors.', EIFFEL, 'reference says three, claim says four', 'The tower has three levels for visitors.');
  await supported('The tower is repainted every 7 years to protect it from rust.', EIFFEL);
  await supported('The tower is repainted every seven years to protect it from rust.', digits);
});

test('ordinals are ranks: "third" against "second" is a clash', async () => {
  await contradicted(
    'It has restaurants on the first and third levels.',
    EIFFEL,
    'reference says second, claim says third',
    'It has restaurants on the first and second levels.',
  );
  await supported('It has three levels for visitors, with restaurants on the first and second levels.', EIFFEL);
});

test('a year next to a month: the year of the same clause is the one compared', async () => {
  await contradicted(
    'Construction began in 1887 and was completed in March 1899.',
    EIFFEL,
    'reference says 1889, claim says 1899',
    'Construction began in 1887 and was completed in March 1889.',
  );
  await contradicted('The tower was completed in March 1899.', EIFFEL, 'reference says 1889, claim says 1899', 'The tower was completed in March 1889.');
  await supported('The tower was completed in March 1889.', EIFFEL);
});

test('units: 330 feet is not 330 metres', async () => {
  const f = await check('The tower is 330 feet tall.', EIFFEL);
  assert.notEqual(f.verdict, 'supported', f.reason);
  await contradicted('The tower is 330 feet tall.', EIFFEL, 'reference says 330 metres, claim says 330 feet', 'The tower is 330 metres tall.');
  await supported('The tower is 330 metres tall.', EIFFEL);
  // The same measurement in other units is the same fact, its words no words the reference lacks.
  await supported('The tower is 1,083 feet tall.', EIFFEL);
  await supported('The film lasts 1.5 hours.', 'The film lasts 90 minutes.');
});

test('Japanese years, heights and counts: 1807年 is not 1707年', async () => {
  await contradicted('最後の噴火は1807年です。', FUJI, 'reference says 1707年, claim says 1807年', '最後の噴火は1707年です。');
  await contradicted('標高は3876メートルです。', FUJI, 'reference says 3776メートル, claim says 3876メートル', '標高は3776メートルです。');
  await contradicted('標高は3876メートルで、日本の最高峰です。', FUJI, 'reference says 3776メートル, claim says 3876メートル', '標高は3776メートルで、日本の最高峰です。');
  await contradicted('毎年夏には約30万人が山頂を目指す。', FUJI, 'reference says 20万人, claim says 30万人', '毎年夏には約20万人が山頂を目指す。');
  await supported('最後の噴火は1707年です。', FUJI);
  await supported('標高は3776メートルで、日本の最高峰です。', FUJI);
  await supported('毎年夏には約20万人が山頂を目指す。', FUJI);
});

test('a number from another clause is no clash: "the two towers" against "three months"', async () => {
  const ref = 'The two towers were built side by side. Work on the bridge took a little under three months.';
  const f = await check('The two towers were built side by side.', ref);
  assert.equal(f.verdict, 'supported', f.reason);
});

test('a date is one value: its year is not vouched for by the same year with another month', async () => {
  const ref = [
    'The survey ran from March 2020 to August 2021 in four regions.',
    'The findings appeared in the Journal of Coastal Studies on 12 May 2022.',
  ].join('\n');
  await contradicted(
    'The findings appeared in the Journal of Coastal Studies on 12 May 2021.',
    ref,
    'reference says 2022, claim says 2021',
    'The findings appeared in the Journal of Coastal Studies on 12 May 2022.',
  );
  await supported('The findings appeared in the Journal of Coastal Studies on 12 May 2022.', ref);
  // A year said alone gives any of its months, and a month-less year in the claim takes any date of that year.
  await supported('The survey ended in 2021.', ref);
  await supported('The findings appeared in the Journal of Coastal Studies in 2022.', ref);
});

test('two words the other way round: "from Oslo to Bergen" against "from Bergen to Oslo"', async () => {
  const ref = [
    'In 1971 the shipyard moved its offices from Bergen to Oslo.',
    'The region has cool, wet winters and warm, dry summers.',
    'In 1990 Vestfold Marine bought the Danish firm Kattegat Yards for 18 million kroner.',
    'The yard built ferries for Norway and Denmark.',
  ].join('\n');
  const swapped = async (claim: string, reason: string): Promise<void> => {
    const f = await check(claim, ref);
    assert.equal(f.verdict, 'contradicted', `${claim}: ${f.verdict} (${f.reason})`);
    assert.equal(f.reason, reason);
  };
  await swapped('In 1971 the shipyard moved its offices from Oslo to Bergen.', "reference has 'Oslo' and 'Bergen' the other way round");
  await swapped('The region has cool, wet summers and warm, dry winters.', "reference has 'summers' and 'winters' the other way round");
  await swapped('In 1990 Kattegat Yards bought Vestfold Marine for 18 million kroner.', "reference has 'Yards' and 'Marine' the other way round");
  // Words joined as equals may come in either order.
  await supported('The yard built ferries for Denmark and Norway.', ref);
  await supported('In 1971 the shipyard moved its offices from Bergen to Oslo.', ref);
  const ja = '1985年、本社は大阪から東京へ移転した。';
  const f = await check('1985年、本社は東京から大阪へ移転した。', ja);
  assert.equal(f.verdict, 'contradicted', f.reason);
  assert.equal(f.reason, "reference has '東京' and '大阪' the other way round");
  await supported('1985年、本社は大阪から東京へ移転した。', ja);
});

test('a number word said of something else does not vouch for the claim\'s: "three colours" is no "three years"', async () => {
  const ref = [
    'The kettle comes in three colours: white, black and red.',
    'The guarantee is two years in the United Kingdom and one year elsewhere.',
  ].join('\n');
  await contradicted(
    'The guarantee is three years in the United Kingdom.',
    ref,
    'reference says two, claim says three',
    'The guarantee is two years in the United Kingdom.',
  );
  await supported('The guarantee is two years in the United Kingdom.', ref);
  await supported('The kettle is sold in three colours.', ref);
});

test('a sum or difference of the sentence\'s own numbers is no clash: "fell by 500 MB" from "1.2 GB to 700 MB"', async () => {
  const ref = 'In version 3 the memory used by a full import fell from 1.2 GB to 700 MB.';
  const f = await check('In version 3 the memory used by a full import fell by 500 MB.', ref);
  assert.notEqual(f.verdict, 'contradicted', f.reason);
  assert.equal(f.fix, undefined);
  await contradicted('In version 3 the memory used by a full import fell from 1.2 GB to 600 MB.', ref, 'reference says 700 MB, claim says 600 MB', 'In version 3 the memory used by a full import fell from 1.2 GB to 700 MB.');
  const ja = '駅から寺まではバスで約15分、そこから徒歩で約10分である。';
  assert.notEqual((await check('駅から寺まではバスと徒歩で合わせて約25分である。', ja)).verdict, 'contradicted');
});

test('opposite verbs in any tense, and a plural weekday, are clashes: "fell" against "grew", "left" against "joined"', async () => {
  const ref = 'Revenue grew by 12% in 2020. Robert Chen joined the company in 2010. The museum is closed on Mondays.';
  for (const claim of ['Revenue fell by 12% in 2020.', 'Revenue declined by 12% in 2020.', 'Robert Chen left the company in 2010.', 'The museum is closed on Tuesdays.', 'The museum is closed on Tuesday.']) {
    const f = await check(claim, ref);
    assert.equal(f.verdict, 'contradicted', `${claim}: ${f.reason}`);
  }
  assert.equal((await check('Revenue rose by 12% in 2020.', ref)).verdict, 'supported');
  assert.equal((await check('The museum is closed on Mondays.', ref)).verdict, 'supported');
});

test('a number whose sentence opens with "It" belongs to the previous sentence\'s subject: "Paris has 3 million" against "... It has 2.1 million"', async () => {
  const ref = 'Paris is the capital of France. It has 2.1 million inhabitants.';
  const f = await check('Paris has 3 million inhabitants.', ref);
  assert.equal(f.verdict, 'contradicted', f.reason);
  assert.equal(f.fix?.text, '2.1 million');
  assert.equal((await check('Paris has 2.1 million inhabitants.', ref)).verdict, 'supported');
});

test('another word of a closed class in the sentence about the same thing is a contradiction, the clashing word being its slot', async () => {
  const cases: [string, string, string][] = [
    ['ドアは黒色です。', 'ドアは白色です。', '白色'],
    ['ドアは緑です。', '座席はピンク色です。ドアは青色です。', '青色'],
    ['The door is black.', 'The door is white.', 'white'],
    // The best-covering sentence ties with the one about the same thing: the clash there still counts.
    ['The mirror is silver.', 'The car is silver. The mirror is gold.', 'gold'],
  ];
  for (const [claim, ref, said] of cases) {
    const f = await check(claim, ref);
    assert.equal(f.verdict, 'contradicted', `${claim} against ${ref}: ${f.reason}`);
    assert.match(f.reason, new RegExp(`'${said}'`));
  }
  // The reason quotes the claim's word as written, not the segmenter's piece of it (オレンジ of オレンジ色).
  assert.match((await check('車はオレンジ色です。', '車は青色です。')).reason, /'青色'.*'オレンジ色'/);
  // A colour in another spelling is the same colour. (The second case needs ドア read as a word, not a particle.)
  assert.equal((await check('ドアはグレーです。', 'ドアは灰色です。')).verdict, 'supported');
  assert.notEqual((await check('The walls are grey.', 'The walls are gray.')).verdict, 'contradicted', 'grey is gray');
});

test('a number in a sentence tied with the best one, about the claim\'s subject, is a clash: "The mirror costs 40 dollars." against "The car costs 40 dollars. The mirror costs 90 dollars."', async () => {
  const ref = 'The car costs 40 dollars. The mirror costs 90 dollars.';
  // The car's sentence gives the claim's 40 and ties with the mirror's: the mirror's own price is what counts.
  await contradicted('The mirror costs 40 dollars.', ref, 'reference says 90 dollars, claim says 40 dollars', 'The mirror costs 90 dollars.');
  // The sentence with the subject first, or its subject an "It" of the sentence before; a date the same way.
  await contradicted('The mirror costs 40 dollars.', 'The mirror costs 90 dollars. The car costs 40 dollars.', 'reference says 90 dollars, claim says 40 dollars', 'The mirror costs 90 dollars.');
  await contradicted('The mirror costs 40 dollars.', 'The mirror is new. It costs 90 dollars. The car costs 40 dollars.', 'reference says 90 dollars, claim says 40 dollars', 'The mirror costs 90 dollars.');
  await contradicted('The mirror was made in 1990.', 'The car was made in 1990. The mirror was made in 1985.', 'reference says 1985, claim says 1990', 'The mirror was made in 1985.');
  // Two aligned sentences with numbers in the claim's slot: the one about the claim's subject is the fix.
  await contradicted('The mirror costs 40 dollars.', 'The car costs 30 dollars. The mirror costs 90 dollars.', 'reference says 90 dollars, claim says 40 dollars', 'The mirror costs 90 dollars.');
  // Each fact as the reference gives it.
  await supported('The car costs 40 dollars.', ref);
  await supported('The mirror costs 90 dollars.', ref);
  await supported('The car costs 40 dollars and the mirror costs 90 dollars.', ref);
  // A total the claim works out from the two sentences' numbers is no clash (nor is one from a single sentence's).
  for (const claim of ['Together the car and the mirror cost 130 dollars.', 'The car and the mirror cost 130 dollars in total.']) {
    const f = await check(claim, ref);
    assert.notEqual(f.verdict, 'contradicted', `${claim}: ${f.reason}`);
    assert.equal(f.fix, undefined);
  }
  await supported('The car and the mirror cost 130 dollars together.', 'The car costs 40 dollars and the mirror costs 90 dollars.');
});

test('underscore emphasis is no part of a word: "_900 metres_" and "__ten__" are checked as plain numbers are (QA)', async () => {
  const ref = 'The tower is _330 metres_ tall.\n\nThe tower is repainted every seven years.';
  const index = indexReferences(passagesFromText('refs/ref.md', ref));
  const cases: [string, string][] = [
    ['The tower is _900 metres_ tall.', 'The tower is _330 metres_ tall.'],
    ['The tower is repainted every __ten__ years.', 'The tower is repainted every __seven__ years.'],
  ];
  for (const [claim, corrected] of cases) {
    const [f] = await checkText(claim, index, { grader: createOfflineGrader(), format: 'markdown' });
    assert.equal(f!.verdict, 'contradicted', `${claim}: ${f!.reason}`);
    assert.equal(applyFix(claim, f!), corrected);
  }
  const [same] = await checkText('The tower is _330 metres_ tall.', index, { grader: createOfflineGrader(), format: 'markdown' });
  assert.equal(same!.verdict, 'supported');
  // The evidence is quoted as the reference writes it, marks included.
  assert.equal(same!.evidence[0]!.quote, 'The tower is _330 metres_ tall.');
});
