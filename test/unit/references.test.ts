import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText, indexReferences } from '../../src/core/check';
import { CancelledError, InputError } from '../../src/core/errors';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { decodeText, loadReferences, passagesFromText, readTextFile } from '../../src/core/references';
import { splitSentences } from '../../src/core/references/chunk';
import type { Finding, Passage } from '../../src/core/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'references');

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-refs-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Every line of a passage is a substring of the source line it claims to come from. */
function assertLinesVerbatim(source: string, passages: readonly Passage[]): void {
  const lines = source.split(/\r\n|\r|\n/);
  for (const p of passages) {
    p.text.split('\n').forEach((part, i) => {
      const line = lines[p.line - 1 + i];
      assert.ok(line?.includes(part), `"${part}" should be on line ${p.line + i} of ${p.source}, which is "${line}"`);
    });
  }
}

describe('passagesFromText', () => {
  it('chunks Markdown, keeping verbatim text, 1-based lines and section headings', () => {
    const md = readFileSync(join(FIXTURES, 'guide.md'), 'utf8');
    const passages = passagesFromText('guide.md', md, 'markdown');
    assertLinesVerbatim(md, passages);
    const texts = passages.map((p) => p.text);
    assert.deepEqual(texts, [
      'Saturn is the sixth planet from the Sun.\nIt is a gas giant with an average radius about nine times that of Earth.',
      'The rings are made mostly of ice particles.',
      'Saturn has 146 known moons.',
      '| Moon  | Diameter |',
      '| Titan | 5,150 km |',
      'Titan is the only moon known to have a dense atmosphere.',
    ]);
    assert.deepEqual(passages.map((p) => p.line), [8, 20, 21, 23, 25, 27]);
    assert.deepEqual(passages.map((p) => p.id), passages.map((_, i) => `guide.md#${i}`));
    assert.equal(passages[0]!.heading, 'Saturn');
    assert.equal(passages[1]!.heading, 'Rings');
    const all = texts.join(' ');
    for (const hidden of ['Front matter', 'hidden', 'comment', 'codeIsNotProse', '---']) assert.ok(!all.includes(hidden), hidden);
  });

  it('gives every passage of one long block of short lines its own line (counted from the previous passage)', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Fact ${i} is true.`).join('\n');
    const passages = passagesFromText('facts.txt', text, 'text');
    assert.ok(passages.length > 900, String(passages.length));
    assertLinesVerbatim(text, passages);
    assert.equal(passages.find((p) => p.text.startsWith('Fact 2500 '))?.line, 2501);
  });

  it('keeps line numbers right with CRLF and lone CR line endings', () => {
    const text = 'Line one of plain text.\r\nStill the first paragraph.\r\n\r\n\r\nSecond paragraph here.\r\n';
    const passages = passagesFromText('crlf.txt', text, 'text');
    assert.deepEqual(passages.map((p) => [p.line, p.text]), [
      [1, 'Line one of plain text.\nStill the first paragraph.'],
      [5, 'Second paragraph here.'],
    ]);
    assert.ok(passages.every((p) => !p.text.includes('\r')));
    const md = passagesFromText('cr.md', '# T\r\rFirst.\r\rSecond.', 'markdown');
    assert.deepEqual(md.map((p) => p.line), [3, 5]);
  });

  it('splits long paragraphs at sentence ends into overlapping passages of at most three sentences', () => {
    const sentences = Array.from({ length: 7 }, (_, i) => `Sentence number ${i + 1} talks about topic ${i + 1} at some length.`);
    const text = `Intro line.\n\n${sentences.slice(0, 4).join(' ')}\n${sentences.slice(4).join(' ')}`;
    const passages = passagesFromText('long.txt', text, 'text');
    assertLinesVerbatim(text, passages);
    assert.equal(passages[0]!.text, 'Intro line.');
    const rest = passages.slice(1);
    assert.ok(rest.length >= 3, `expected several passages, got ${rest.length}`);
    for (const p of rest) assert.ok(splitSentences(p.text).length <= 3, p.text);
    for (const s of sentences) assert.ok(rest.some((p) => p.text.includes(s)), `${s} should be in a passage`);
    // The fifth sentence starts line 4.
    const fifth = rest.find((p) => p.text.startsWith('Sentence number 5'));
    assert.equal(fifth?.line, 4);
  });

  it('caps passages at about 500 characters even without sentence ends', () => {
    const text = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const passages = passagesFromText('run-on.txt', text, 'text');
    assert.ok(passages.length >= 4);
    for (const p of passages) assert.ok(p.text.length <= 500, String(p.text.length));
    assert.equal(passages.map((p) => p.text).join(' '), text);
  });

  it('splits Japanese sentences at 。！？ without spaces', () => {
    const text = '富士山は日本一高い山です。標高は3776メートルです！本当ですか？はい。最後の噴火は1707年です。';
    assert.deepEqual(
      splitSentences(text).map(([s, e]) => text.slice(s, e)),
      ['富士山は日本一高い山です。', '標高は3776メートルです！', '本当ですか？', 'はい。', '最後の噴火は1707年です。'],
    );
    const passages = passagesFromText('fuji.txt', text, 'text');
    assert.equal(passages.length, 2);
    assert.ok(passages[1]!.text.startsWith('はい。') || passages[1]!.text.startsWith('本当ですか？'));
  });

  it('does not split English sentences after abbreviations, initials or decimals', () => {
    const text = 'Dr. Smith met J. K. Rowling in the U.S. at 3.5 p.m. on Monday. They talked, e.g. about books. Done!';
    assert.deepEqual(
      splitSentences(text).map(([s, e]) => text.slice(s, e)),
      ['Dr. Smith met J. K. Rowling in the U.S. at 3.5 p.m. on Monday.', 'They talked, e.g. about books.', 'Done!'],
    );
  });

  it('converts HTML to text, drops head, scripts and comments, and points lines at the original HTML', () => {
    const html = readFileSync(join(FIXTURES, 'html', 'tower.html'), 'utf8');
    const passages = passagesFromText('tower.html', html, 'html');
    const texts = passages.map((p) => p.text);
    assert.deepEqual(texts, [
      "The Eiffel Tower is a wrought-iron lattice tower in Paris. It was completed in 1889 for the World's Fair.",
      'Height: 330 metres',
      "Designer: Gustave Eiffel's company",
      'Roughly 7 million people visit the tower & its gardens every year.',
    ]);
    assert.deepEqual(passages.map((p) => p.line), [9, 13, 14, 17]);
    const lines = html.split('\n');
    for (const p of passages) assert.ok(lines[p.line - 1]!.includes(p.text.split(' ')[0]!.replace(/:$/, '')), p.text);
    assert.equal(passages[0]!.heading, 'Eiffel Tower');
    assert.ok(!texts.join(' ').match(/secret|color|comments|notes/));
  });

  it("points an HTML passage at the line where it starts, not at an earlier heading or word that shares its first word", () => {
    const html = [
      '<html><body>',
      '<h1>The Tower</h1>',
      '<p>The tower is',
      '330 metres tall, in Italian steel.</p>',
      '<p>It is made of <b>wrought</b>&nbsp;iron.</p>',
      '<table><tr><th>Visitors</th><td>About 7 million a year.</td></tr></table>',
      '</body></html>',
    ].join('\n');
    const passages = passagesFromText('tower.html', html, 'html');
    assert.deepEqual(
      passages.map((p) => [p.text.replace(/\s+/g, ' '), p.line]),
      [
        ['The tower is 330 metres tall, in Italian steel.', 3],
        ['It is made of wrought iron.', 5],
        ['VISITORS About 7 million a year.', 6],
      ],
    );
  });

  it('does not read Markdown syntax into HTML text', () => {
    const html = '<p>```</p>\n<p># Not a heading, just prose.</p>\n<ol><li>First step.</li><li>Second step.</li></ol>\n<p>Text after a literal fence stays.</p>';
    const texts = passagesFromText('literal.html', html, 'html').map((p) => p.text);
    assert.deepEqual(texts, ['```', '# Not a heading, just prose.', 'First step.', 'Second step.', 'Text after a literal fence stays.']);
  });
});

