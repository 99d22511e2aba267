// Spawns the built CLI: a deeply nested document or reference must not take the other files down with it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { claimcheck, claimsOf, ensureBuilt, workspace, type JsonReportOut } from './helpers';

before(ensureBuilt);

describe('claimcheck check: deeply nested input', () => {
  it('checks the good file and the deep quote, and reports the deep HTML reference in one line', () => {
    const dir = workspace({
      'deep.md': `${'>'.repeat(20_000)} The Springfield factory employs 450 people.\n`,
      'deep.html': `${'<div>'.repeat(20_000)}The Springfield factory employs 9,000 people.${'</div>'.repeat(20_000)}`,
    });
    const r = claimcheck(['check', 'answers/good.md', 'deep.md', '--refs', 'refs/acme.md', 'deep.html', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReportOut;
    assert.deepEqual(claimsOf(report, 'answers/good.md').map((c) => c.verdict), ['supported', 'supported']);
    const deep = claimsOf(report, 'deep.md');
    assert.deepEqual(deep.map((c) => c.text), ['The Springfield factory employs 450 people.']);
    assert.equal(readFileSync(join(dir, 'deep.md'), 'utf8').slice(deep[0]!.start, deep[0]!.end), deep[0]!.text);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^claimcheck: deep\.html: nests HTML elements too deeply to read.*\. \S/);
    assert.equal(report.summary.problems.length, 1);
  });
});
