// A range written with a dash between digits ("1368–1644") is two numbers to the words a claim must match.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokens } from '../../src/core/graders/offline/text';
import { notSupported, supported } from './offline-verdicts';

test('a dash between digits splits a range; a hyphen beside a letter joins a word', () => {
  assert.deepEqual(tokens('the Ming dynasty (1368-1644), pages 5-10').map((t) => t.surface), ['the', 'Ming', 'dynasty', '1368', '1644', 'pages', '5', '10']);
  assert.deepEqual(tokens('COVID-19, the F-16 and an x-ray').map((t) => t.surface), ['COVID-19', 'the', 'F-16', 'and', 'an', 'x-ray']);
});

test('a claim that spells out a range the reference gives with a dash is stated', async () => {
  const ref = 'The best-known sections of the wall were built by the Ming dynasty (1368–1644).';
  await supported('The Ming dynasty ruled from 1368 to 1644.', ref);
  await notSupported('The Ming dynasty ruled from 1368 to 1700.', ref, 'reference says 1644, claim says 1700', 'contradicted');
});
