import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineMap, positionAt } from '../../src/core/positions';

describe('positions: UTF-16 offsets to 0-based line/character', () => {
  it('counts \\n, \\r\\n and \\r as one line break each', () => {
    const text = 'a\nb\r\nc\rd';
    const map = new LineMap(text);
    assert.equal(map.lineCount, 4);
    assert.deepEqual(map.positionAt(text.indexOf('a')), { line: 0, character: 0 });
    assert.deepEqual(map.positionAt(text.indexOf('b')), { line: 1, character: 0 });
    assert.deepEqual(map.positionAt(text.indexOf('c')), { line: 2, character: 0 });
    assert.deepEqual(map.positionAt(text.indexOf('d')), { line: 3, character: 0 });
  });

  it('keeps an offset between \\r and \\n on the line the pair ends', () => {
    const text = 'ab\r\ncd';
    assert.deepEqual(positionAt(text, 3), { line: 0, character: 3 });
    assert.deepEqual(positionAt(text, 4), { line: 1, character: 0 });
  });

  it('counts an emoji as two UTF-16 characters, like VS Code and LSP', () => {
    const text = '🎉 The factory employs 450 people.';
    const claim = text.indexOf('The');
    assert.equal(claim, 3);
    assert.deepEqual(positionAt(text, claim), { line: 0, character: 3 });
  });

  it('handles CJK and emoji on CRLF lines', () => {
    const text = '# 題名\r\n\r\n富士山は日本一高い山です。😀 高さは3776メートルです。\r\n';
    const map = new LineMap(text);
    const start = text.indexOf('高さ');
    assert.deepEqual(map.positionAt(start), { line: 2, character: 16 });
    assert.equal(map.offsetAt(map.positionAt(start)), start);
  });

  it('clamps offsets outside the text', () => {
    const map = new LineMap('ab\ncd');
    assert.deepEqual(map.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(map.positionAt(99), { line: 1, character: 2 });
  });

  it('offsetAt inverts positionAt for every offset, and stops a long character before the line break', () => {
    const text = 'x\r\ny🎉z\rw\n\nend';
    const map = new LineMap(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // inside a \r\n pair: no position of its own
      assert.equal(map.offsetAt(map.positionAt(o)), o, `offset ${o}`);
    }
    assert.equal(map.offsetAt({ line: 0, character: 50 }), 1);
    assert.equal(map.offsetAt({ line: 1, character: 50 }), text.indexOf('\rw'));
  });

  it('an empty text has one line', () => {
    assert.deepEqual(positionAt('', 0), { line: 0, character: 0 });
  });
});
