// Deeply nested input: one such file must neither crash the run (stack overflow) nor hang it (the Markdown
// parser is superlinear in container depth); it is read some other way, or becomes that file's problem.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractClaims } from '../../src/core/claims';
import { CancelledError } from '../../src/core/errors';
import { loadReferences } from '../../src/core/references';
import { checkFiles } from '../../src/core/run';
import type { Grader, Judgement } from '../../src/core/types';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-nesting-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Supported when retrieval found a passage; `fail` throws for the claims it names. */
function fakeGrader(fail: (claim: string) => Error | undefined = () => undefined): Grader {
  return {
    info: { id: 'offline' },
    usage: () => ({ requests: 0, promptTokens: 0, completionTokens: 0 }),
    grade: async (requests) =>
      requests.map((r): Judgement => {
        const err = fail(r.claim.text);
        if (err) throw err;
        return { verdict: r.passages.length ? 'supported' : 'unsupported', confidence: 0.9, evidence: [], reason: 'fake' };
      }),
  };
}

/** Thousands of levels: far past what a recursive walk survives on any host. */
const DEEP_QUOTE = `${'>'.repeat(20_000)} The tower is 900 metres tall.\n`;
const DEEP_HTML = `${'<div>'.repeat(20_000)}The tower is 330 metres tall.${'</div>'.repeat(20_000)}`;
const REF = '# Tower\n\nThe tower is 330 metres tall. It was completed in 1889.\n';

function staircase(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- x${i} is 5.\n`).join('');
}

describe('deeply nested documents', () => {
  it('a quote 20,000 levels deep yields its claim with the exact range', () => {
    const claims = extractClaims(DEEP_QUOTE);
    assert.deepEqual(claims.map((c) => c.text), ['The tower is 900 metres tall.']);
    assert.equal(DEEP_QUOTE.slice(claims[0]!.start, claims[0]!.end), 'The tower is 900 metres tall.');
  });

  it('a list 1,500 levels deep is read as plain text, ranges exact; 100 levels still go through the parser', () => {
    const text = staircase(1500);
    const claims = extractClaims(text);
    assert.equal(claims.length, 1500);
    claims.forEach((c, i) => {
      assert.equal(c.text, `x${i} is 5.`);
      assert.equal(text.slice(c.start, c.end), c.text);
    });
    // Under the limit nothing changes: the parser skips the heading (plain text would check it).
    const moderate = extractClaims(`# The tower is 330 metres tall.\n\n${staircase(100)}`);
    assert.deepEqual(moderate.map((c) => c.text), Array.from({ length: 100 }, (_, i) => `x${i} is 5.`));
  });
});

describe('deeply nested references and per-file failures', () => {
  it('an HTML reference nested 20,000 deep is a problem naming it; the other references load', async () => {
    const cwd = tempDir({ 'deep.html': DEEP_HTML, 'ok.md': REF });
    const loaded = await loadReferences(['deep.html', 'ok.md'], { cwd });
    assert.deepEqual(loaded.files, ['ok.md']);
    assert.ok(loaded.passages.length > 0);
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0]!.file, 'deep.html');
    assert.match(loaded.problems[0]!.message, /^deep\.html: nests HTML elements too deeply to read.*\. \S/);
    assert.doesNotMatch(loaded.problems[0]!.message, /\n/);
  });

  it('checkFiles checks every document while a deep reference is skipped', async () => {
    const cwd = tempDir({ 'deep.html': DEEP_HTML, 'ok.md': REF, 'good.md': 'The tower is 330 metres tall.\n', 'deep.md': DEEP_QUOTE });
    const result = await checkFiles({ cwd, files: ['good.md', 'deep.md'], grader: fakeGrader(), referencesFor: () => ['deep.html', 'ok.md'] });
    assert.deepEqual(result.files.map((f) => [f.path, f.findings.map((x) => x.text)]), [
      ['good.md', ['The tower is 330 metres tall.']],
      ['deep.md', ['The tower is 900 metres tall.']],
    ]);
    assert.deepEqual(result.problems.map((p) => p.file), ['deep.html']);
  });

  it('an unexpected error in one document is that document’s problem; the others are checked', async () => {
    const cwd = tempDir({ 'ok.md': REF, 'a.md': 'The tower is 330 metres tall.\n', 'b.md': 'It was completed in 1889.\n' });
    const grader = fakeGrader((claim) => (claim.includes('1889') ? new RangeError('Maximum call stack size exceeded') : undefined));
    const result = await checkFiles({ cwd, files: ['a.md', 'b.md'], grader, referencesFor: () => ['ok.md'] });
    assert.deepEqual(result.files.map((f) => f.path), ['a.md']);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]!.file, 'b.md');
    assert.match(result.problems[0]!.message, /^b\.md: could not be checked: Maximum call stack size exceeded\. \S/);
    assert.equal(result.cancelled, false);
  });

  it('cancellation still stops the run rather than becoming a problem', async () => {
    const cwd = tempDir({ 'ok.md': REF, 'a.md': 'The tower is 330 metres tall.\n' });
    for (const err of [new CancelledError(), new DOMException('The operation was aborted.', 'AbortError')]) {
      const result = await checkFiles({ cwd, files: ['a.md'], grader: fakeGrader(() => err), referencesFor: () => ['ok.md'] });
      assert.deepEqual(result.problems, []);
      assert.equal(result.cancelled, true);
    }
  });
});
