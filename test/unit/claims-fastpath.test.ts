import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractClaims, splitSentences } from '../../src/core/claims';
import { claimsFrom } from '../../src/core/claims/extract';
import { markdownUnits } from '../../src/core/claims/markdown';

// Texts without Markdown syntax skip the parser; the claims must be the same as the parser's.
const SAMPLES = [
  'Paris is the capital of France. It has about two million residents.',
  '  Leading spaces are fine here.\n\nA second paragraph follows it.\nIt wraps onto a second line.\n\n\n',
  'Line one is CRLF.\r\nLine two is CRLF too.\r\n\r\nNew paragraph here now.\r\n',
  'Old Mac line endings are here.\rAnd another line there.\r\rNew paragraph.',
  'See www.example.com or https://example.com/a.b or write to user@example.com for the full list of facts.',
  '東京は日本の首都です。大阪は大きい都市です。\n\n　全角スペースで始まる段落です。',
  '🎉 Emoji open this line. The next sentence is plain.',
  '• Bullet one is here\n• Bullet two is here',
  'Wow! Is it true? Yes, it is true: The answer is 42.',
  'Dr. Smith lives in the U.S. The move was hard... Then it got easier.',
  // ATX headings alone: skipped without the parser.
  '# Answer\n\nParis is the capital of France.\n## Details\nIt has about two million residents.\n',
  '   ### Indented heading\r\nA claim follows it here.\r\n#\r\n#\tTab heading\r\nAnother claim is here.',
  '###### Six marks make a heading\rThe last claim is here.\r####### Seven marks are text here.',
  // Hard line breaks (two spaces) end no sentence, so they need no parser either.
  'It was built  \nby about 300 workers.  \nThe tower is tall.   \r\nIt opened in 1889.',
];

describe('extractClaims: Markdown fast path', () => {
  for (const [i, input] of SAMPLES.entries()) {
    it(`matches the parser on sample ${i}`, () => {
      const fast = extractClaims(input);
      const parsed = claimsFrom(input, markdownUnits(input, 'always'), { bulletLines: true });
      assert.deepEqual(fast, parsed);
      assert.ok(fast.length > 0);
      for (const c of fast) assert.equal(input.slice(c.start, c.end), c.text);
    });
  }

  it('uses the parser as soon as any Markdown syntax appears', () => {
    assert.deepEqual(extractClaims('    indented code is not prose.'), []);
    assert.deepEqual(extractClaims('1. First item is here').map((c) => c.text), ['First item is here']);
    assert.deepEqual(extractClaims('An *emphasised* claim is here.').map((c) => c.text), ['An *emphasised* claim is here.']);
  });

  // Guards against quadratic behaviour, not a benchmark: limits are loose so a loaded CI machine passes.
  it('handles a 2,000-word answer and a 1 MB reference text in linear time', () => {
    const para =
      'Dr. Smith said the **Nile** is 6,650 km long, per [Wikipedia](https://en.wikipedia.org/wiki/Nile). ' +
      'It flows through `eleven` countries, e.g. Egypt and Sudan. The U.S. Army mapped it in 1950!\n\n';
    const answer = para.repeat(60);
    assert.ok(answer.split(/\s+/).length >= 1500);
    let t = performance.now();
    assert.equal(extractClaims(answer).length, 180);
    assert.ok(performance.now() - t < 5000);
    const reference = 'The Nile is 6,650 km long. 東京は日本の首都です。「明日は雨です。」と彼は言った。 (See Fig. 3.) '.repeat(12_000);
    t = performance.now();
    assert.equal(splitSentences(reference).length, 12_000 * 4);
    assert.ok(performance.now() - t < 5000);
  });
});
