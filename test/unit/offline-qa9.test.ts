// A ninth QA pass: a number's sign (-5 degrees is not 5 degrees), and kin or company that holds both ways (Bill is
// Tom's brother when Tom is Bill's brother).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities } from '../../src/core/graders/offline/numbers';
import { fixed, notSupported, supported } from './offline-verdicts';

test('a minus sign makes another number, ASCII or Unicode, with the sign in the fix', async () => {
  // "degrees" is the number's unit (offline-qa10.test.ts), so the fix replaces it with the number.
  await fixed('The lowest temperature was \u22125 degrees.', 'The lowest temperature was 5 degrees.', '\u22125 degrees', '5 degrees');
  await fixed('The lowest temperature was -5 degrees.', 'The lowest temperature was 5 degrees.', '-5 degrees', '5 degrees');
  await fixed('The lowest temperature was 5 degrees.', 'The lowest temperature was \u22125 degrees.', '5 degrees', '-5 degrees');
  await fixed('The lowest temperature was \u22125 °C.', 'The lowest temperature was 5 °C.', '\u22125 °C', '5 °C');
  await fixed('The lowest temperature was minus 5 degrees.', 'The lowest temperature was 5 degrees.', 'minus 5 degrees', '5 degrees');
  await fixed('Sales fell by \u22125% in 2020.', 'Sales fell by 5% in 2020.', '\u22125%', '5%');
  // Controls: the same value, however its sign is written.
  await supported('The lowest temperature was -5 degrees.', 'The lowest temperature was \u22125 degrees.');
  await supported('The lowest temperature was \u22125 degrees.', 'The lowest temperature was -5 degrees.');
  await supported('The lowest temperature was minus 5 degrees.', 'The lowest temperature was -5 degrees.');
  await supported('The lowest temperature was 5 degrees.', 'The lowest temperature was 5 degrees.');
});

test('a hyphen between numbers or after letters is no sign', async () => {
  await supported('The tour takes 5-10 days.', 'The tour takes 5 to 10 days.');
  await supported('The war lasted from 1939-1945.', 'The war lasted from 1939 to 1945.');
  await supported('The temperature ranged from 5 -10 degrees.', 'The temperature ranged from 5 to 10 degrees.');
  await supported('COVID-19 spread in 2020.', 'COVID-19 spread in 2020.');
  const values = (s: string): number[] => quantities(s).map((q) => q.value);
  for (const s of ['The tour takes 5-10 days.', 'from 1939-1945', 'COVID-19 cases', 'The F-16 flew', 'Call 555-1234 now', 'Call +1-555-123-4567', 'on 2021-10-05', 'Ten minus 5 equals 5? No: 10 minus 5']) {
    assert.ok(values(s).every((v) => v >= 0), `${s}: ${values(s).join(', ')}`);
  }
  assert.deepEqual(quantities('It was -5 (or \u22127) at dawn, [-3] at noon.').map((q) => q.value), [-5, -7, -3]);
});

test('Japanese: マイナス, 零下 and 氷点下 make a number negative, each the same sign', async () => {
  await fixed('最低気温はマイナス5度でした。', '最低気温は5度でした。', 'マイナス5度', '5度');
  await fixed('最低気温は零下5度でした。', '最低気温は5度でした。', '零下5度', '5度');
  await fixed('最低気温は氷点下5度でした。', '最低気温は5度でした。', '氷点下5度', '5度');
  await fixed('最低気温は5度でした。', '最低気温は氷点下5度でした。', '5度', '氷点下5度');
  await fixed('最低気温は-5度でした。', '最低気温は5度でした。', '-5度', '5度');
  // Controls: one value, however the sign is spelled.
  await supported('最低気温はマイナス5度でした。', '最低気温は-5度でした。');
  await supported('最低気温は氷点下5度でした。', '最低気温はマイナス5度でした。');
  await supported('最低気温は零下5度でした。', '最低気温は\u22125度でした。');
  await supported('最低気温は5度でした。', '最低気温は5度でした。');
});

test('kin and company that hold both ways: the same word with the names exchanged is the same fact', async () => {
  for (const w of ['brother', 'sister', 'sibling', 'cousin', 'spouse', 'friend', 'neighbour', 'colleague', 'partner']) {
    await supported(`Bill is Tom's ${w}.`, `Tom is Bill's ${w}.`);
  }
  await supported('Bill is the brother of Tom.', 'Tom is the brother of Bill.');
  for (const w of ['兄弟', '姉妹', 'いとこ', '友人', '同僚']) await supported(`ビルはトムの${w}です。`, `トムはビルの${w}です。`);
  // Controls: a relation with a direction stays an exchange, and so do other facts beside a mutual word.
  await notSupported("Bill is Tom's father.", "Tom is Bill's father.", undefined, 'contradicted');
  await notSupported("Bill is Tom's boss.", "Tom is Bill's boss.", undefined, 'contradicted');
  await notSupported("Bill is Tom's older brother.", "Tom is Bill's older brother.", undefined, 'contradicted');
  await notSupported("Tom's friend gave Bill a book.", "Bill's friend gave Tom a book.", undefined, 'contradicted');
  await notSupported("Bill's brother moved from Oslo to Bergen.", "Bill's brother moved from Bergen to Oslo.", undefined, 'contradicted');
  await notSupported('ビルはトムの父です。', 'トムはビルの父です。', undefined, 'contradicted');
  await notSupported('ビルはトムの上司です。', 'トムはビルの上司です。', undefined, 'contradicted');
  await notSupported("Bill is Tom's brother.", "Tom is Bill's sister.", undefined, 'contradicted');
});
