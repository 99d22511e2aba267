// Words that cannot both hold of the same thing in the same place: opposites (reduced/increased, lighter/heavier,
// 北/南, 両手/片手), what happened to a thing (demolished/renovated, arrested/released), a rank against the superlative
// ("second-largest"), a closed class such as colours, and a pair of words each where the sentence has its mate.
// Opposites a negation spells are in offline-negation.test.ts. The last test reads opposite() itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { opposite } from '../../src/core/graders/offline/negation';
import { tokens } from '../../src/core/graders/offline/text';
import { flagged, grade, notSupported, supported } from './offline-verdicts';

test('opposite verbs of change: "reduced" is not "increased"', async () => {
  const ref = 'The drug reduced symptoms in 40% of patients.';
  await notSupported('The drug increased symptoms in 40% of patients.', ref, "reference says 'reduced', claim says 'increased'", 'contradicted');
  await notSupported('The new policy raised costs for small firms.', 'The new policy lowered costs for small firms.', undefined, 'contradicted');
  await supported('The drug reduced symptoms in 40% of patients.', ref);
  await supported('The drug lowered symptoms in 40% of patients.', ref);
  await supported('Symptoms were reduced in 40% of patients by the drug.', ref);
});

test('opposites of measure, comparison and quantity', async () => {
  await notSupported('The new model is heavier than the old one.', 'The new model is lighter than the old one.', "reference says 'lighter', claim says 'heavier'", 'contradicted');
  await notSupported('The river is deep near the town.', 'The river is shallow near the town.', undefined, 'contradicted');
  await notSupported('The team lost ten points.', 'The team gained ten points.', undefined, 'contradicted');
  await notSupported('The test is difficult for most students.', 'The test is easy for most students.', undefined, 'contradicted');
  await notSupported('The new engine is slower than the old one.', 'The new engine is faster than the old one.', undefined, 'contradicted');
  await notSupported('Some of the participants completed the survey.', 'All of the participants completed the survey.', undefined, 'contradicted');
  await notSupported('All of the participants completed the survey.', 'Some of the participants completed the survey.', undefined, 'contradicted');
  await notSupported('Few residents voted in favour of the plan.', 'Most residents voted in favour of the plan.', undefined, 'contradicted');
  await notSupported('Many species survive in the desert.', 'Few species survive in the desert.', undefined, 'contradicted');
  await supported('The new model weighs less than the old one and is lighter.', 'The new model is lighter than the old one.');
  await supported('Every student received a laptop.', 'All students received a laptop.');
  await supported('The majority of residents voted in favour of the plan.', 'Most residents voted in favour of the plan.');
});

test('a superlative the reference ranks is not the superlative', async () => {
  await notSupported('China is the largest economy in the world.', 'China is the second-largest economy in the world.', "reference says 'second-largest', claim says 'largest'", 'contradicted');
  await notSupported('It is the tallest building in Europe.', 'It is one of the tallest buildings in Europe.', undefined, 'contradicted');
  await notSupported('It is the most populous city in the state.', 'It is the third most populous city in the state.', undefined, 'contradicted');
  await notSupported('日本で最も高い山は北岳です。', '日本で2番目に高い山は北岳です。', undefined, 'contradicted');
  await supported('China has the second-largest economy in the world.', 'China is the second-largest economy in the world.');
  await supported('It is one of the tallest buildings in Europe.', 'It is the tallest building in Europe.');
  await supported('It is one of the tallest buildings in Europe.', 'It is one of the tallest buildings in Europe.');
  await supported('琵琶湖は日本で一番大きい湖です。', '琵琶湖は日本で最も大きい湖です。');
  // "Interest" and "forest" end in -est and rank nothing.
  await supported('The forest is home to rare birds.', 'The second forest is home to rare birds.');
});

