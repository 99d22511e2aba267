// A long Markdown document is parsed a block at a time (with pauses between blocks in the editor): the result
// must be exactly that of one parse of the whole, whatever the document holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractClaims, extractClaimsPaced } from '../../src/core/claims';
import { blockCuts } from '../../src/core/claims/blocks';
import { markdownUnits } from '../../src/core/claims/markdown';
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

  it('extractClaimsPaced gives what extractClaims gives, and stops on a fired signal', async () => {
    const doc = Array.from({ length: 400 }, (_, i) => `The [tower](https://e.x/${i}) is ${300 + i} metres tall [${(i % 9) + 1}]. It was built by [Eiffel][e] in ${1800 + i}.`).join('\n\n') + '\n\n[e]: https://e.x/eiffel\n';
    assert.deepEqual(await extractClaimsPaced(doc), extractClaims(doc));
    const stopped = new AbortController();
    stopped.abort();
    await assert.rejects(extractClaimsPaced(doc, {}, stopped.signal), /cancel/i);
  });
});
