// A long Markdown document is parsed a block at a time (with pauses between blocks in the editor): the result
// must be exactly that of one parse of the whole, whatever the document holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractClaims, extractClaimsPaced } from '../../src/core/claims';
import { BLOCK_CHARS, blockCuts, lineCuts } from '../../src/core/claims/blocks';
import { markdownSteps, markdownUnits } from '../../src/core/claims/markdown';
import { randomDocuments } from './random-documents';

const PIECES = [
  'Dr. Smith', ' ', '. ', '\n', '\r\n', '\n\n', '\n\n\n', '- ', '1. ', '> ', '# ', '`a. b`', '**x**', '*y', '_z_', '[link. text](http://a.b/c.d "T. t")',
  '![img. x](y.png)', '<!-- c.\n\nd -->', '<br>', '| a | b |\n|---|---|\n| c. d | e |\n', '```\ncode. X\n\nY\n```\n', '~~~\n\nZ.\n\n~~~\n', '````\n```\n\n````\n',
  '---\nk: v\n\nw: 1\n---\n', '<script>\n\nA. B.\n</script>\n', '<pre>\n\nP.\n\n</pre>\n', '<div>\n\nD.\n</div>\n', '    indented. code\n',
  '[Eiffel][e]', '[e]', '[E]', '[^1]', '[^n]', '\n\n[e]: https://example.com/e\n', '\n\n[^1]: A note. It says things.\n', '\n\n[^n]: Note\n\n    more. text\n',
  '\n\n[x]:\n/url\n', '<https://a.b/c.d>', 'The Nile is long', 'It rose 3.5% in 2021', '東京は首都です。', '😀', '\t', '    ', '* ', '+ ', '2) ', 'Term\n: def\n',
  '- [ ] task. done\n', '***\n', '===\n', '\\[e\\]', '<span>', '</span>', '&amp;', '~~del~~', '\n\u3000\n', '- Item. more\n', '\n\n- Next item\n',
];

