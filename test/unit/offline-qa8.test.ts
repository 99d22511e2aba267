// An eighth QA pass: invisible and look-alike characters change no verdict (and a fix still replaces the written
// value), a name that opens the claim, and kin told from the relation's other end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixed, grade, notSupported, supported } from './offline-verdicts';

test('invisible characters inside a number or a name are read as absent', async () => {
  await supported('The tower is 3\u200C30 metres tall.', 'The tower is 330 metres tall.');
  await supported('The tower is 330 metres tall.', 'The tower is 3\u200B30 metres tall.');
  await supported('The tower is 3\u206030 metres tall.', 'The tower is 330 metres tall.');
  await supported('The Eif\u200Bfel Tower is 330 metres tall.', 'The Eiffel Tower is 330 metres tall.');
  await supported('The Eif\u00ADfel Tower is 330 metres tall.', 'The Eiffel Tower is 330 metres tall.');
  await supported('The Eif\u200Dfel Tower is 330 metres tall.', 'The \u202AEif\uFEFFfel\u202C Tower is 330 metres tall.');
  await supported('\u2066東京\u2069タワーの高さは3\u200B33メートルです。', '東京タワーの高さは333メートルです。');
  // Still a clash where the value differs, with the fix over the whole written number, invisible characters and all.
  const j = await fixed('The tower is 3\u200C30 metres tall.', 'The tower is 324 metres tall.', '3\u200C30 metres', '324 metres');
  assert.equal(j.reason, 'reference says 324 metres, claim says 330 metres');
});

test('no-break and thin spaces between digit groups are thousands separators', async () => {
  await supported('Mount Fuji is 3\u202F776 metres high.', 'Mount Fuji is 3,776 metres high.');
  await supported('The bridge is 1\u00A0083 feet long.', 'The bridge is 1,083 feet long.');
  await supported('The bridge is 1,083 feet long.', 'The bridge is 1\u2009083 feet long.');
  await fixed('Mount Fuji is 3\u202F776 metres high.', 'Mount Fuji is 3,777 metres high.', '3\u202F776 metres', '3,777 metres');
  // A year then a count stay two numbers.
  await notSupported('In 2019\u00A0500 people attended.', 'In 2019, 900 people attended.', undefined, 'contradicted');
});

test('fullwidth digits, a minus sign and an en dash read as their ASCII forms', async () => {
  await supported('富士山の高さは３７７６メートルです。', '富士山の高さは3776メートルです。');
  await notSupported('富士山の高さは３７７６メートルです。', '富士山の高さは3777メートルです。', undefined, 'contradicted');
  // An en dash between years is the hyphen: the claim grades as written with one, confidence included.
  const [dash, hyphen] = [await grade('The war lasted from 1939\u20131945.', 'The war lasted from 1939-1945.'), await grade('The war lasted from 1939-1945.', 'The war lasted from 1939-1945.')];
  assert.deepEqual([dash.verdict, dash.confidence], [hyphen.verdict, hyphen.confidence]);
  await supported('The war lasted from 1939-1945.', 'The war lasted from 1939\u20131945.');
  // The reference's words are the same as read: evidence quotes the passage as written.
  const ref = 'The war lasted from \u20661939\u20131945\u2069.';
  const j = await grade('The war lasted from 1939-1945.', ref);
  assert.equal(j.verdict, 'supported', j.reason);
  assert.equal(j.evidence[0]?.quote, ref);
});

test('a name that opens the claim, the subject of its verb, counts as a name', async () => {
  await notSupported('Seattle is where Gustave Eiffel moved in 1889.', 'Gustave Eiffel moved to Portland in 1889.', "reference never mentions 'Seattle'", 'unsupported');
  // Controls: a name the reference has, and an opening word that is no subject.
  await supported('Portland is where Gustave Eiffel moved in 1889.', 'Gustave Eiffel moved to Portland in 1889.');
  await supported('Despite this, Gustave Eiffel moved to Portland in 1889.', 'Gustave Eiffel moved to Portland in 1889.');
  await supported('Eventually Gustave Eiffel moved to Portland in 1889.', 'Gustave Eiffel moved to Portland in 1889.');
});

test('kin told from the relation\'s other end, the two names exchanged, is the same fact', async () => {
  await supported("Bill is Tom's son.", "Tom is Bill's father.");
  await supported("Mary is Tom's wife.", "Tom is Mary's husband.");
  await supported('Bill is the son of Ann.', 'Ann is the mother of Bill.');
  await supported('Kim is the child of Lee.', 'Lee is the parent of Kim.');
  await supported('ビルはトムの息子です。', 'トムはビルの父です。');
  await supported('花子は太郎の娘です。', '太郎は花子の父です。');
  await supported('鈴木さんは山田さんの子です。', '山田さんは鈴木さんの親です。');
  // Controls: one kin word both ways round, and the names not exchanged.
  await notSupported("Bill is Tom's father.", "Tom is Bill's father.", undefined, 'contradicted');
  await notSupported('Tom is the father of Bill.', 'Tom is the son of Bill.', "reference says 'son', claim says 'father'", 'contradicted');
});
