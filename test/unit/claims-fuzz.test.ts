import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractClaims, splitSentences } from '../../src/core/claims';

// Deterministic pseudo-random documents built from the pieces that break splitters most often.
const PIECES = [
  'Dr. Smith', ' ', '. ', '! ', '? ', '。', '「引用。」', 'と言った', '\n', '\r\n', '\n\n', '- ', '1. ', '> ', '# ', '`a. b`', '**x**',
  '[link. text](http://a.b/c.d "T. t")', '![img. x](y.png)', '<!-- c. d -->', '<br>', '| a | b |\n|---|---|\n| c. d | e |\n', '```\ncode. X\n```\n',
  '---\nk: v\n---\n', '3.5', 'v1.2.3', 'U.S.', 'e.g.', '...', '…', '😀', '𠮷', '\uFEFF', '\t', '    ', 'The Nile is long', '東京は首都です', '•', '・', ':', '：', '"', ')', '(',
];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('extractClaims: random documents', () => {
  it('always returns ordered, trimmed, exact slices in both formats', () => {
    const rand = lcg(42);
    let total = 0;
    for (let n = 0; n < 400; n++) {
      let doc = '';
      const len = 1 + Math.floor(rand() * 40);
      for (let k = 0; k < len; k++) doc += PIECES[Math.floor(rand() * PIECES.length)];
      for (const format of ['markdown', 'plaintext'] as const) {
        const claims = extractClaims(doc, { format });
        total += claims.length;
        let last = 0;
        for (const c of claims) {
          assert.equal(doc.slice(c.start, c.end), c.text, `${format} ${JSON.stringify(doc)}`);
          assert.ok(c.start >= last && c.end > c.start, `ordered: ${JSON.stringify(doc)}`);
          assert.equal(c.text, c.text.trim(), `trimmed: ${JSON.stringify(c.text)}`);
          assert.ok(!c.text.startsWith('<!--') && !c.text.endsWith('-->'), `no comment at an edge: ${JSON.stringify(c.text)}`);
          last = c.end;
        }
      }
      for (const s of splitSentences(doc)) assert.equal(doc.slice(s.start, s.end), s.text);
    }
    assert.ok(total > 200, `the documents yield claims (${total})`);
  });
});