test('planted opposites: time of day, obligation, careers, places, status, with/without', async () => {
  await flagged('The market opens in the evening.', 'The market opens in the morning.');
  await flagged('The owls hunt in the morning.', 'The owls hunt at night.');
  await flagged('Helmets are required on the trail.', 'Helmets are optional on the trail.');
  await flagged('The company hired the manager in 2019.', 'The company fired the manager in 2019.');
  await flagged('She was promoted in 2015.', 'She was demoted in 2015.');
  await flagged('The minister resigned in 2012.', 'The minister was fired in 2012.');
  await flagged('The dish is served with rice.', 'The dish is served without rice.');
  await flagged('Most residents live in rural areas.', 'Most residents live in urban areas.');
  await flagged('The closure is permanent.', 'The closure is temporary.');
  await flagged('He works full-time at the library.', 'He works part-time at the library.');
  await flagged('The jury convicted the driver.', 'The jury acquitted the driver.');
  await flagged('She accepted the offer in May.', 'She declined the offer in May.');
  await flagged('The region has wet summers.', 'The region has dry summers.');
  await flagged('The town lies in northern Italy.', 'The town lies in southern Italy.');
  await flagged('The festival will return next year.', 'The festival returned last year.');
});

test('controls: the same facts reworded stay supported', async () => {
  await supported('The market opens every morning.', 'The market opens in the morning.');
  await supported('The manager was dismissed in 2019.', 'The manager was fired in 2019.');
  await supported('The restaurant hired a new chef in 2019.', 'The restaurant, rebuilt after a fire in 2019, has a new chef.');
  await supported('The dish comes with rice.', 'The dish is served with rice.');
  await supported('The closure is only temporary.', 'The closure is temporary.');
  await supported('The driver was convicted by the jury.', 'The jury convicted the driver.');
  await supported('Summers in the region are dry.', 'The region has dry summers.');
  await supported('The town is in southern Italy.', 'The town lies in southern Italy.');
});

test('what happened to a thing, in another\'s place in the same sentence, is another fact', async () => {
  await notSupported('The building was demolished in 1990.', 'The building was renovated in 1990.', "reference says 'renovated' where the claim says 'demolished'", 'unsupported');
  await notSupported('The castle was rebuilt in 1850.', 'The castle was destroyed in 1850.');
  await notSupported('Two people were killed in the crash.', 'Two people were injured in the crash.');
  await notSupported('The law was repealed in 1990.', 'The law was enacted in 1990.');
  // Controls: the same fact reworded, and verbs that are no fate ("earned" for "grossed", "rose" for "grew").
  await supported('The building was built in 1990.', 'The building was constructed in 1990.');
  await supported('The company was founded in 1990.', 'The company was established in 1990.');
  await supported('The castle was restored in 1850.', 'The castle was restored in 1850.');
  await supported('Two people died in the crash.', 'Two people were killed in the crash.');
  await supported('Revenue rose by 12% in 2020.', 'Revenue grew by 12% in 2020.');
});

test('planted opposites of direction, level, place and frequency, beside controls', async () => {
  await flagged('The dam lies upstream of the town.', 'The dam lies downstream of the town.');
  await flagged('The northbound lane is closed.', 'The southbound lane is closed.');
  await flagged('The course is for beginners.', 'The course is for advanced learners.');
  await flagged('The magazine is published weekly.', 'The magazine is published monthly.');
  await flagged('The library is open on weekends.', 'The library is open on weekdays.');
  await flagged('受付は入口にあります。', '受付は出口にあります。');
  await flagged('講座は初級者向けです。', '講座は上級者向けです。');
  await flagged('彼は会議に出席した。', '彼は会議に欠席した。');
  await flagged('彼は選挙で当選した。', '彼は選挙で落選した。');
  await flagged('この部屋は禁煙です。', 'この部屋は喫煙可能です。');
  await flagged('このクーポンは有効です。', 'このクーポンは無効です。');
  await notSupported('駅から徒歩5分です。', '駅からバスで5分です。', "reference says 'バス', claim says '徒歩'", 'contradicted');
  await supported('駅から徒歩5分です。', '駅から歩いて5分です。');
  await supported('The report is updated yearly.', 'The report is updated annually.');
  await supported('The magazine is published monthly.', 'The magazine is published every month.');
  await supported('Tickets are free for kids.', 'Tickets are free for children.');
  await supported('参加者は20歳以上です。', '参加者は20歳以上に限られます。');
});

