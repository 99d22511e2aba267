import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractClaims, type ExtractOptions } from '../../src/core/claims';

/** Claim texts of a Markdown input, after checking every range is an exact slice. */
function md(input: string, options: ExtractOptions = {}): string[] {
  const claims = extractClaims(input, options);
  for (const c of claims) assert.equal(input.slice(c.start, c.end), c.text, `range ${c.start}-${c.end}`);
  return claims.map((c) => c.text);
}

describe('extractClaims: Markdown structure', () => {
  it('skips front matter, headings, fenced code and HTML blocks', () => {
    const input = [
      '---',
      'title: Paris is the capital of France.',
      '---',
      '# Paris is the capital of France',
      '',
      'Setext heading is skipped too',
      '=============================',
      '',
      '```python',
      'x = 1. Hidden sentence in code.',
      '```',
      '',
      '<div>An HTML block says things.</div>',
      '',
      '    indented code block is skipped.',
      '',
      'Paris has about two million residents.',
    ].join('\n');
    assert.deepEqual(md(input), ['Paris has about two million residents.']);
  });

  it('keeps a sentence with inline code whole and never breaks inside the code', () => {
    const input = 'Run `npm ci. Then` to install the packages. `git status` shows the tree state.';
    assert.deepEqual(md(input), ['Run `npm ci. Then` to install the packages.', '`git status` shows the tree state.']);
  });

  it('keeps link text, ignores periods in destinations and titles, drops images and footnote marks', () => {
    const input =
      'The [Eiffel Tower](https://en.wikipedia.org/wiki/Eiffel_Tower "Tower. Page") is 330 m tall. ' +
      '![A photo. Of it.](img/tower.png) It opened in 1889.[^1] It was built by [Gustave Eiffel][ge].\n\n' +
      '[ge]: https://example.com/eiffel. "Def."\n\n[^1]: The tower opened for the World Fair.';
    assert.deepEqual(md(input), [
      'The [Eiffel Tower](https://en.wikipedia.org/wiki/Eiffel_Tower "Tower. Page") is 330 m tall.',
      'It opened in 1889.',
      'It was built by [Gustave Eiffel][ge].',
      'The tower opened for the World Fair.',
    ]);
  });

  it('keeps bare URLs and autolinks inside their sentence; a bare pointer to a URL is no claim', () => {
    const input = 'The data at https://example.com/a.b?x=1 covers all years. Visit www.example.com. It is free and <https://a.b/c.d> lists it.';
    assert.deepEqual(md(input), [
      'The data at https://example.com/a.b?x=1 covers all years.',
      'It is free and <https://a.b/c.d> lists it.',
    ]);
  });

  it('skips HTML comments (block and inline) at claim edges, and breaks at <br>', () => {
    const input =
      '<!-- A block comment. Not a claim at all. -->\n\n' +
      'The Seine <!-- inline. Hidden. --> flows through Paris.<!-- x --> Rome is in Italy<br>Madrid is in Spain.';
    assert.deepEqual(md(input), [
      'The Seine <!-- inline. Hidden. --> flows through Paris.',
      'Rome is in Italy',
      'Madrid is in Spain.',
    ]);
  });

  it('reads a hard line break as a soft one: no sentence ends there, but list items and table rows still end', () => {
    // Two trailing spaces, a backslash, and a soft line break: one claim each, from its first character to its last.
    assert.deepEqual(md('It was built  \nby about 300 workers.'), ['It was built  \nby about 300 workers.']);
    assert.deepEqual(md('It was built\\\nby about 300 workers.'), ['It was built\\\nby about 300 workers.']);
    assert.deepEqual(md('It was built\nby about 300 workers.'), ['It was built\nby about 300 workers.']);
    assert.deepEqual(md('It was built   \r\nby about 300 workers.'), ['It was built   \r\nby about 300 workers.']);
    // A full stop before the break still ends the sentence, the backslash left out of both.
    assert.deepEqual(md('The tower is tall.  \nIt was built in 1889.\\\nIt is made of iron.'), [
      'The tower is tall.',
      'It was built in 1889.',
      'It is made of iron.',
    ]);
    // A list item (and a table row) ends where it ends; a break inside an item keeps its sentence whole.
    assert.deepEqual(md('- It was built  \n  by about 300 workers\n- It opened in 1889\n\n| City | Rank |\n|---|---|\n| Paris | first |\n| Lyon | third |\n'), [
      'It was built  \n  by about 300 workers',
      'It opened in 1889',
      'Paris | first',
      'Lyon | third',
    ]);
    // "<br>" on one line still separates.
    assert.deepEqual(md('Rome is in Italy<br>Madrid is in Spain.'), ['Rome is in Italy', 'Madrid is in Spain.']);
  });

  it('makes each list item a claim, nested items included, without markers', () => {
    const input = [
      'Facts about Japan:',
      '',
      '- Tokyo is the capital of Japan',
      '- Mount Fuji is 3,776 m tall. It last erupted in 1707.',
      '  - The nested item has its own claim',
      '1. Osaka is the second city',
      '2) Kyoto was the old capital',
      '- [x] Task items drop their box too',
      '* **Bold** claims keep their markup',
    ].join('\n');
    assert.deepEqual(md(input), [
      'Tokyo is the capital of Japan',
      'Mount Fuji is 3,776 m tall.',
      'It last erupted in 1707.',
      'The nested item has its own claim',
      'Osaka is the second city',
      'Kyoto was the old capital',
      'Task items drop their box too',
      '**Bold** claims keep their markup',
    ]);
  });

  it('splits lines bulleted with • or ・ inside one paragraph', () => {
    assert.deepEqual(md('• Lyon is in France\n• Porto is in Portugal'), ['Lyon is in France', 'Porto is in Portugal']);
    assert.deepEqual(md('・富士山は日本一高い山です\n・琵琶湖は日本一大きい湖です'), ['富士山は日本一高い山です', '琵琶湖は日本一大きい湖です']);
  });

  it('strips quote markers, including on continuation lines', () => {
    const input = '> The Moon orbits the Earth\n> every 27 days. It has no air.\n>\n> > Nested quotes hold claims too.';
    assert.deepEqual(md(input), ['The Moon orbits the Earth\n> every 27 days.', 'It has no air.', 'Nested quotes hold claims too.']);
  });

  it('turns each table data row into one claim from first to last cell, skipping header and separator', () => {
    const input = '| City | Population |\n|:-----|-----------:|\n| Tokyo | 37 million |\n| Osaka `x.y` | 19 million |\n| | |\n';
    assert.deepEqual(md(input), ['Tokyo | 37 million', 'Osaka `x.y` | 19 million']);
  });

  it('skips emphasis-only lead-ins, thematic breaks and reference definitions', () => {
    const input = '**Summary:**\n\n---\n\n*Water boils at 100 °C at sea level.*\n\n[ref]: https://example.com';
    assert.deepEqual(md(input), ['*Water boils at 100 °C at sea level.*']);
  });

  it('treats plain Markdown-looking text literally in plaintext mode', () => {
    const input = '# Not a heading in plain text\n\n- Item one is here\n  continues here\n- [x] Item two is here\nA new paragraph starts.';
    const claims = extractClaims(input, { format: 'plaintext' });
    for (const c of claims) assert.equal(input.slice(c.start, c.end), c.text);
    assert.deepEqual(
      claims.map((c) => c.text),
      ['# Not a heading in plain text', 'Item one is here\n  continues here', 'Item two is here', 'A new paragraph starts.'],
    );
  });
});