describe('character references in references', () => {
  it('reads them in Markdown as claims read them (not in code nor escaped), lines kept; plain text keeps them as written', () => {
    const md = '# AT&amp;T\n\nAT&amp;T was founded\nin 1885 &#10;in Boston.\n\n- The Caf&eacute; opened in `a&amp;b` 1887, not \\&amp; later.\n';
    const passages = passagesFromText('r.md', md, 'markdown');
    assert.deepEqual(passages.map((p) => [p.line, p.text, p.heading]), [
      [3, 'AT&T was founded\nin 1885  in Boston.', 'AT&T'],
      [6, 'The Caf\u00e9 opened in `a&amp;b` 1887, not \\&amp; later.', 'AT&T'],
    ]);
    // A code span runs to the next run of as many backticks; a lone one is text.
    assert.equal(passagesFromText('r.md', 'Use ``a&amp;b ` c`` or ` x &amp; y.', 'markdown')[0]?.text, 'Use ``a&amp;b ` c`` or ` x & y.');
    const text = passagesFromText('r.txt', 'AT&amp;T was founded in 1885.', 'text');
    assert.deepEqual(text.map((p) => p.text), ['AT&amp;T was founded in 1885.']);
  });

  it('lets a claim match the Markdown reference that states it, quoting the reference as it reads, on its line', async () => {
    const grader = createOfflineGrader();
    const check = async (claim: string, reference: string, kind: 'markdown' | 'text'): Promise<Finding> => {
      const index = indexReferences(passagesFromText(kind === 'markdown' ? 'refs/r.md' : 'refs/r.txt', reference, kind));
      const [f] = await checkText(claim, index, { grader });
      assert.ok(f);
      return f;
    };
    const cafe = await check('The Café de Flore opened in 1887.', '# Paris\n\nThe Caf&eacute; de Flore opened in 1887.\n', 'markdown');
    assert.equal(cafe.verdict, 'supported', cafe.reason);
    assert.deepEqual(cafe.evidence.map((e) => [e.line, e.quote]), [[3, 'The Café de Flore opened in 1887.']]);
    const low = await check('The record low is \u221240 degrees.', 'The record low is &minus;40 degrees.', 'markdown');
    assert.equal(low.verdict, 'supported', low.reason);
    const att = await check('AT&T was founded in 1885.', 'Some history.\n\nAT&amp;T was founded in 1885.', 'markdown');
    assert.deepEqual([att.verdict, att.evidence[0]?.line, att.evidence[0]?.quote], ['supported', 3, 'AT&T was founded in 1885.']);
    // In plain text "&" is only a character: "Caf&eacute;" is what the file says.
    const plain = await check('The Café de Flore opened in 1887.', 'The Caf&eacute; de Flore opened in 1887.', 'text');
    assert.equal(plain.verdict, 'unsupported', plain.reason);
  });
});

