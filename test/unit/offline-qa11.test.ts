// An eleventh QA pass: a head count's "employs" that no longer met a plain "employs", Japanese opposites named whole
// (両手/片手, 上り/下り), a year added to a list beside a given one, a colour the sentence says of another subject while it
// names the claim's colour too, and a claim that relates its subject to itself ("facebook is owned by facebook").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixed, grade, notSupported, supported } from './offline-verdicts';

test('"employs 300 engineers" meets a plain "employs engineers", so the added figure is flagged', async () => {
  await notSupported('Acme employs 300 engineers.', 'Acme is a software company based in Oslo. It employs engineers across Europe.', 'reference never gives 300', 'unsupported');
  await notSupported('Acme employs 300 engineers.', 'Acme employs engineers. It was founded in 1998.', 'reference never gives 300');
  // Controls: the figure given, by "employs" or by "work at"; a claim without the figure; another figure is a clash.
  await supported('Acme employs 300 engineers.', 'Acme employs 300 engineers in Oslo.');
  await supported('Acme employs 300 workers.', '300 people work at Acme.');
  await supported('Acme employs engineers.', 'Acme employs 300 engineers.');
  await fixed('Acme employs 600 engineers.', 'Acme employs 300 engineers.', '600', '300');
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

test('a year added to a list beside a year the sentence gives is not supported', async () => {
  await notSupported('The team won the title in 2004 and 2006.', 'The team won the title in 2004.', 'reference never gives 2006', 'unsupported');
  await notSupported('The team won the title in 2004, 2005 and 2006.', 'The team won the title in 2004 and 2005.', 'reference never gives 2006');
  await notSupported('The team won the title in 2004 or 2006.', 'The team won the title in 2004.', 'reference never gives 2006');
  // Controls: every year given, or fewer; another year in the list's place is a clash.
  await supported('The team won the title in 2004 and 2006.', 'The team won the title in 2004 and 2006.');
  await supported('The team won the title in 2004 and 2006.', 'The team won the title twice, in 2004 and again in 2006.');
  await supported('The team won the title in 2004.', 'The team won the title in 2004 and 2006.');
  await fixed('The team won the title in 2004 and 2006.', 'The team won the title in 2004 and 2005.', '2006', '2005');
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

test('a claim that relates its subject to itself is not supported by a sentence that names it once', async () => {
  await notSupported('facebook is owned by facebook.', 'Facebook is owned by Meta.', "the claim relates 'facebook' to itself; the reference names it once, beside something else", 'unsupported');
  await notSupported('facebook is owned by facebook.', 'It is owned by facebook.');
  await notSupported('Light is evoked by light.', 'It is evoked by light which has a dominant wavelength of roughly 625-740 nm.');
  const ja = await grade('Light is evoked by light.', 'It is evoked by light.', 'ja');
  assert.match(ja.reason, /それ自身と結び付けて/);
  // Controls: two things; a word joined to itself by a preposition; a list; the sentence says it twice too.
  await supported('Facebook is owned by Meta.', 'Facebook is owned by Meta.');
  await supported('The virus spreads from person to person.', 'The virus spreads from person to person.');
  await supported('Cycling is also called bicycling or cycling.', 'Cycling, also called bicycling or cycling, is the use of bicycles.');
  await supported('Sales fell day after day.', 'Sales fell day after day.');
  const j = await grade('Practice makes practice.', 'Practice makes practice, as the saying almost goes.');
  assert.equal(j.verdict, 'supported', j.reason);
});
