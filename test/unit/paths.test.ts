import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { displayPath } from '../../src/core/paths';

test('displayPath: relative with forward slashes inside the working folder, absolute outside it', () => {
  const cwd = resolve('/work/project');
  assert.equal(displayPath(cwd, join(cwd, 'docs', 'answer.md')), 'docs/answer.md');
  assert.equal(displayPath(cwd, join(cwd, '..other', 'x.md')), '..other/x.md', 'a folder named "..other" is inside');
  const outside = resolve('/work/elsewhere/x.md');
  assert.equal(displayPath(cwd, outside), outside);
  assert.equal(displayPath(cwd, cwd), cwd);
});