describe('Markdown parsed a block at a time', () => {
  it('gives the units and view of one parse of the whole, for any document', () => {
    let cut = 0;
    for (const doc of randomDocuments(PIECES, 7, 500, 60)) {
      const whole = markdownUnits(doc, 'always', Infinity);
      for (const size of [1, 40]) {
        cut += blockCuts(doc, size).length - 2;
        assert.deepEqual(markdownUnits(doc, 'always', size), whole, JSON.stringify(doc));
      }
    }
    assert.ok(cut > 1000, `documents were cut (${cut} cuts)`);
  });

  it('resolves a reference defined in another block wherever the parser finds the definition (QA cases)', () => {
    const long = Array.from({ length: 100 }, (_, i) => `Paragraph ${i} says the river is ${i} km long.`).join('\n\n');
    const ref = '![A diagram of the tower][img] The tower is tall.';
    const ends = [
      '## Sources\n[img]: https://x/a.png', '## Sources\r\n[img]: https://x/a.png', '```\ncode\n```\n[img]: https://x/a.png', 'Sources\n===\n[img]: x',
      '***\n[img]: x', '<!-- c -->\n[img]: x', '- [img]: x', '1. [img]: x', '> [img]: x', '[img]: x\n"a title\nover two lines"', '[^1]: A note.\n[img]: x',
      '[img]: https://x(', 'Para\n[img]: x',
    ];
    const docs = [
      ...ends.map((e) => `${ref}\n\n${long}\n\n${e}\n`),
      `![A diagram][STRASSE] The tower is tall.\n\n${long}\n\n[Straße]: x\n`,
      `![A diagram][Eiffel\nTower] The tower is tall.\n\n${long}\n\n[Eiffel Tower]: x\n`,
      `--- \n${Array.from({ length: 300 }, (_, i) => `key${i}: value ${i}`).join('\n')}\n--- \n\nThe tower is tall.\n\n${long}\n`,
      `\`\`\`\ncode\n\`\`\`\u3000\n\n${long}\n\nThe end is here.\n`,
    ];
    for (const doc of docs) {
      // (A fence closed by "```" and U+3000 stays open to the end: nothing to cut there.)
      if (!doc.includes('\u3000')) assert.ok(blockCuts(doc).length > 2, 'cut into blocks');
      assert.deepEqual(markdownUnits(doc, 'always'), markdownUnits(doc, 'always', Infinity), JSON.stringify(doc.slice(-60)));
    }
  });

  it('cuts only before a line that starts afresh after a blank line (a list item too), outside code, HTML and front matter', () => {
    const doc = '---\na: 1\n\nb: 2\n---\nOne.\n\nTwo.\n\n```\nx\n\ny\n```\n\n- item\n\n  more\n\nThree.\n\n> q\n\nFour.\n';
    const at = blockCuts(doc, 1).slice(1, -1).map((o) => doc.slice(o, doc.indexOf('\n', o)));
    assert.deepEqual(at, ['One.', 'Two.', '```', '- item', 'Three.', 'Four.']);
  });

  it('does not cut before an ordered item after indented code, which micromark reads as a paragraph there (fuzz cases)', () => {
    // "2) The tower" alone is a list item; after indented code and a blank line, the whole parse has a paragraph.
    for (const doc of ['    code\n\n2) The tower is tall.\n', '    -\n\n10. The tower is tall.\n', '\tcode\n\n\n3. The tower is tall.\n']) {
      assert.deepEqual(blockCuts(doc, 1), [0, doc.length], JSON.stringify(doc));
      assert.deepEqual(markdownUnits(doc, 'always', 1), markdownUnits(doc, 'always', Infinity), JSON.stringify(doc));
    }
    const doc = '    code\n\n1. The tower is tall.\n\n- It is iron.\n';
    assert.equal(blockCuts(doc, 1).length, 4, 'an item that starts at 1, or a bullet, is cut before');
  });

  it('extractClaimsPaced gives what extractClaims gives, and stops on a fired signal', async () => {
    const doc = Array.from({ length: 400 }, (_, i) => `The [tower](https://e.x/${i}) is ${300 + i} metres tall [${(i % 9) + 1}]. It was built by [Eiffel][e] in ${1800 + i}.`).join('\n\n') + '\n\n[e]: https://e.x/eiffel\n';
    assert.deepEqual((await extractClaimsPaced(doc)).claims, extractClaims(doc));
    const stopped = new AbortController();
    stopped.abort();
    await assert.rejects(extractClaimsPaced(doc, {}, stopped.signal), /cancel/i);
  });
});

/** Stretches of parsing: the yields of markdownSteps, plus one. */
function stretches(doc: string, size?: number): number {
  const steps = markdownSteps(doc, 'always', size);
  let n = 1;
  while (!steps.next().done) n++;
  return n;
}

// One paragraph with no blank line is cut at line ends too: the parses of the runs of lines must join into the parse
// of the whole, whatever crosses a line end.
const LINE_PIECES = [
  'The Nile', ' is long. ', 'Dr. Smith', '\n', '\n', '\nIt ', '\nand ', '`a.', 'b`', '``', '[link', '](http://a.b/c', ')', ' "T.\nt")', '[e]', '[^1]', '![img',
  '*', '**', '_', '~', '~~', '<span', '>', '</span>', '<!--', '-->', '<https://a.b/c>', 'http://a.b/c`d', 'www.x.y', '\\', '\\[', '  \n', '\n> ',
  '\n- ', '\n1. ', '\n===\n', '\n---\n', '\n| a | b |\n|---|---|\n', '東京は首都です。', '\nこれは', '"', "'", '(', '\n[e]: /u', '\n\n', '\r\n', '\t',
  '    ', '&amp;', '\n```\nCode\n', '<div>\n', '\n[^1]: Note\n',
];

/** Line ends that each block of the document may be cut at. */
function lineCutCount(doc: string, size: number): number {
  const cuts = blockCuts(doc, size);
  return cuts.slice(0, -1).reduce((n, at, k) => n + lineCuts(doc.slice(at, cuts[k + 1]), size).length, 0);
}

