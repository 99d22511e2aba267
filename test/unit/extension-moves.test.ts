// A document renamed or moved: whether the references its next check reads may differ from those it was judged
// against (then its findings show as "Moved since the last check").
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { moveChangesReferences } from '../../src/extension/moves';

test('renamed in its folder: the folder list (or the setting) and its directive paths are the same', () => {
  assert.equal(moveChangesReferences('docs/a.md', 'docs/b.md', ['references/**']), false);
  assert.equal(moveChangesReferences('a.md', 'b.md', undefined), false);
});

test('moved to another folder: its directive paths now start from there', () => {
  assert.equal(moveChangesReferences('docs/a.md', 'notes/a.md', ['references/**']), true);
  assert.equal(moveChangesReferences('a.md', 'docs/a.md', undefined), true);
});

test('renamed in its folder with references per path: changed only when the entries that match differ', () => {
  const byPath = { 'docs/*.md': ['refs/docs.md'], 'docs/faq-*.md': ['refs/faq.md'], 'docs/a.md': ['refs/a.md'] };
  // The entry that names it is renamed with it (QA: it was left under the old path, and the file read "Moved").
  assert.equal(moveChangesReferences('docs/a.md', 'docs/z.md', byPath), false, 'its own entry follows it');
  assert.equal(moveChangesReferences('docs/a.md', 'docs/faq-a.md', byPath), true, 'and a glob matches only the new path');
  assert.equal(moveChangesReferences('docs/b.md', 'docs/faq-b.md', byPath), true, 'an entry matches only the new path');
  assert.equal(moveChangesReferences('docs/b.md', 'docs/c.md', byPath), false, 'the same entries match both');
  assert.equal(moveChangesReferences('other/b.md', 'other/c.md', byPath), false, 'none matches either');
});
