// The files a document's `claimcheck: references=` directive names are references, not documents: the CLI leaves
// them out of the documents it finds, as Check Workspace does (one rule, core/directives.ts).
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { claimcheck, ensureBuilt, workspace, type JsonReportOut } from './helpers';

before(ensureBuilt);

const json = (stdout: string): JsonReportOut => JSON.parse(stdout) as JsonReportOut;
const paths = (stdout: string): string[] => json(stdout).files.map((f) => f.path);

const FACTS = '# Notes\n\nThe Springfield factory employs 450 people.\nAcme sells its widgets in 12 countries.\n';
const ANSWER = (refs: string): string => `<!-- claimcheck: references=${refs} -->\n\nThe Springfield factory employs 450 people.\n`;

describe('claimcheck check: files a directive names are references, not documents', () => {
  it('a file named by a directive is not checked, nor said to have no references', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('notes.md'), 'docs/notes.md': FACTS });
    const r = claimcheck(['check', 'docs', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['docs/a.md']);
    assert.doesNotMatch(r.stderr, /notes\.md/);
    // In text the summary counts the documents only.
    const text = claimcheck(['check', 'docs'], dir);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^1 file, 1 claim/m);
  });

  it('with --refs too: the file a directive names is not checked as a document', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('notes.md'), 'docs/notes.md': FACTS });
    const r = claimcheck(['check', 'docs', '--refs', 'refs', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['docs/a.md']);
  });

  it('a directive may name a folder or a glob, also one in another folder of documents', () => {
    const files = { 'notes/one.md': FACTS, 'notes/two.txt': 'Acme sells its widgets in 12 countries.\n', 'docs/other.md': 'Acme Widgets was founded in 1987 in Springfield.\n' };
    for (const refs of ['../notes', '../notes/*']) {
      const dir = workspace({ ...files, 'docs/a.md': ANSWER(refs) });
      const r = claimcheck(['check', 'docs', 'notes', '--refs', 'refs', '-f', 'json'], dir);
      assert.equal(r.code, 0, `${refs}: ${r.stderr}`);
      assert.deepEqual(paths(r.stdout), ['docs/a.md', 'docs/other.md'], refs);
    }
  });

  it('a document named by another document is that one\'s reference only, as in Check Workspace', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('b.md'), 'docs/b.md': `<!-- claimcheck: references=../refs/acme.md -->\n\n${FACTS}` });
    const r = claimcheck(['check', 'docs', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['docs/a.md']);
    assert.equal(json(r.stdout).files[0]!.claims[0]!.evidence[0]!.source, 'docs/b.md');
  });

  it('a file named on the command line is checked even when a directive names it: the user asked for it', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('notes.md'), 'docs/notes.md': FACTS });
    const r = claimcheck(['check', 'docs', 'docs/notes.md', '--refs', 'refs', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['docs/a.md', 'docs/notes.md']);
    // Named without references of its own, it is said as any named document is, and fails the run.
    const bare = claimcheck(['check', 'docs/a.md', 'docs/notes.md'], dir);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /docs\/notes\.md: has no references to check against/);
  });

  it('--out is refused where it names a file a directive names, as a reference --refs names is; elsewhere it is written', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('notes.md'), 'docs/notes.md': FACTS, 'docs/b.md': ANSWER('../refs') });
    symlinkSync(join(dir, 'docs/notes.md'), join(dir, 'notes-link.md'));
    // Found in a folder, named on its own, under another name, named by a folder the directive names.
    for (const [args, out, read] of [
      [['check', 'docs'], 'docs/notes.md', 'docs/notes.md'],
      [['check', 'docs/a.md'], 'docs/notes.md', 'docs/notes.md'],
      [['check', 'docs'], 'notes-link.md', 'docs/notes.md'],
      [['check', 'docs/b.md'], 'refs/acme.md', 'refs/acme.md'],
    ] as const) {
      const kept = readFileSync(join(dir, read), 'utf8');
      const r = claimcheck([...args, '--out', out], dir);
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assert.equal(r.stderr, `claimcheck: --out ${out} is a file this run reads, and writing there would overwrite it. Name another file for --out\n`);
      assert.equal(readFileSync(join(dir, read), 'utf8'), kept, `${read} is as it was`);
    }
    // Control: a report elsewhere, also in the folder of documents, is written and the references kept.
    for (const out of ['report.json', 'docs/report.json']) {
      const r = claimcheck(['check', 'docs', '-f', 'json', '--out', out], dir);
      assert.equal(r.code, 0, `${out}: ${r.stderr}`);
      assert.deepEqual(paths(readFileSync(join(dir, out), 'utf8')), ['docs/a.md', 'docs/b.md']);
      assert.equal(readFileSync(join(dir, 'docs/notes.md'), 'utf8'), FACTS);
    }
  });

  it('a refused --out is said alone: no other input\'s problem is said, nor any reference read, before it', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('notes.md'), 'docs/notes.md': FACTS, 'empty.md': '' });
    const refusal = (out: string): string => `claimcheck: --out ${out} is a file this run reads, and writing there would overwrite it. Name another file for --out\n`;
    // A path that names nothing, an empty reference, a document that is also a reference: each has a line of its own
    // in a run that goes ahead (control), none in one refused for its --out.
    const args = ['check', 'docs', 'missing.md', 'refs/acme.md', '--refs', 'refs', '--refs', 'empty.md', '--coverage', '-f', 'sarif'];
    const ran = claimcheck([...args, '--out', 'report.sarif'], dir);
    assert.equal(ran.code, 2, ran.stderr);
    for (const said of [/coverage/, /missing\.md/, /empty\.md/, /refs\/acme\.md/]) assert.match(ran.stderr, said);
    // A directive's reference, one --refs names, and one that cannot be used (empty) but is still read.
    for (const out of ['docs/notes.md', 'refs/acme.md', 'empty.md']) {
      const r = claimcheck([...args, '--out', out], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, refusal(out));
    }
  });

  it('a directive path that names nothing is said once, and fails the run', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('missing.md'), 'docs/b.md': ANSWER('../refs/acme.md') });
    const r = claimcheck(['check', 'docs', '-f', 'json'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.match(/docs\/missing\.md/g)?.length, 1, r.stderr);
    assert.match(r.stderr, /docs\/missing\.md: .*not found/);
    assert.deepEqual(paths(r.stdout), ['docs/b.md']);
  });

  it('documents that name only each other leave nothing to check: each is said, then "nothing could be checked"', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('b.md'), 'docs/b.md': ANSWER('a.md') });
    const r = claimcheck(['check', 'docs'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /docs\/a\.md: a document's claimcheck: references= directive names it, so it is read as a reference, not checked/);
    assert.match(r.stderr, /docs\/b\.md: a document's claimcheck: references= directive names it/);
    assert.match(r.stderr, /nothing could be checked/);
  });

  it('standard input\'s directive names references too, and the text is still read once and checked', () => {
    const dir = workspace({ 'docs/a.md': ANSWER('../refs/acme.md'), 'docs/notes.md': FACTS });
    const r = claimcheck(['check', '-', 'docs', '-f', 'json'], dir, {}, ANSWER('docs/notes.md'));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['<stdin>', 'docs/a.md']);
  });
});