// Lines where nothing crosses a line end or a space (an unmatched "*" or "_" could: the grader reads a claim without
// the marks that pair; one between spaces pairs with nothing).
const PLAIN_LINE_PIECES = [
  'The Nile', ' is long. ', 'Dr. Smith', '\n', '\nIt ', '\nand ', '`a.b`', '[link](http://a.b/c)', ' *x* ', ' **y** ', ' _z_ ', ' ~~d~~ ', '東京は首都です。',
  '\nこれは', '3.5', 'e.g. ', '&amp;', 'http://a.b/c ', '<https://a.b/c> ', ' * ', ' snake_case ', '![img](y.png)', '<br>', ' <b>bold</b> ',
];

describe('A long paragraph parsed a run of lines at a time', () => {
  it('gives the units and view of one parse of the whole, for any document', () => {
    let cut = 0;
    for (const doc of randomDocuments([...LINE_PIECES, ...PLAIN_LINE_PIECES], 11, 250, 80)) {
      const whole = markdownUnits(doc, 'always', Infinity);
      for (const size of [1, 30]) {
        cut += lineCutCount(doc, size);
        assert.deepEqual(markdownUnits(doc, 'always', size), whole, JSON.stringify(doc));
      }
    }
    assert.ok(cut > 500, `paragraphs were cut (${cut} line ends)`);
  });

  it('keeps every cut where nothing crosses a line end', () => {
    let cut = 0;
    for (const doc of randomDocuments(PLAIN_LINE_PIECES, 5, 150, 80)) {
      const whole = markdownUnits(doc, 'always', Infinity);
      for (const size of [1, 30]) {
        const lines = lineCutCount(doc, size);
        cut += lines;
        assert.equal(stretches(doc, size), blockCuts(doc, size).length - 1 + lines, JSON.stringify(doc));
        assert.deepEqual(markdownUnits(doc, 'always', size), whole, JSON.stringify(doc));
      }
    }
    assert.ok(cut > 500, `paragraphs were cut (${cut} line ends)`);
  });

  it('parses 300 KB of one dense paragraph in many short stretches, as one unit', () => {
    const lines = [
      'The [tower](http://a.b/c) is *very* tall and **heavy**, see `code.x` and http://example.com/x.',
      '東京は日本の[首都](http://a.b/t)です。人口は**約1400万人**で、`東京都`が管理する。',
      'It rose 3.5% in 2021[^1] as Dr. Smith said; _emph_ and ~~del~~ too.',
    ];
    const para = (n: number): string => Array.from({ length: n }, (_, i) => lines[i % lines.length]).join('\n') + '\n';
    const big = para(4_200);
    assert.ok(big.length > 300_000);
    assert.ok(stretches(big) > 50, 'parsed in stretches');
    assert.deepEqual(markdownUnits(big, 'always').units, [{ start: 0, end: big.length - 1, kind: 'prose' }]);
    // As the whole parse, where that is still quick.
    const mid = para(500);
    assert.ok(stretches(mid) > 5);
    assert.deepEqual(markdownUnits(mid, 'always'), markdownUnits(mid, 'always', Infinity));
  });

  it('joins what crosses a cut line, and parses whole what may cross it', () => {
    const cases: [string, string][] = [
      ['a sentence across lines', 'The Eiffel Tower was built\nin 1889 for the fair. It is 330 m tall\nand made of iron.'],
      ['a code span over two lines', 'The call `foo.\nbar()` returns. It is fast\nand safe.'],
      ['a link over two lines', 'See [the tower\nof Paris](http://a.b/c) now. Then\nmore text.'],
      ['a link title on the next line', 'See [the tower](http://a.b/c\n"T. t") now. Then\nmore text.'],
      ['a link destination on the next line', 'See [the tower](\nhttp://a.b/c "T. t") now. Then\nmore text.'],
      ['a full reference whose label goes on', 'See [the tower][\ntower] now. Then\nmore text.\n\n[tower]: http://a.b/c\n'],
      ['a reference label over two lines', 'See [Eiffel\nTower] now. It is tall.\nReally.\n\n[Eiffel Tower]: http://a.b/c\n'],
      ['emphasis across lines', 'It is *very\ntall* and **very\nheavy**. Really\nso.'],
      ['a Japanese sentence across lines', '東京は日本の\n首都です。人口は\n約1400万人です。'],
      ['a list item with lazy lines', '- The tower is tall.\nIt was built in 1889.\nIt is iron.\n- Next item here.\nMore text.'],
      ['a paragraph in a quote', '> The tower is tall.\n> It was built in 1889.\nA lazy line.\n> It is iron.\nEnd here.'],
      ['inline HTML over two lines', 'A <span\nclass="x">tag</span> here. And <!-- a\ncomment --> there.\nEnd.'],
      ['an unmatched bracket closed far on', 'See [the\ntower is tall.\nIt is iron.\nIt is old](http://a.b/c) now.'],
      ['a bare URL after an unmatched bracket', 'See [the\ntower at http://a.b/`c.\nIt is` tall.\nIt is old.'],
      ['a setext underline after a long paragraph', 'The tower is tall.\nIt was built in 1889.\nIt is iron.\n===\nNext.'],
      ['a table after paragraph lines', 'The tower is tall.\nIt was built.\na | b\n--|--\nc. d | e\n'],
      ['a definition whose title goes on', '[e]: http://a.b/c "the\ntower\nis tall"\nText here.\nMore.'],
      ['a definition with a backslash at a label line end', 'Intro.\n\n[a\\\nb]: /u\n"the\ntower\nis tall"\nText [a\\\nb] here.\nMore.'],
      ['a hard break', 'The tower is tall.  \nIt was built.\\\nIt is iron.\nThe end.'],
      ['a fenced code block', '```\nThe tower\nis tall.\nIt is.\n```\nText here.\nMore.'],
    ];
    for (const [name, doc] of cases) {
      const whole = markdownUnits(doc, 'always', Infinity);
      for (const size of [1, 4, 12]) assert.deepEqual(markdownUnits(doc, 'always', size), whole, `${name} (${size})`);
    }
    // Where nothing crosses the line end, the paragraph is cut there.
    assert.ok(stretches(cases[0]![1], 4) > 2);
    assert.ok(stretches(cases[6]![1], 4) > 2);
  });
});