test('compass points are a closed class: "to the north" is not "to its east", beside controls', async () => {
  await notSupported('The lake lies north of the town.', 'The lake lies east of the town.', "reference says 'east', claim says 'north'", 'contradicted');
  await notSupported('The wind blew from the south all night.', 'The wind blew from the west all night.', undefined, 'contradicted');
  await notSupported('The island is separated from the mainland to the north by a strait.', 'The island is separated from the mainland to its east by a strait.', undefined, 'contradicted');
  // Controls: the same point; a point inside a name beside another in the sentence; both points stated; a region's
  // adjective, which is no compass point of its own ("Western and Eastern Europe" against "the northern coast").
  await supported('The lake lies north of the town.', 'The lake lies north of the town.');
  await supported('The ferry crosses the North Channel every day.', 'The ferry crosses the North Channel east of the harbour every day.');
  await supported('The road runs east to the coast and then north to the border.', 'The road runs east to the coast and then north to the border.');
  await supported('They cycled through Western Europe.', 'They cycled through Western Europe and along the northern coast of Spain.');
});

test('"arrested" against "released" in the same frame is contradicted; a product release is no custody', async () => {
  await notSupported('The man was arrested in 2019.', 'The man was released in 2019.', "reference says 'released', claim says 'arrested'", 'contradicted');
  await notSupported('Police arrested the man on Monday.', 'Police released the man on Monday.', undefined, 'contradicted');
  await notSupported('The man was released in 2019.', 'The man was detained in 2019.', undefined, 'contradicted');
  await notSupported('男は2019年に逮捕された。', '男は2019年に釈放された。', "reference says '釈放', claim says '逮捕'", 'contradicted');
  // Controls: a launch, and custody said two ways.
  await supported('Apple released the iPhone in 2007.', 'Apple launched the iPhone in 2007.');
  await supported('The man was released in 2019.', 'The man was freed in 2019.');
  await supported('The man was jailed in 2019.', 'The man was imprisoned in 2019.');
  for (const [claim, ref] of [
    ['The rapper was arrested in 2019.', "The rapper's album was released in 2019."],
    ['The singer released an album in 2019.', 'The singer was arrested in 2019.'],
  ] as const) {
    const j = await grade(claim, ref);
    assert.notEqual(j.verdict, 'contradicted', `${claim}: ${j.reason}`);
  }
});

test('a colour the sentence says of another subject is contradicted, though the sentence names the claim\'s colour too', async () => {
  const guilds = 'In the Middle Ages, green was the color commonly associated with merchants, bankers and the gentry, while red was reserved for the nobility.';
  await notSupported('Red is the color associated with merchants, bankers, and the gentry.', guilds, "reference says 'green', claim says 'Red'", 'contradicted');
  await notSupported('Red is considered the color associated with merchants and bankers.', guilds, "reference says 'green', claim says 'Red'", 'contradicted');
  await notSupported('The red car won the race.', 'The blue car won the race, and the red car came second.', "reference says 'blue', claim says 'red'", 'contradicted');
  // Controls: each colour said of what the sentence says it of; a colour said alike of both ("wine is made from").
  await supported('Green was the color associated with merchants, bankers, and the gentry.', guilds);
  await supported('Red was reserved for the nobility.', guilds);
  await supported('The red car came second.', 'The blue car won the race, and the red car came second.');
  await supported('White wine is made from green grapes.', 'Red wine is made from black grapes, while white wine is made from green grapes.');
  await supported('The car is red and the door is blue.', 'The car is red and the door is blue.');
});

test('"the finished version" is the product, not the end of an act', async () => {
  const j = await grade('The company began to sell the Canadian version.', 'The company will sell the finished Canadian version.');
  assert.notEqual(j.verdict, 'contradicted', j.reason);
  // Control: finishing is still not beginning.
  await notSupported('The company began the Canadian version.', 'The company finished the Canadian version.', undefined, 'contradicted');
});

test('an adverb is its adjective’s pole ("cheaply" against "expensive"), and the original version is no modern one', async () => {
  await notSupported('Paper cups are more expensive to make than glass cups.', 'Paper cups can be made very cheaply compared to glass cups.', undefined, 'contradicted');
  await notSupported('The original model of the lamp has no switch.', 'A more modern model of the lamp has no switch.', undefined, 'contradicted');
  // Controls: the same pole either way; an adverb whose sense is not its adjective's ("shortly").
  await supported('Paper cups are cheap to make.', 'Paper cups can be made very cheaply.');
  await supported('The ferry left shortly after noon.', 'The ferry left soon after noon, a long crossing.');
});