describe('extractClaims: offsets', () => {
  it('gives UTF-16 offsets after emoji (surrogate pairs) and CJK, and trims leading emoji', () => {
    const input = '🎉🎉 Rome is in Italy. 日本語のテキスト。Paris is in France.';
    const claims = extractClaims(input);
    assert.deepEqual(
      claims.map((c) => [c.text, c.start, c.end]),
      [
        ['Rome is in Italy.', 5, 22],
        ['日本語のテキスト。', 23, 32],
        ['Paris is in France.', 32, 51],
      ],
    );
    for (const c of claims) assert.equal(input.slice(c.start, c.end), c.text);
  });

  it('handles CRLF line endings in Markdown and plain text', () => {
    const input = '# Title\r\n\r\nThe sky is blue.\r\nIt rains often here.\r\n\r\n- Item one is here\r\n- Item two is here\r\n';
    assert.deepEqual(md(input), ['The sky is blue.', 'It rains often here.', 'Item one is here', 'Item two is here']);
    const plain = extractClaims(input, { format: 'plaintext' });
    assert.deepEqual(plain.map((c) => [c.text, c.start]), [
      ['The sky is blue.', 11],
      ['It rains often here.', 29],
      ['Item one is here', 55],
      ['Item two is here', 75],
    ]);
    for (const c of plain) assert.equal(input.slice(c.start, c.end), c.text);
  });

  it('keeps offsets into the original text when it starts with a BOM, and still sees front matter', () => {
    const input = '\uFEFF---\ntitle: Not a claim here\n---\nThe river is long.';
    const start = input.indexOf('The river');
    assert.equal(start, 33);
    assert.deepEqual(extractClaims(input), [{ text: 'The river is long.', start, end: start + 18 }]);
    const plain = extractClaims('\uFEFFThe river is long.', { format: 'plaintext' });
    assert.deepEqual(plain, [{ text: 'The river is long.', start: 1, end: 19 }]);
  });

  it('never throws and keeps exact ranges on odd input', () => {
    for (const input of ['', '\uFEFF', '\n\n\n', '```', '> ', '- ', '| a |', '...', '。。。', '\uD83D', 'a\u0000b. Cc dd ee.', '[x](', '<!--']) {
      md(input);
      md(input, { format: 'plaintext' });
    }
  });
});

describe('extractClaims: selection range', () => {
  const input = 'Rome is in Italy. Paris is in France. Madrid is in Spain.';
  // Claims: [0,17) [18,37) [38,57)

  it('keeps claims fully inside the range', () => {
    assert.deepEqual(md(input, { range: { start: 18, end: 37 } }), ['Paris is in France.']);
    assert.deepEqual(md(input, { range: { start: 0, end: input.length } }).length, 3);
  });

  it('keeps a straddling claim only when its midpoint is inside', () => {
    // Midpoints: 8.5, 27.5, 47.5.
    assert.deepEqual(md(input, { range: { start: 10, end: 30 } }), ['Paris is in France.']);
    assert.deepEqual(md(input, { range: { start: 5, end: 20 } }), ['Rome is in Italy.']);
    assert.deepEqual(md(input, { range: { start: 28, end: 40 } }), []);
  });

  it('keeps the claim under the caret for an empty range', () => {
    assert.deepEqual(md(input, { range: { start: 40, end: 40 } }), ['Madrid is in Spain.']);
  });

  it('uses original offsets for the range when the text has a BOM', () => {
    const bom = '\uFEFF' + input;
    const claims = extractClaims(bom, { range: { start: 19, end: 38 } });
    assert.deepEqual(claims, [{ text: 'Paris is in France.', start: 19, end: 38 }]);
  });
});
