// The one rule for what a folder or a glob stands for (core/walk.ts), used by the CLI's documents, the references and
// Check Workspace: hidden files and folders and node_modules below where the walk starts are left out.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { mayHoldReference, patternCovers, referenceFilesIn, skippedInWalk, splitGlob, walkFolder, walkGlob } from '../../src/core/walk';

const FILES = [
  'a.md',
  '.draft.md',
  'docs/b.md',
  'docs/.hidden.md',
  'docs/.github/template.md',
  '.venv/lib/readme.txt',
  'node_modules/pkg/readme.md',
  'docs/node_modules/x.md',
  'docs/sub/c.txt',
  'docs/a.b/d.md',
];

function tree(root: string, files: readonly string[] = FILES): string {
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), 'x\n');
  }
  return root;
}

/** Every file below `dir`, hidden ones too, relative with forward slashes. */
function everything(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const rel = under ? `${under}/${e.name}` : e.name;
    return e.isDirectory() ? everything(dir, rel) : [rel];
  });
}

describe('walk: the rule', () => {
  it('skips hidden files and folders and node_modules at any depth; a dot inside a name is no hidden name', () => {
    for (const p of ['.draft.md', 'docs/.hidden.md', 'docs/.github/template.md', '.venv/lib/readme.txt', 'node_modules/pkg/readme.md', 'docs/node_modules/x.md', 'docs\\.github\\t.md']) {
      assert.equal(skippedInWalk(p), true, p);
    }
    for (const p of ['a.md', 'docs/b.md', 'docs/sub/c.txt', 'docs/a.b/d.md', 'node_modules.md', 'docs/my.node_modules/x.md']) assert.equal(skippedInWalk(p), false, p);
  });

  it('skips node_modules in any letter case, as a folder walk did already: a glob walk and the editor took Node_Modules', async () => {
    for (const p of ['Node_Modules/pkg/readme.md', 'docs/NODE_MODULES/x.md', 'docs/.GIT/config.md']) assert.equal(skippedInWalk(p), true, p);
    // Controls: the name must be the whole folder name.
    for (const p of ['Node_Modules.md', 'docs/My_Node_Modules/x.md', 'docs/node_modules2/x.md']) assert.equal(skippedInWalk(p), false, p);
    const dir = tree(mkdtempSync(join(tmpdir(), 'claimcheck-walk-')), ['a.md', 'docs/Node_Modules/pkg/x.md', 'docs/NODE_MODULES/y.md', 'docs/.GIT/z.md']);
    const rel = (files: string[]): string[] => files.map((f) => relative(dir, f).split('\\').join('/'));
    assert.deepEqual(rel(await walkGlob(dir, '**/*.md')), ['a.md']);
    assert.deepEqual(rel(await walkFolder(dir, '**/*.md')), ['a.md']);
    assert.deepEqual(rel(await walkFolder(dir, '**/*.md', { caseSensitive: false })), ['a.md']);
  });

  it('a glob is split where it starts to vary', () => {
    assert.deepEqual(splitGlob('docs/**/*.md'), { base: 'docs', rest: '**/*.md' });
    assert.deepEqual(splitGlob('*.md'), { base: '', rest: '*.md' });
    assert.deepEqual(splitGlob('.github/*.md'), { base: '.github', rest: '*.md' });
    assert.deepEqual(splitGlob('/abs/dir/{a,b}/*.md'), { base: '/abs/dir', rest: '{a,b}/*.md' });
    assert.deepEqual(splitGlob('/*.md'), { base: '/', rest: '*.md' });
    // A drive's root keeps its slash: 'C:' alone is the folder a Windows process is in on drive C, not its root.
    assert.deepEqual(splitGlob('C:/*.md'), { base: 'C:/', rest: '*.md' });
    assert.deepEqual(splitGlob('C:/docs/*.md'), { base: 'C:/docs', rest: '*.md' });
    // fast-glob's extglobs vary too: walked from a folder named '@(docs|notes)', they matched nothing.
    assert.deepEqual(splitGlob('@(docs|notes)/*.md'), { base: '', rest: '@(docs|notes)/*.md' });
    assert.deepEqual(splitGlob('docs/!(drafts)/*.md'), { base: 'docs', rest: '!(drafts)/*.md' });
    // A brace whose alternatives hold slashes varies from its first part.
    assert.deepEqual(splitGlob('docs/{a/b,c}/*.md'), { base: 'docs', rest: '{a/b,c}/*.md' });
    // A name with such a letter but no group is fixed.
    assert.deepEqual(splitGlob('docs/a+b/*.md'), { base: 'docs/a+b', rest: '*.md' });
  });

  // The walker applies the rule with fast-glob's matcher; the editor's scan with the engine's: they must agree.
  it('walkFolder takes exactly the files the rule keeps', async () => {
    const dir = tree(mkdtempSync(join(tmpdir(), 'claimcheck-walk-')));
    const walked = (await walkFolder(dir, '**/*')).map((f) => relative(dir, f).split('\\').join('/'));
    assert.deepEqual(walked, everything(dir).filter((f) => !skippedInWalk(f)).sort());
    assert.deepEqual(walked, ['a.md', 'docs/a.b/d.md', 'docs/b.md', 'docs/sub/c.txt']);
  });

  it('a folder or a glob named by its hidden name is walked, below it the rule holds; a hidden folder above the walk does not matter', async () => {
    const dir = tree(join(mkdtempSync(join(tmpdir(), 'claimcheck-walk-')), '.work', 'project'));
    const rel = (files: string[]): string[] => files.map((f) => relative(dir, f).split('\\').join('/'));
    assert.deepEqual(rel(await walkFolder(join(dir, 'docs', '.github'), '**/*.md')), ['docs/.github/template.md']);
    assert.deepEqual(rel(await walkGlob(dir, 'docs/.github/*.md')), ['docs/.github/template.md']);
    assert.deepEqual(rel(await walkGlob(dir, 'docs/**/*.md')), ['docs/a.b/d.md', 'docs/b.md']);
    assert.deepEqual(rel(await walkGlob(join(dir, 'docs'), '../*.md')), ['a.md']);
    assert.deepEqual(rel(await walkGlob('/', `${dir.split('\\').join('/')}/**/*.txt`)), ['docs/sub/c.txt']);
    assert.deepEqual(rel(await walkGlob(dir, '@(docs|.venv)/*.md')), ['docs/b.md']);
    assert.deepEqual(rel(await walkGlob(dir, 'docs/!(sub)/*.md')), ['docs/a.b/d.md']);
  });
});