// A long paragraph in a list item or a quote (lazy lines too), or one long line, is cut as well: at line ends after
// container marks, and at spaces inside a line. The piece after a cut is parsed after an opener ("- x", "> x").
const CONTAINER_PIECES = [
  'The Nile', ' is long. ', 'Dr. Smith', ' and ', ' x ', 'word ', '\n', '\n', '\n> ', '\n> ', '\n>', '\n- ', '\n  ', '\n   ', '\n    ', '\n1. ', '\n2) ', '\n* ',
  '\n> - ', '\n> > ', '\n  > ', '\n  - ', '\n\n', '`a.', 'b`', '` c `', '[link', '](http://a.b/c', ')', ' "T.\nt")', '[e]', '[^1]', '*', '**', '_', '~~', '<span',
  '>', '</span>', '<!--', '-->', '<https://a.b/c>', 'http://a.b/c`d', 'www.x.y ', '\\', '  \n', '\n===\n', '\n---\n', '\n| a | b |\n|---|---|\n', 'a | b',
  '\n|---|---|', '\n--|--', '東京は首都です。', '\nこれは', '"', '(', '\n[e]: /u', '\r\n', '\t', '&amp;', '\n```\nCode\n', '\n> ```\n', '<div>\n', '\n[^1]: Note\n',
  '[ ] ', '[x] ', '- [ ] task ', '# ', '\n# ', '    ', 'Term\n: def',
];