test('Japanese opposites: compass points as whole words, winning, opening, depth', async () => {
  await notSupported('駅は町の南にある。', '駅は町の北にある。', "reference says '北', claim says '南'", 'contradicted');
  await notSupported('駅は町の西にある。', '駅は町の東にある。', undefined, 'contradicted');
  await notSupported('チームは決勝で負けた。', 'チームは決勝で勝った。', undefined, 'contradicted');
  await notSupported('この店は夜遅くまで閉まっている。', 'この店は夜遅くまで開いている。', undefined, 'contradicted');
  await notSupported('この川は深い。', 'この川は浅い。');
  await supported('駅は町の北にある。', '駅は町の北にある。');
  // 東 inside 東京 is no compass point.
  await supported('本社は東京の西にある。', '本社は東京の西にある。');
  await supported('会社は東京にあり、支店は町の西にある。', '会社は東京にあり、支店は町の西にある。');
});

test('Japanese planted opposites and durations, beside controls', async () => {
  await flagged('入場は無料です。', '入場は有料です。');
  await flagged('登録は必須です。', '登録は任意です。');
  await flagged('雑誌は毎週発行されます。', '雑誌は毎月発行されます。');
  await flagged('日本は米を輸出しています。', '日本は米を輸入しています。');
  await flagged('法案は可決された。', '法案は否決された。');
  await flagged('彼女は昇進した。', '彼女は降格した。');
  await flagged('閉鎖は恒久的です。', '閉鎖は一時的です。');
  await flagged('祭りは来年再開される。', '祭りは昨年再開された。');
  await flagged('講座は3週間かかります。', '講座は3か月かかります。');
  await flagged('被告は有罪となった。', '被告は無罪となった。');
  await flagged('会社は黒字だった。', '会社は赤字だった。');
  await supported('入場は無料です。', '入場料は無料です。');
  await supported('雑誌は毎月発行されます。', '雑誌は月に一度、毎月発行されます。');
  await supported('閉鎖は一時的なものです。', '閉鎖は一時的です。');
  await supported('講座は3か月かかります。', '講座の期間は3か月です。');
  await supported('講座は3週間かかります。', '講座は21日間かかります。');
  await supported('被告は無罪になった。', '被告は無罪となった。');
});

test('Japanese opposites named whole: 両手/片手, 両側/片側, 得意/苦手, 上り/下り, 以上/以下, 前半/後半', async () => {
  await notSupported('彼は両手でボールを持った。', '彼は片手でボールを持った。', "reference says '片手', claim says '両手'", 'contradicted');
  await notSupported('彼は片手でボールを持った。', '彼は両手でボールを持った。', "reference says '両手', claim says '片手'", 'contradicted');
  await notSupported('この道は両側に木があります。', 'この道は片側に木があります。', undefined, 'contradicted');
  await notSupported('彼は数学が得意です。', '彼は数学が苦手です。', "reference says '苦手', claim says '得意'", 'contradicted');
  // These were contradicted before by 上/下 and 前/後; the reason now names the word.
  await notSupported('上りの電車に乗った。', '下りの電車に乗った。', "reference says '下り', claim says '上り'", 'contradicted');
  await notSupported('参加者は20歳以上です。', '参加者は20歳以下です。', "reference says '以下', claim says '以上'");
  await notSupported('前半に得点した。', '後半に得点した。', "reference says '後半', claim says '前半'");
  // Controls: the same word both sides, and 両 inside other words.
  await supported('彼は両手でボールを持った。', '彼は両手でボールをしっかり持った。');
  await supported('両親と旅行した。', '両親と旅行した。');
  await supported('車両は8両編成です。', '車両は8両編成です。');
});