// A file created in a reference folder changes what its pattern names: the editor marks results read through that
// pattern out of date, as it does for an edited reference.
describe('walk: patternCovers', () => {
  const cwd = join(tmpdir(), 'claimcheck-covers', 'ws');
  const covers = (pattern: string, path: string, kind?: 'file' | 'folder'): boolean => patternCovers(cwd, pattern, join(cwd, path), kind);

  it('a file named, a file or folder below a folder named, a folder above either; relative or absolute', () => {
    assert.equal(covers('refs/a.md', 'refs/a.md'), true);
    assert.equal(covers('refs', 'refs/new.md'), true);
    assert.equal(covers('refs', 'refs/sub/deep/new.txt'), true);
    assert.equal(covers('refs', 'refs/sub'), true);
    assert.equal(covers('refs', 'refs'), true);
    assert.equal(covers('refs/manuals', 'refs'), true, 'a folder above the pattern, created or deleted with it');
    assert.equal(covers(join(cwd, '..', 'outside'), '../outside/new.md'), true);
    assert.equal(covers('../outside', '../outside/new.md'), true);
  });

  it('a glob: what it matches below its fixed part, and folders there that may hold matches', () => {
    assert.equal(covers('refs/**/*.md', 'refs/sub/new.md'), true);
    assert.equal(covers('refs/*.md', 'refs/new.md'), true);
    assert.equal(covers('refs/**/*.md', 'refs/sub'), true);
  });

  it('controls: a file beside the pattern, beside a named file, unmatched by the glob, or where the walk skips', () => {
    assert.equal(covers('refs', 'notes.md'), false);
    assert.equal(covers('refs', 'refs-old/a.md'), false);
    assert.equal(covers('refs/a.md', 'refs/b.md'), false);
    assert.equal(covers('refs/*.md', 'refs/new.txt'), false);
    assert.equal(covers('refs/*.md', 'refs/sub/new.md'), false);
    assert.equal(covers('refs', 'refs/.hidden.md'), false);
    assert.equal(covers('refs', 'refs/node_modules/x.md'), false);
    assert.equal(covers('../outside', 'answer.md'), false);
  });

  it('a created path looked at: a file no reference kind (LICENSE, a picture) below a folder or glob is none; a folder is one, dot or not', () => {
    assert.equal(covers('refs', 'refs/LICENSE', 'file'), false);
    assert.equal(covers('refs/**/*.md', 'refs/LICENSE', 'file'), false);
    assert.equal(covers('refs', 'refs/map.png', 'file'), false);
    assert.equal(covers('refs', 'refs/sub', 'folder'), true);
    assert.equal(covers('refs/**/*.md', 'refs/v1.2', 'folder'), true);
    assert.equal(covers('refs', 'refs/new.md', 'file'), true);
    assert.equal(covers('refs/**/*.md', 'refs/sub/new.md', 'file'), true);
    // Named itself, any kind is what it names.
    assert.equal(covers('refs/LICENSE', 'refs/LICENSE', 'file'), true);
  });

  it('a deleted path (not looked at): a name without an extension may have been a folder; a picture was no reference', () => {
    assert.equal(covers('refs/**/*.md', 'refs/LICENSE'), true);
    assert.equal(covers('refs', 'refs/map.png'), false);
    assert.equal(covers('refs/**/*.md', 'refs/v1.2'), false);
  });

  it('mayHoldReference: a reference file, a folder, or (not looked at) a name without an extension', () => {
    assert.equal(mayHoldReference('/w/a.md', 'file'), true);
    assert.equal(mayHoldReference('/w/A.HTML', undefined), true);
    assert.equal(mayHoldReference('/w/LICENSE', 'file'), false);
    assert.equal(mayHoldReference('/w/LICENSE', undefined), true);
    assert.equal(mayHoldReference('/w/v1.2', 'folder'), true);
    assert.equal(mayHoldReference('/w/map.png', undefined), false);
  });
});