describe('readTextFile', () => {
  it('decodes UTF-8 with and without a BOM, and UTF-16 LE/BE with a BOM', async () => {
    const text = 'Fuji: 富士山 is 3,776 m.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const dir = tempDir({
      'plain.txt': text,
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'le.txt': le,
      'be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    });
    for (const f of ['plain.txt', 'bom.txt', 'le.txt', 'be.txt']) assert.equal(await readTextFile(join(dir, f)), text, f);
  });

  it('refuses bad files with a one-line message naming the file and saying what to do', async () => {
    const dir = tempDir({
      'empty.md': '',
      'blank.md': ' \n\n\t\n',
      'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'big.md': 'x'.repeat(2000),
      'le-nobom.txt': Buffer.from('The tower is 330 metres tall.\n', 'utf16le'),
    });
    const cases: [string, RegExp, number?][] = [
      ['empty.md', /empty/],
      ['blank.md', /empty/],
      ['binary.txt', /binary/],
      ['latin1.txt', /not valid UTF-8.*UTF-8/],
      ['le-nobom.txt', /UTF-16 text without a byte-order mark\. Re-save it as UTF-8/],
      ['big.md', /over the 1 KB limit/, 1024],
      ['missing.md', /not found/],
    ];
    for (const [name, pattern, limit] of cases) {
      await assert.rejects(readTextFile(join(dir, name), { displayName: name, maxFileBytes: limit }), (err: unknown) => {
        assert.ok(err instanceof InputError, name);
        assert.equal(err.file, name);
        assert.match(err.message, pattern);
        assert.ok(err.message.startsWith(`${name}: `), err.message);
        assert.ok(err.hint.length > 0 && !err.message.includes('\n'));
        return true;
      });
    }
  });

  it('tells UTF-16 saved without a BOM from binary in any script: Japanese has no zero in every other byte', () => {
    const utf16 = (text: string, bigEndian = false): Buffer => {
      const le = Buffer.from(text, 'utf16le');
      return bigEndian ? le.swap16() : le;
    };
    const japanese = '富士山は日本一高い山です。標高は3,776メートルです。\n';
    const texts: [string, Buffer][] = [
      ['ja-le.txt', utf16(japanese)],
      ['ja-be.txt', utf16(japanese, true)],
      // No ASCII at all: '一' (4E 00) and the ideographic space (00 30) are the only NULs.
      ['ja-only.txt', utf16('一　二')],
      ['zh-emoji.txt', utf16('长城很长。🧱 一百\n'.repeat(300), true)],
      ['ko.txt', utf16('한국어 문서입니다.\n')],
      ['latin-be.txt', utf16('The tower is 330 metres tall.\n', true)],
      // Controls for a stray NUL: the shortest Latin UTF-16 (NULs half the bytes), and CJK with only two NULs ('一'
      // and the newline, in different bytes of their code units), whose other bytes are no UTF-8.
      ['hi-le.txt', utf16('Hi')],
      ['hi-be.txt', utf16('Hi', true)],
      ['ja-line.txt', utf16('富士山は日本一高い山です。\n')],
      ['ja-line-be.txt', utf16('富士山は日本一高い山です。\n', true)],
    ];
    for (const [name, bytes] of texts) {
      assert.throws(() => decodeText(bytes, name), (err: unknown) => err instanceof InputError && err.kind === 'utf16WithoutBom', name);
    }
    // Seeded noise: the same bytes on every run.
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 97 === 0 ? 0 : (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff));
    const binaries: [string, Uint8Array][] = [
      ['noise.bin', noise],
      ['png.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])],
      ['utf32.txt', Buffer.from([0x41, 0, 0, 0, 0x42, 0, 0, 0])],
      ['zeros.bin', Buffer.alloc(64)],
      ['short.bin', Buffer.from([1, 2, 0, 3])],
      // One stray NUL in ASCII text: its byte pairs read as CJK, but without the NUL it is UTF-8 text.
      ['nul.md', Buffer.from('abc\0def\n')],
      ['nul-even.md', Buffer.from('abc\0defg')],
      ['nul-odd.md', Buffer.from('abc\0def')],
    ];
    for (const [name, bytes] of binaries) {
      assert.throws(() => decodeText(bytes, name), (err: unknown) => err instanceof InputError && err.kind === 'binary', name);
    }
  });
});

