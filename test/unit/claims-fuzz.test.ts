import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractClaims, splitSentences } from '../../src/core/claims';
import { randomDocuments } from './random-documents';

// Deterministic pseudo-random documents built from the pieces that break splitters most often.
const PIECES = [
  'Dr. Smith', ' ', '. ', '! ', '? ', '。', '「引用。」', 'と言った', '\n', '\r\n', '\n\n', '- ', '1. ', '> ', '# ', '`a. b`', '**x**',
  '[link. text](http://a.b/c.d "T. t")', '![img. x](y.png)', '<!-- c. d -->', '<br>', '| a | b |\n|---|---|\n| c. d | e |\n', '```\ncode. X\n```\n',
  '---\nk: v\n---\n', '3.5', 'v1.2.3', 'U.S.', 'e.g.', '...', '…', '😀', '𠮷', '\uFEFF', '\t', '    ', 'The Nile is long', '東京は首都です', '•', '・', ':', '：', '"', ')', '(',
];

describe('extractClaims: random documents', () => {
  it('always returns ordered, trimmed, exact slices in both formats', () => {
    let total = 0;
    for (const doc of randomDocuments(PIECES, 42, 400, 40)) {
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
