import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { FEATURES } from '../../src/core/graders/offline/features';
import { assertModelMatchesFeatures, MODEL, pNotSupported } from '../../src/core/graders/offline/model';
import type { GradeRequest } from '../../src/core/types';

const passage = (text: string, i = 0) => ({ passage: { id: `r#${i}`, source: 'r.md', line: 1, text }, score: 1 });
const req = (text: string, refs: string[]): GradeRequest => ({ claim: { text, start: 0, end: text.length }, passages: refs.map(passage) });

test('weights.json matches the feature list and stays small', () => {
  assert.deepEqual(MODEL.features, [...FEATURES]);
  for (const k of ['mean', 'scale', 'weights'] as const) assert.equal(MODEL[k].length, FEATURES.length);
  assert.ok(MODEL.temperature > 0);
  assert.ok(JSON.stringify(MODEL).length < 20_000);
  assert.throws(() => assertModelMatchesFeatures({ ...MODEL, features: ['covBest'] }), /run scripts\/train-offline.ts/);
  const p = pNotSupported(FEATURES.map(() => 0));
  assert.ok(p >= 0 && p <= 1);
});

test('odd inputs never throw and give confidences in 0..1', async () => {
  const cases: GradeRequest[] = [
    req('', ['']),
    req('😀😀😀', ['😀']),
    req('x'.repeat(20_000), ['y'.repeat(20_000)]),
    req('1'.repeat(400), ['1'.repeat(400)]),
    req('The 3rd of March, 2020, at 10:30 p.m. cost $1.5bn (≈ ¥200億).', ['On March 3, 2020 the deal cost $1.5 billion.']),
    req('```js\nconst x = 1;\n```', ['# Heading\n\n- a list item']),
    req('東京タワーの高さは333メートルです。', ['東京タワーは高さ333mの電波塔です。']),
    req('Mixed 日本語 and English 42%.', ['日本語 English 42 percent']),
  ];
  const out = await createOfflineGrader().grade(cases);
  assert.equal(out.length, cases.length);
  for (const j of out) {
    assert.ok(['supported', 'contradicted', 'unsupported'].includes(j.verdict));
    assert.ok(j.confidence >= 0 && j.confidence <= 1, String(j.confidence));
    assert.equal(typeof j.reason, 'string');
    assert.ok(!j.reason.includes('\n'));
    for (const e of j.evidence) assert.ok(cases.some((c) => c.passages.some((p) => p.passage.text.includes(e.quote))));
    if (j.fix) assert.ok(j.fix.start >= 0 && j.fix.end >= j.fix.start);
  }
});

test('a fix is only offered with a contradiction and points inside the claim', async () => {
  const text = 'Revenue grew to $4.2 million in 2019.';
  const [j] = await createOfflineGrader().grade([req(text, ['Revenue grew to $3.9 million in 2019.'])]);
  assert.equal(j!.verdict, 'contradicted');
  assert.equal(text.slice(j!.fix!.start, j!.fix!.end), '$4.2 million');
  assert.equal(j!.fix!.text, '$3.9 million');
});

test('evidence quotes are whole sentences of the passage, the best-aligned first', async () => {
  const [j] = await createOfflineGrader().grade([
    req('The bridge opened in 1932.', ['The city has many parks. The bridge opened in 1932 after six years of work. It is painted grey.']),
  ]);
  assert.equal(j!.verdict, 'supported');
  assert.equal(j!.evidence[0]!.quote, 'The bridge opened in 1932 after six years of work.');
});

test('line blocks: headings and labels stand alone, hard-wrapped prose stays one sentence', async () => {
  const { lineBlocks } = await import('../../src/core/graders/offline/align');
  const web = '# Sun Valley 2018 Guest List\nJune 1, 2018\nThe conference opened on Tuesday.';
  assert.deepEqual(lineBlocks(web).map((b) => b.text), ['# Sun Valley 2018 Guest List', 'June 1, 2018', 'The conference opened on Tuesday.']);
  const prose = 'The tower was\ncompleted in 1889 for the fair.';
  assert.deepEqual(lineBlocks(prose).map((b) => b.text), [prose]);
  for (const b of lineBlocks(web)) assert.equal(web.slice(b.start, b.start + b.text.length), b.text);
});

test('one edit apart: typos and swapped letters, not other words', async () => {
  const { oneEditApart } = await import('../../src/core/graders/offline/align');
  assert.ok(oneEditApart('patriots', 'partiots'));
  assert.ok(oneEditApart('colour', 'color'));
  assert.ok(oneEditApart('receive', 'recieve'));
  assert.ok(!oneEditApart('patriots', 'parrots'));
  assert.ok(!oneEditApart('station', 'nation'));
});