describe('loadReferences', () => {
  it('loads files, folders (recursively, skipping node_modules and .git) and globs, deduplicated and sorted', async () => {
    const dir = tempDir({
      'refs/b.md': '# B\n\nBee facts are here.',
      'refs/a.txt': 'Aardvark facts are here.',
      'refs/sub/c.html': '<p>Cat facts are here.</p>',
      'refs/sub/d.HTM': '<p>Dog facts are here.</p>',
      'refs/notes.pdf': '%PDF-1.4',
      'refs/node_modules/x.md': 'Skip me.',
      'refs/.git/y.md': 'Skip me too.',
      'other/e.markdown': 'Emu facts are here.',
      'other/f.md': 'Fox facts are here.',
    });
    const { passages, problems, files } = await loadReferences(['refs', 'refs/b.md', 'other/*.markdown', './refs/a.txt'], { cwd: dir });
    assert.deepEqual(problems, []);
    assert.deepEqual(files, ['other/e.markdown', 'refs/a.txt', 'refs/b.md', 'refs/sub/c.html', 'refs/sub/d.HTM']);
    assert.deepEqual(passages.map((p) => `${p.source}:${p.line}:${p.text}`), [
      'other/e.markdown:1:Emu facts are here.',
      'refs/a.txt:1:Aardvark facts are here.',
      'refs/b.md:3:Bee facts are here.',
      'refs/sub/c.html:1:Cat facts are here.',
      'refs/sub/d.HTM:1:Dog facts are here.',
    ]);
  });

  it('reads a file once under two names: a symbolic link or a hard link to it', async () => {
    const dir = tempDir({ 'refs/a.md': 'Aardvark facts are here.' });
    linkSync(join(dir, 'refs/a.md'), join(dir, 'refs/hard.md'));
    symlinkSync(join(dir, 'refs/a.md'), join(dir, 'refs/soft.md'));
    const { passages, files } = await loadReferences(['refs/a.md', 'refs/hard.md', 'refs/soft.md'], { cwd: dir });
    assert.deepEqual(files, ['refs/a.md']);
    assert.equal(passages.length, 1);
  });

  it('reports each unusable path as a problem while the other files still load', async () => {
    const dir = tempDir({
      'good.md': 'Good facts.',
      'empty.md': '',
      'binary.txt': Buffer.from([1, 2, 0, 3]),
      'latin1.txt': Buffer.from([0xe9, 0x74, 0xe9]),
      'big.md': 'y'.repeat(5000),
      'report.pdf': '%PDF',
      'code.md': '```\nonly code\n```\n',
      'emptydir/readme.rst': 'not supported',
    });
    const { passages, problems, files } = await loadReferences(
      ['good.md', 'empty.md', 'binary.txt', 'latin1.txt', 'big.md', 'report.pdf', 'missing.md', 'nothing/*.md', '*.pdf', 'emptydir', 'code.md'],
      { cwd: dir, maxFileBytes: 4096 },
    );
    assert.deepEqual(files, ['good.md']);
    assert.equal(passages.length, 1);
    const messages = problems.map((p) => p.message);
    const expect: [string, RegExp][] = [
      ['empty.md', /is empty/],
      ['binary.txt', /binary/],
      ['latin1.txt', /not valid UTF-8/],
      ['big.md', /over the 4 KB limit/],
      ['report.pdf', /unsupported file type \(\.pdf\)/],
      ['missing.md', /not found/],
      ['nothing/*.md', /matches no file/],
      ['*.pdf', /matches no \.md, \.txt or \.html file/],
      ['emptydir', /folder with no/],
      ['code.md', /no text/],
    ];
    assert.equal(problems.length, expect.length, messages.join('\n'));
    for (const [file, pattern] of expect) {
      const problem = problems.find((p) => p.file === file);
      assert.ok(problem, `a problem for ${file} in:\n${messages.join('\n')}`);
      assert.ok(problem instanceof InputError);
      assert.match(problem.message, pattern);
      assert.ok(problem.message.startsWith(`${file}: `));
    }
  });

  it('shows files outside the working folder by absolute path, inside it relative', async () => {
    const dir = tempDir({ 'inside/a.md': 'Inside facts.', 'outside/b.txt': 'Outside facts.' });
    const outside = join(dir, 'outside', 'b.txt');
    const { files, passages } = await loadReferences([outside, join(dir, 'inside', '*.md')], { cwd: join(dir, 'inside') });
    assert.deepEqual(files, [outside, 'a.md'].sort());
    assert.deepEqual(passages.map((p) => p.source).sort(), [outside, 'a.md'].sort());
  });

  it('stops with CancelledError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(loadReferences([FIXTURES], { cwd: process.cwd(), signal: controller.signal }), CancelledError);
  });

  it('loads the fixture folder with lines that match the sources', async () => {
    const { passages, problems, files } = await loadReferences([FIXTURES], { cwd: join(FIXTURES, '..') });
    assert.deepEqual(problems, []);
    assert.deepEqual(files, ['references/guide.md', 'references/html/tower.html']);
    const md = readFileSync(join(FIXTURES, 'guide.md'), 'utf8');
    assertLinesVerbatim(md, passages.filter((p) => p.source.endsWith('.md')));
  });
});
