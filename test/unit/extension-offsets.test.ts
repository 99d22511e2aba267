// Diagnostics follow edits: the pure span arithmetic behind it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lineShift, moveAnchors, shiftSpans, type OffsetChange, type Span } from '../../src/extension/offsets';

const kept = <T extends Span>(spans: T[], changes: OffsetChange[]): T[] => shiftSpans(spans, changes).kept;

const span = (start: number, end: number) => ({ start, end });

test('an edit before a span shifts it; after it, leaves it', () => {
  assert.deepEqual(kept([span(10, 20)], [{ offset: 0, length: 0, text: 'abc' }]), [span(13, 23)]);
  assert.deepEqual(kept([span(10, 20)], [{ offset: 2, length: 5, text: '' }]), [span(5, 15)]);
  assert.deepEqual(kept([span(10, 20)], [{ offset: 25, length: 3, text: 'xy' }]), [span(10, 20)]);
});

test('edits at the boundaries keep the span: its own text did not change', () => {
  assert.deepEqual(kept([span(10, 20)], [{ offset: 10, length: 0, text: 'ab' }]), [span(12, 22)]);
  assert.deepEqual(kept([span(10, 20)], [{ offset: 20, length: 0, text: 'ab' }]), [span(10, 20)]);
  assert.deepEqual(kept([span(10, 20)], [{ offset: 5, length: 5, text: '' }]), [span(5, 15)]);
});

test('an edit that touches the span takes it out of the kept ones', () => {
  assert.deepEqual(kept([span(10, 20)], [{ offset: 15, length: 0, text: 'x' }]), []);
  assert.deepEqual(kept([span(10, 20)], [{ offset: 8, length: 4, text: '' }]), []);
  assert.deepEqual(kept([span(10, 20)], [{ offset: 19, length: 3, text: 'abc' }]), []);
});

test('several changes of one event (all relative to the text before it) apply in any order', () => {
  const changes = [
    { offset: 0, length: 0, text: 'aa' },
    { offset: 30, length: 0, text: 'bbb' },
    { offset: 22, length: 2, text: '' },
  ];
  const out = kept([span(5, 8), span(10, 20), span(25, 28), span(35, 40)], changes);
  assert.deepEqual(out, [span(7, 10), span(12, 22), span(25, 28), span(38, 43)]);
  assert.deepEqual(kept([span(5, 8), span(10, 20), span(25, 28), span(35, 40)], [...changes].reverse()), out);
});

test('extra fields ride along', () => {
  assert.deepEqual(kept([{ start: 1, end: 2, id: 'a' }], [{ offset: 0, length: 1, text: '' }]), [{ start: 0, end: 1, id: 'a' }]);
});

test('a span an edit touched is anchored where its text was, so an undo finds it again', () => {
  const text = 'Intro. The claim here. Outro.';
  const claim = span(7, 22);
  const deleteAll = [{ offset: 0, length: text.length, text: '' }];
  const { kept: none, touched } = shiftSpans([claim], deleteAll);
  assert.deepEqual(none, []);
  assert.deepEqual(touched, [{ ...claim, at: 0, depth: 7 }]);
  // Undo: the whole text goes back in at the anchor, which stays before it.
  const [a] = moveAnchors(touched, [{ offset: 0, length: 0, text }]);
  assert.equal(a!.at + a!.depth, 7);
  // A character typed inside the claim, then deleted again.
  const typed = shiftSpans([claim], [{ offset: 12, length: 0, text: 'x' }]).touched;
  const [b] = moveAnchors(typed, [{ offset: 12, length: 1, text: '' }]);
  assert.equal(b!.at + b!.depth, 7);
});

test('anchors move with edits before them and collapse into edits around them', () => {
  const a = { at: 10, depth: 0 };
  assert.deepEqual(moveAnchors([a], [{ offset: 0, length: 0, text: 'abc' }]), [{ at: 13, depth: 0 }]);
  assert.deepEqual(moveAnchors([a], [{ offset: 4, length: 6, text: 'z' }]), [{ at: 5, depth: 0 }]);
  assert.deepEqual(moveAnchors([a], [{ offset: 8, length: 5, text: 'zz' }]), [{ at: 8, depth: 0 }]);
  assert.deepEqual(moveAnchors([a], [{ offset: 10, length: 0, text: 'zz' }]), [a]);
  assert.deepEqual(moveAnchors([a], [{ offset: 12, length: 3, text: '' }]), [a]);
});

test('lineShift: whole lines for spans below the edited lines, none for spans above, undefined on an edited line', () => {
  // Old text: line 0 "ab\n" (0-2), line 1 "cd\n" (3-5), line 2 "ef" (6-7).
  const typed = [{ offset: 1, length: 0, text: 'x', startLine: 0, endLine: 0 }];
  assert.equal(lineShift(typed, 3, 1), 0, 'a character typed on an earlier line moves no line');
  assert.equal(lineShift(typed, 0, 0), 0, 'a change after the span moves nothing');
  const newline = [{ offset: 1, length: 0, text: '\n\n', startLine: 0, endLine: 0 }];
  assert.equal(lineShift(newline, 6, 2), 2);
  const joined = [{ offset: 2, length: 1, text: '', startLine: 0, endLine: 1 }];
  assert.equal(lineShift(joined, 6, 2), -1);
  assert.equal(lineShift([{ offset: 3, length: 1, text: 'C', startLine: 1, endLine: 1 }], 4, 1), undefined, 'same line: the column moves');
});
