// A number's sign: a minus sign (ASCII or Unicode, "minus", マイナス, 零下, 氷点下) or "below zero" makes another
// number, and the fix carries it; a hyphen between numbers or after letters is no sign; degrees of no named scale
// take the scale the other side names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities } from '../../src/core/graders/offline/numbers';
import { fixed, notSupported, supported } from './offline-verdicts';

test('a minus sign makes another number, ASCII or Unicode, with the sign in the fix', async () => {
  // "degrees" is the number's unit (the degrees test below), so the fix replaces it with the number.
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

test('"below zero" after a number is its sign, and the fix replaces the whole mention', async () => {
  await supported('It was 5 degrees below zero.', 'It was -5 °C.');
  await supported('It was 5 degrees below zero.', 'It was \u22125 degrees.');
  await supported('The lowest temperature was 5 degrees below zero.', 'The lowest temperature was -5 degrees.');
  await supported('The lowest temperature was -5 degrees.', 'The lowest temperature was 5 degrees below zero.');
  // Against 5 degrees above zero: the fix drops "below zero" with the value, either way round.
  await fixed('It was 5 degrees below zero.', 'It was 5 degrees.', '5 degrees below zero', '5 degrees');
  await fixed('It was 5 degrees.', 'It was 5 degrees below zero.', '5 degrees', '5 degrees below zero');
  await fixed('The lowest temperature was 5 degrees below zero.', 'The lowest temperature was 5 degrees.', '5 degrees below zero', '5 degrees');
  await fixed('The lowest temperature was 5 degrees below zero.', 'The lowest temperature was \u22127 °C.', '5 degrees below zero', '-7 °C');
  assert.deepEqual(quantities('It was 5 below zero, then 3 degrees below zero.').map((q) => [q.value, q.text]), [[-5, '5 below zero'], [-3, '3 degrees below zero']]);
  // Controls: "below" that is no sign.
  assert.deepEqual(quantities('5 floors below the street').map((q) => q.value), [5]);
  await supported('The mine is 300 metres below the surface.', 'The mine is 300 metres below the surface.');
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

test('degrees of no named scale are the scale the other side names: 5度 = 5℃, 零下5度 = -5 °C', async () => {
  await supported('最低気温は零下5度でした。', '最低気温は-5℃でした。');
  await supported('最低気温はマイナス5度でした。', '最低気温は\u22125℃でした。');
  await supported('最低気温は5度でした。', '最低気温は5℃でした。');
  await supported('The high was 30 degrees.', 'The high was 30 °C.');
  await fixed('最低気温は零下5度でした。', '最低気温は5℃でした。', '零下5度', '5℃');
  // A named scale is still no other scale.
  await notSupported('The high was 30 °F.', 'The high was 30 °C.');
});