describe('walk: referenceFilesIn (a folder made, or moved in with its files)', () => {
  it('the files of a reference kind below it, as a walk finds them: hidden ones and node_modules left out', () => {
    const root = mkdtempSync(join(tmpdir(), 'claimcheck-holds-'));
    for (const [rel, text] of Object.entries({ 'a.md': 'A.', 'sub/b.txt': 'B.', 'sub/deep/c.html': '<p>C.</p>', 'NOTES': 'n', 'map.png': 'p', '.hidden/d.md': 'D.', '.e.md': 'E.', 'node_modules/f.md': 'F.' })) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    assert.deepEqual(referenceFilesIn(root)?.map((f) => relative(root, f).split('\\').join('/')), ['a.md', 'sub/b.txt', 'sub/deep/c.html']);
  });

  it('controls: an empty folder, or one of other files only, holds none; past the limit, or unreadable, it is not known', () => {
    const root = mkdtempSync(join(tmpdir(), 'claimcheck-holds-'));
    mkdirSync(join(root, 'empty'));
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'other', 'NOTES'), 'n');
    writeFileSync(join(root, 'other', 'LICENSE'), 'l');
    assert.deepEqual(referenceFilesIn(join(root, 'empty')), []);
    assert.deepEqual(referenceFilesIn(join(root, 'other')), []);
    assert.equal(referenceFilesIn(join(root, 'other'), 1), undefined);
    assert.equal(referenceFilesIn(join(root, 'missing')), undefined);
  });
});
