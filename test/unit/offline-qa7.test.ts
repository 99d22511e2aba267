// A seventh QA pass: what happened to a thing in another's place, kin in the same frame, "costs nothing" = "free",
// a written-out date against an ISO date, a Japanese name in another's place, and a probe of kinds no earlier pass
// covered (negative prefixes, free against a price, directions, levels, how often), each beside a faithful control.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flagged, grade, notSupported, supported } from './offline-verdicts';

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

test('kin and roles in the same frame clash; the relation told from its other end does not', async () => {
  await notSupported('鈴木さんは山田さんの父です。', '鈴木さんは山田さんの息子です。', "reference says '息子', claim says '父'", 'contradicted');
  await notSupported('鈴木さんは田中さんの姉です。', '鈴木さんは田中さんの妹です。', undefined, 'contradicted');
  await notSupported('鈴木さんは田中さんの上司です。', '鈴木さんは田中さんの部下です。', "reference says '部下', claim says '上司'", 'contradicted');
  await notSupported('Tom is the father of Bill.', 'Tom is the son of Bill.', "reference says 'son', claim says 'father'", 'contradicted');
  await notSupported('Sara is the teacher of Ken.', 'Sara is the student of Ken.', undefined, 'contradicted');
  await supported("Bill's father is Tom.", 'Bill is the son of Tom.');
  await supported('山田さんは鈴木さんの父親です。', '山田さんは鈴木さんの父です。');
});

test('free of charge, said several ways, and against a price', async () => {
  await supported('Entry costs nothing.', 'Entry is free.');
  await supported('Entry is free.', 'Entry costs nothing.');
  await supported('Entry is free of charge.', 'Entry is free.');
  await supported('Admission to the museum is free.', 'Admission to the museum costs nothing.');
  await supported('入場は無料です。', '入場は0円です。');
  await supported('入場は0円です。', '入場は無料です。');
  await supported('入場は無料です。', '入場はただです。');
  // A price where the other side is free, either way round; a negated "free" is still a negation.
  await notSupported('Entry costs nothing.', 'Entry costs 5 dollars.', "reference says '5 dollars', claim says 'costs nothing'", 'contradicted');
  await notSupported('Entry costs 10 dollars.', 'Entry is free.', undefined, 'contradicted');
  await notSupported('入場は無料です。', '入場は500円です。', "reference says '500円', claim says '無料'", 'contradicted');
  await notSupported('入場料は500円です。', '入場はただです。', undefined, 'contradicted');
  await notSupported('Entry costs nothing.', 'Entry is not free.', undefined, 'contradicted');
  // "a free agent" is no price.
  await supported('He was a free agent in 2019.', 'He was a free agent in 2019, then signed for $5 million.');
});

test('a written-out date against an ISO date in its slot is contradicted, the fix giving the reference\'s date', async () => {
  const j = await grade('The bridge opened on 6 October 2021.', 'The bridge opened 2021-10-05.');
  assert.equal(j.verdict, 'contradicted', j.reason);
  assert.equal(j.reason, 'reference says 5 October 2021, claim says 6 October 2021');
  assert.deepEqual(j.fix, { start: 21, end: 35, text: '5 October 2021' });
  const k = await grade('The bridge opened on October 6th, 2021.', 'The bridge opened on 2021-10-05.');
  assert.equal(k.fix?.text, 'October 5th, 2021', k.reason);
  await notSupported('The bridge opened in November 2021.', 'The bridge opened 2021-10-05.', 'reference says October 2021, claim says November 2021', 'contradicted');
  await supported('The bridge opened on 5 October 2021.', 'The bridge opened 2021-10-05 after delays.');
  // An ISO date in another slot (a page's access date) is no clash.
  const r = await grade('The bridge opened on 5 October 2021.', 'Retrieved 2021-10-07. The bridge opened in 2021.');
  assert.notEqual(r.verdict, 'contradicted', r.reason);
});

test('a Japanese name in another\'s place, the rest of the sentence the same, is not supported', async () => {
  // With one head (製), two makers are two of one kind: contradicted (offline-qa10.test.ts).
  await notSupported('このバイクはホンダ製です。', 'このバイクはトヨタ製です。', "reference says 'トヨタ製', claim says 'ホンダ製'", 'contradicted');
  await notSupported('このバイクはホンダです。', 'このバイクはトヨタです。', "reference says 'トヨタ' where the claim says 'ホンダ'", 'unsupported');
  await notSupported('本社は福岡にあります。', '本社は名古屋にあります。', "reference says '名古屋' where the claim says '福岡'");
  await supported('本社は大阪にあります。', '本社は大阪にあります。');
  await supported('この車はトヨタ製です。', 'この車はトヨタ製で、白色です。');
  // A colour said two ways is no name swap.
  await supported('ドアはグレーです。', 'ドアは灰色です。');
});

test('a word against its negative prefix: "available" / "unavailable", 完成 / 未完成', async () => {
  await notSupported('The service is available in Canada.', 'The service is unavailable in Canada.', "reference says 'unavailable', claim says 'available'", 'contradicted');
  await flagged('The room is smoking.', 'The room is non-smoking.');
  await flagged('The substance is toxic.', 'The substance is non-toxic.');
  await flagged('The board was informal.', 'The board was formal.');
  await flagged('工事は完成しました。', '工事は未完成です。');
  await flagged('この情報は公開されています。', 'この情報は非公開です。');
  await flagged('彼はその事件と関係がある。', '彼はその事件とは無関係だ。');
  // One negation, two spellings; both words in the sentence; "non arching" written apart.
  await supported('The service is not available in Canada.', 'The service is unavailable in Canada.');
  await supported('The service is unavailable in Canada.', 'The service is not available in Canada.');
  await supported('The service is available in Canada.', 'The service is available in Canada and unavailable in Peru.');
  await supported('They wore a non arching ski.', 'They wore a non-arching ski.');
  await supported('この情報は非公開です。', 'この情報は非公開です。');
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
