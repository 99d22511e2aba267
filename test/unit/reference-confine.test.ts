// A reference set confined to its folder (the extension's Restricted Mode) reads nothing outside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputError } from '../../src/core/errors';
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
  const problems: InputError[] = [];
  const sets = new ReferenceSets(folder, { confine: true, onProblem: (p) => problems.push(p) });
  const set = await sets.get(['references/**', outside, '../private-notes.md']);
  assert.deepEqual(set.files, ['references/tower.md']);
  assert.deepEqual(problems.map((p) => p.file).sort(), ['../private-notes.md', outside].sort());
  assert.match(problems[0]!.message, /outside the folder/);
  await sets.get(['references/**', outside]);
  assert.equal(problems.length, 2, 'each refused pattern is reported once');
});

test('not confined (a trusted workspace, the CLI): an outside reference is read as asked', async () => {
  const { folder, outside } = layout();
  const set = await new ReferenceSets(folder).get(['references/**', outside]);
  assert.equal(set.files.length, 2);
});
