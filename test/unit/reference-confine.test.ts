// A reference set confined to its folder (the extension's Restricted Mode) reads nothing outside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReferenceSets } from '../../src/core/run';

function layout(): { folder: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'claimcheck-confine-'));
  const folder = join(root, 'repo');
  mkdirSync(join(folder, 'references'), { recursive: true });
  writeFileSync(join(folder, 'references', 'tower.md'), 'The tower is 330 metres tall.\n');
  const outside = join(root, 'private-notes.md');
  writeFileSync(outside, 'My bank PIN is 1234.\n');
  return { folder, outside };
}

test('confined: a reference outside the folder is reported and never read, by absolute path or by ".."', async () => {
  const { folder, outside } = layout();
  const sets = new ReferenceSets(folder, { confine: true });
  const set = await sets.get(['references/**', outside, '../private-notes.md']);
  assert.deepEqual(set.files, ['references/tower.md']);
  assert.deepEqual(set.problems.map((p) => p.file).sort(), ['../private-notes.md', outside].sort());
  assert.match(set.problems[0]!.message, /outside the folder/);
  assert.ok(!set.index.search('bank PIN', 5).length, 'nothing of the outside file was read');
  assert.equal(await sets.get(['references/**', outside, '../private-notes.md']), set, 'the same set, loaded once');
});

test('confined: a link inside the folder to a file outside it, or to a folder above it, is refused', { skip: process.platform === 'win32' }, async () => {
  const { folder, outside } = layout();
  symlinkSync(outside, join(folder, 'references', 'link.md'));
  mkdirSync(join(folder, 'linked'));
  symlinkSync(join(folder, '..'), join(folder, 'linked', 'up'));
  const set = await new ReferenceSets(folder, { confine: true }).get(['references/**', 'linked/up/*.md']);
  assert.deepEqual(set.files, ['references/tower.md']);
  assert.ok(!set.index.search('bank PIN', 5).length, 'nothing of the outside file was read');
  // One file, reached two ways (the link, a linked folder): refused once, by one of its names.
  assert.deepEqual(set.problems.filter((p) => /is outside the folder/.test(p.message)).length, 1, set.problems.map((p) => p.message).join('\n'));
  // Not confined, the link is followed as asked.
  const open = await new ReferenceSets(folder).get(['references/**']);
  assert.equal(open.files.length, 2);
});

test('confined: a glob whose alternatives lead out is refused before it walks there; a name that starts with ".." is no way out', async () => {
  const { folder } = layout();
  writeFileSync(join(folder, 'references', '..notes.md'), 'The tower is painted brown.\n');
  const set = await new ReferenceSets(folder, { confine: true }).get(['{references,..}/**/*.md', '{references,/tmp}/**/*.md', 'references/..notes.md']);
  assert.deepEqual(set.files, ['references/..notes.md']);
  assert.deepEqual(set.problems.map((p) => p.file).sort(), ['{references,..}/**/*.md', '{references,/tmp}/**/*.md']);
  for (const p of set.problems) assert.match(p.message, /is outside the folder/);
});

test('not confined (a trusted workspace, the CLI): an outside reference is read as asked', async () => {
  const { folder, outside } = layout();
  const set = await new ReferenceSets(folder).get(['references/**', outside]);
  assert.equal(set.files.length, 2);
});
