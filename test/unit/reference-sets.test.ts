// ReferenceSets.forgetCovering: a file created, deleted or edited forgets the loaded sets whose patterns find it, and
// only those (the rule that leaves the editor's results out of date, walk.ts patternCovers): a new answer file must
// not throw away every loaded set and its index.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ReferenceSets } from '../../src/core/run';

/** A workspace with a reference folder, a single reference file and a folder outside it, and the sets read there. */
function loaded(): { ws: string; outside: string; sets: ReferenceSets; listed: Promise<unknown>; single: Promise<unknown>; away: Promise<unknown> } {
  const root = mkdtempSync(join(tmpdir(), 'claimcheck-sets-'));
  const ws = join(root, 'ws');
  const outside = join(root, 'outside');
  for (const dir of [join(ws, 'refs'), join(ws, 'notes'), outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(ws, 'refs', 'a.md'), 'The bridge opened in 1932.\n');
  writeFileSync(join(ws, 'notes', 'facts.md'), 'The river is 40 km long.\n');
  writeFileSync(join(outside, 'heights.md'), 'The tower is 330 metres tall.\n');
  const sets = new ReferenceSets(ws);
  // The folder "refs" as an editor lists it (file by file), a single file, and a folder outside as given.
  return { ws, outside, sets, listed: sets.get(['refs/a.md']), single: sets.get(['notes/facts.md']), away: sets.get([outside]) };
}

describe('ReferenceSets.forgetCovering', () => {
  it('a new answer file beside the references forgets no set (the same loaded sets serve the next check)', async () => {
    const { ws, sets, listed, single, away, outside } = loaded();
    await Promise.all([listed, single, away]);
    assert.equal(sets.forgetCovering(join(ws, 'answer-2.md'), 'file', ['refs']), false);
    assert.equal(sets.get(['refs/a.md']), listed);
    assert.equal(sets.get(['notes/facts.md']), single);
    assert.equal(sets.get([outside]), away);
  });

  it('a file created in a listed folder forgets the sets read from its old list, not the others', async () => {
    const { ws, sets, listed, single, away, outside } = loaded();
    await Promise.all([listed, single, away]);
    assert.equal(sets.forgetCovering(join(ws, 'refs', 'b.md'), 'file', ['refs']), true);
    assert.notEqual(sets.get(['refs/a.md']), listed);
    assert.equal(sets.get(['notes/facts.md']), single);
    assert.equal(sets.get([outside]), away);
  });

  it('a file created, edited or deleted in a folder read as given forgets its set; one beside it does not', async () => {
    const { ws, sets, listed, away, outside } = loaded();
    await Promise.all([listed, away]);
    assert.equal(sets.forgetCovering(join(ws, 'new.md'), 'file'), false);
    assert.equal(sets.forgetCovering(join(outside, 'new.md'), 'file'), true);
    assert.notEqual(sets.get([outside]), away);
    assert.equal(sets.get(['refs/a.md']), listed);
  });

  it('an edit forgets the sets that read the file; a folder deleted forgets those that read a file in it', async () => {
    const { ws, sets, listed, single } = loaded();
    await Promise.all([listed, single]);
    assert.equal(sets.forgetCovering(join(ws, 'notes', 'facts.md'), 'file'), true);
    assert.equal(sets.get(['refs/a.md']), listed);
    assert.equal(sets.forgetCovering(join(ws, 'refs'), undefined), true);
    assert.notEqual(sets.get(['refs/a.md']), listed);
  });

  it('controls: a file no reference kind (LICENSE, a picture) created in a reference folder forgets nothing', async () => {
    const { outside, sets, away } = loaded();
    await away;
    assert.equal(sets.forgetCovering(join(outside, 'LICENSE'), 'file'), false);
    assert.equal(sets.forgetCovering(join(outside, 'map.png'), 'file'), false);
    assert.equal(sets.get([outside]), away);
    // Gone before it could be looked at: it may have been a folder of references.
    assert.equal(sets.forgetCovering(join(outside, 'LICENSE'), undefined), true);
  });
});

describe('ReferenceSets.forgetHolding', () => {
  it('a path deleted that no set read (a file named NOTES, a folder of other files) forgets nothing, in a folder read as given too (QA: it forgot them)', async () => {
    const { ws, outside, sets, listed, single, away } = loaded();
    await Promise.all([listed, single, away]);
    for (const gone of [join(outside, 'NOTES'), join(outside, 'drafts'), join(ws, 'refs', 'NOTES'), join(ws, 'drafts')]) {
      assert.equal(sets.forgetHolding(gone), false, gone);
    }
    assert.equal(sets.get([outside]), away);
    assert.equal(sets.get(['refs/a.md']), listed);
  });

  it('controls: a file a set read, or a folder that held one, forgets that set and only it; so does a file a set names that could not be used', async () => {
    const { ws, outside, sets, listed, single, away } = loaded();
    await Promise.all([listed, single, away]);
    assert.equal(sets.forgetHolding(join(outside, 'heights.md')), true);
    assert.notEqual(sets.get([outside]), away);
    assert.equal(sets.get(['notes/facts.md']), single);
    assert.equal(sets.forgetHolding(join(ws, 'refs')), true);
    assert.notEqual(sets.get(['refs/a.md']), listed);
    assert.equal(sets.get(['notes/facts.md']), single);
    writeFileSync(join(ws, 'notes', 'empty.md'), '');
    const withEmpty = sets.get(['notes/empty.md', 'notes/facts.md']);
    assert.equal((await withEmpty).files.length, 1);
    assert.equal(sets.forgetHolding(join(ws, 'notes', 'empty.md')), true);
    assert.notEqual(sets.get(['notes/empty.md', 'notes/facts.md']), withEmpty);
    assert.equal(sets.get(['notes/facts.md']), single);
  });

  it('a set still loading is forgotten where its patterns find the path (what it reads is not known yet)', () => {
    const { outside, sets, away } = loaded();
    assert.equal(sets.forgetHolding(join(outside, 'NOTES')), true);
    assert.notEqual(sets.get([outside]), away);
  });
});
