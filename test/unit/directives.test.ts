// splitDirectiveReferences: the one rule, for the CLI and Check Workspace, of which candidate documents are references
// a directive names. The hosts' reading and file finding are stood in for by maps.
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { splitDirectiveReferences, type DirectiveScan } from '../../src/core/directives';

/** A folder as a map of path → text (undefined: a file the check skips); a pattern expands to the paths it starts. */
function scan(files: Record<string, string | undefined>, extra: Partial<DirectiveScan<string>> = {}): DirectiveScan<string> & { expanded: string[][] } {
  const expanded: string[][] = [];
  return {
    expanded,
    read: async (doc) => files[doc],
    resolve: (doc, ref) => posix.join(posix.dirname(doc), ref),
    expand: async (patterns) => {
      expanded.push(patterns);
      return Object.keys(files).filter((f) => patterns.some((p) => f === p || f.startsWith(`${p}/`)));
    },
    key: (doc) => doc,
    ...extra,
  };
}

const directive = (refs: string): string => `<!-- claimcheck: references=${refs} -->\nThe factory employs 450 people.\n`;

describe('splitDirectiveReferences', () => {
  it('leaves out a file or a folder\'s files that a candidate names, relative to the candidate, in order', async () => {
    const files = { 'docs/a.md': directive('notes.md, ../more'), 'docs/notes.md': 'Facts.', 'more/x.md': 'Facts.', 'docs/z.md': 'Other claims.' };
    const split = await splitDirectiveReferences(Object.keys(files), scan(files));
    assert.deepEqual(split, { documents: ['docs/a.md', 'docs/z.md'], references: ['docs/notes.md', 'more/x.md'], named: new Set(['docs/notes.md', 'more/x.md']) });
  });

  it('a candidate named by another is a reference even with claims and a directive of its own', async () => {
    const files = { 'a.md': directive('b.md'), 'b.md': directive('refs/r.md') };
    assert.deepEqual(await splitDirectiveReferences(Object.keys(files), scan(files)), { documents: ['a.md'], references: ['b.md'], named: new Set(['b.md']) });
  });

  it('a document the user named is kept; one the check skips names nothing; no directive, nothing expanded', async () => {
    const files = { 'a.md': directive('b.md'), 'b.md': 'x', 'c.md': undefined, 'd.md': 'plain' };
    const named = await splitDirectiveReferences(Object.keys(files), scan(files, { named: (d) => d === 'b.md' }));
    assert.deepEqual(named.documents, ['a.md', 'b.md', 'c.md', 'd.md']);
    // Named all the same: a file the user asked to check is still one a directive names.
    assert.deepEqual(named.named, new Set(['b.md']));
    const plain = scan({ 'a.md': 'claimcheck: is only mentioned here', 'b.md': 'x' });
    assert.deepEqual((await splitDirectiveReferences(['a.md', 'b.md'], plain)).references, []);
    assert.deepEqual(plain.expanded, []);
  });

  it('a stopped scan expands nothing', async () => {
    const files = { 'a.md': directive('b.md'), 'b.md': 'x' };
    const stopped = scan(files, { stop: () => true });
    assert.deepEqual((await splitDirectiveReferences(Object.keys(files), stopped)).references, []);
    assert.deepEqual(stopped.expanded, []);
  });
});