test('both words of a pair in the claim, each where the sentence has its mate, is contradicted', async () => {
  await notSupported('ネクタイを締める女性やヘッドホンをした女性、物を運ぶ男性などが集まっています。', 'ネクタイを締める男性やヘッドホンをした男性、物を運ぶ女性などが集まっています。', "reference says '男性', claim says '女性'", 'contradicted');
  await notSupported('男性がIT機器を見せながら、もう一人の女性に何か話しかけています。', '男性がIT機器を見せながら、もう一人の男性に何か話しかけています。', "reference says '男性', claim says '女性'", 'contradicted');
  // Controls: the same words in another order; the sentence word for word.
  await supported('男性と女性が並んで立っています。', '女性と男性が並んで立っています。');
  await supported('ベットの上で、横になっている男性と、立っている女性がいます。', 'ベットの上で、横になっている男性と、立っている女性がいます。');
});

test('opposites between a claim and a reference sentence', () => {
  const o = (c: string, r: string) => opposite(c, tokens(c), r, tokens(r));
  assert.deepEqual(o('sales increased in 2020', 'sales decreased in 2020'), { claim: 'increased', reference: 'decreased' });
  assert.deepEqual(o('in the top 1% of schools', 'in the bottom 1% of schools'), { claim: 'top', reference: 'bottom' });
  assert.ok(o('he left before the war', 'he left after the war'));
  assert.ok(o('prices were higher', 'prices were lower'));
  assert.ok(o('the first album', 'the last album'));
  assert.ok(o('男性が立っています', '男性が座っています'));
  assert.equal(o('sales increased', 'sales increased, then decreased'), undefined, 'both words in the reference: no clash');
  // A negated word is its opposite, whichever negation cue says so (one cue list serves negations() and this).
  assert.equal(o('the team lost the final', 'the team failed to win the final'), undefined, '"failed to win" is "lost"');
  assert.equal(o('the team lost the final', 'the team did not win the final'), undefined);
  assert.ok(o('the team lost the final', 'the team won the final'));
  assert.ok(o('Rovers beat Harlow City in the final', 'Rovers lost the final to Harlow City'));
  assert.ok(o('a 2-0 home defeat', 'a 2-0 home win'));
  assert.ok(o('入城者数は過去最少を記録した', '入城者数は過去最多を記録した'));
  assert.equal(o('the team won 41 games and lost 20', 'a record of 41 wins and 20 losses'), undefined, 'both poles in the claim: no clash');
  assert.ok(o('the least visited museum in Spain', 'the most visited museum in Spain'), 'a pair of function words ("most") counts too');
  assert.deepEqual(o('the least-visited art museum', 'the most-visited art museum'), { claim: 'least', reference: 'most' });
  assert.equal(o('a 30-year-old engineer joined', 'a new engineer joined'), undefined, 'only the modifier of a compound');
  assert.deepEqual(o('the body is made of plastic', 'the body is made of steel'), { claim: 'plastic', reference: 'steel' }, 'materials are a closed class');
  assert.ok(o('内釜はステンレス製です', '内釜は鉄製です'), '鉄製 is 鉄');
  assert.equal(o('the frame is stainless steel', 'the frame is steel'), undefined);
});

test('Japanese opposites: a door opened against one closed (開けた/閉じた), an adult against a boy or a girl, the same against another', async () => {
  await notSupported('バスがドアを閉じて止まっています。', 'バスがドアを開けたまま止まっています。', "reference says '開け', claim says '閉じ'", 'contradicted');
  await notSupported('大人がジャンプをしています。', '少年がジャンプをしています。', "reference says '少年', claim says '大人'", 'contradicted');
  await notSupported('大人がボールを投げています。', '女の子がボールを投げています。', undefined, 'contradicted');
  await notSupported('二人が同じ方向を見ています。', '二人が違う方向を見ています。', "reference says '違う', claim says '同じ'", 'contradicted');
  await notSupported('三枚の写真に同じ色の車が写っています。', '三枚の写真に色違いの車が写っています。', undefined, 'contradicted');
  // Controls: the same act, the same person, the same direction.
  await supported('二人が同じ方向を見ています。', '二人が同じ方向を見ています。');
  await supported('バスがドアを開けて止まっています。', 'バスがドアを開けたまま止まっています。');
  await supported('少年がジャンプをしています。', '少年がジャンプをしています。');
});