describe('A long paragraph in a list item, a quote or one line, parsed a run at a time', () => {
  it('gives the units and view of one parse of the whole, for any document', () => {
    let cut = 0;
    for (const doc of randomDocuments(CONTAINER_PIECES, 5, 300, 80)) {
      const whole = markdownUnits(doc, 'always', Infinity);
      for (const size of [1, 5, 30]) {
        cut += lineCutCount(doc, size);
        assert.deepEqual(markdownUnits(doc, 'always', size), whole, JSON.stringify(doc));
      }
    }
    assert.ok(cut > 2000, `paragraphs were cut (${cut} cuts)`);
  });

  const line = (i: number): string =>
    ['The [tower](http://a.b/c) is *very* tall and **heavy**, see `code.x` and http://example.com/x.', '東京は日本の[首都](http://a.b/t)です。人口は**約1400万人**で、`東京都`が管理する。', 'It rose 3.5% in 2021[^1] as Dr. Smith said; _emph_ and ~~del~~ too.'][i % 3]!;
  const shapes: [string, (n: number) => string][] = [
    ['a list item', (n) => `- ${Array.from({ length: n }, (_, i) => line(i)).join('\n  ')}\n`],
    ['a list item with lazy lines', (n) => `1. ${Array.from({ length: n }, (_, i) => line(i)).join('\n')}\n`],
    ['a quote', (n) => Array.from({ length: n }, (_, i) => `> ${line(i)}`).join('\n') + '\n'],
    ['a list item in a quote', (n) => `> - ${Array.from({ length: n }, (_, i) => (i ? (i % 5 === 2 ? '' : '>   ') : '') + line(i)).join('\n')}\n`],
    ['one line', (n) => `${Array.from({ length: n }, (_, i) => line(i)).join(' ')}\n`],
    ['one line in a list item', (n) => `- ${Array.from({ length: n }, (_, i) => line(i)).join(' ')}\n`],
  ];
  for (const [name, doc] of shapes) {
    it(`parses 100 KB of ${name} in many short stretches, as one unit, and as the whole parse where that is quick`, () => {
      const big = doc(1_400);
      assert.ok(big.length > 100_000);
      // Every cut kept: no stretch parsed again as a longer one.
      const cuts = lineCutCount(big, BLOCK_CHARS);
      assert.ok(cuts > 20, `cut (${cuts} cuts)`);
      assert.equal(stretches(big), cuts + 1, 'parsed in stretches');
      const units = markdownUnits(big, 'always').units;
      assert.equal(units.length, 1);
      assert.equal(units[0]!.end, big.length - 1);
      const mid = doc(500);
      assert.ok(stretches(mid) > 5);
      assert.deepEqual(markdownUnits(mid, 'always'), markdownUnits(mid, 'always', Infinity));
    });
  }

  it('does not cut where a part alone reads otherwise (QA cases)', () => {
    const cases: [string, string][] = [
      ['an item marker alone ("1. " does not interrupt a paragraph when empty)', 'The tower is tall\n1. It was built in 1889 and is iron.\nMore.'],
      ['a task box alone ("- [ ] " is no task)', '- [ ] The tower is tall and was built in 1889.\n- [x] It is iron and old.'],
      ['a table header row cut in two', 'The tower is tall.\nIt was | built in 1889\n--|--\nc. d | e\n'],
      ['a header row after a lazy line in a quote', '> The tower is tall.\nIt was | built in 1889\n> --|--\n'],
      // At size 1 the first parses around "|\n-" do not join: "d g[^1]" is parsed again after another opener, with the
      // footnote's stand-in again (the stand-in it was first parsed with is not a definition of its own).
      ['a footnote call in a piece parsed again', '```\n```\n[^1]:\n\n|\n-\n d g[^1]'],
      ['a list item in a quote, its lines lazy or not', '> - The tower is tall\n>   and it was built\nin 1889 of iron.\n> - Next item\n'],
      ['an indented line in a list item', '- The tower is tall\n      and it was built\n  in 1889 of iron.\n'],
      ['a quote mark that opens a nested quote', '> The tower is tall\n> > and it was built\n> in 1889 of iron.\n'],
      ['a code fence in a quote', '> The tower is tall\n> ```\n> and it was built\n> ```\n> in 1889 of iron.\n'],
    ];
    for (const [name, doc] of cases) {
      const whole = markdownUnits(doc, 'always', Infinity);
      for (const size of [1, 3, 8, 20]) assert.deepEqual(markdownUnits(doc, 'always', size), whole, `${name} (${size})`);
    }
  });
});
