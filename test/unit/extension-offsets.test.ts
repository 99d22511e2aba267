// Diagnostics follow edits: the pure span arithmetic behind it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { shiftSpans } from '../../src/extension/offsets';

const span = (start: number, end: number) => ({ start, end });

test('an edit before a span shifts it; after it, leaves it', () => {
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 0, length: 0, text: 'abc' }]), [span(13, 23)]);
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 2, length: 5, text: '' }]), [span(5, 15)]);
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 25, length: 3, text: 'xy' }]), [span(10, 20)]);
});

test('edits at the boundaries keep the span: its own text did not change', () => {
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 10, length: 0, text: 'ab' }]), [span(12, 22)]);
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 20, length: 0, text: 'ab' }]), [span(10, 20)]);
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 5, length: 5, text: '' }]), [span(5, 15)]);
});

test('an edit that touches the span drops it', () => {
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 15, length: 0, text: 'x' }]), []);
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 8, length: 4, text: '' }]), []);
  assert.deepEqual(shiftSpans([span(10, 20)], [{ offset: 19, length: 3, text: 'abc' }]), []);
});

test('several changes of one event (all relative to the text before it) apply in any order', () => {
  const changes = [
    { offset: 0, length: 0, text: 'aa' },
    { offset: 30, length: 0, text: 'bbb' },
    { offset: 22, length: 2, text: '' },
  ];
  const out = shiftSpans([span(5, 8), span(10, 20), span(25, 28), span(35, 40)], changes);
  assert.deepEqual(out, [span(7, 10), span(12, 22), span(25, 28), span(38, 43)]);
  assert.deepEqual(shiftSpans([span(5, 8), span(10, 20), span(25, 28), span(35, 40)], [...changes].reverse()), out);
});

test('extra fields ride along', () => {
  assert.deepEqual(shiftSpans([{ start: 1, end: 2, id: 'a' }], [{ offset: 0, length: 1, text: '' }]), [{ start: 0, end: 1, id: 'a' }]);
});
