// WatcherPool: the reference folders outside the workspace are watched once each, while a result read there; those
// no result reads any more are let go (with the sets that read there), not piled up until the settings change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WatcherPool, type WatchTarget } from '../../src/extension/watchers';

/** A pool whose watchers record when they start and stop. */
function pool(): { pool: WatcherPool; live: () => string[]; started: string[] } {
  const live = new Set<string>();
  const started: string[] = [];
  const p = new WatcherPool((t) => {
    const name = `${t.folder}:${t.glob}`;
    started.push(name);
    live.add(name);
    return { dispose: () => live.delete(name) };
  });
  return { pool: p, live: () => [...live].sort(), started };
}

const OUT1: WatchTarget = { folder: '/out1', glob: '**' };
const OUT2: WatchTarget = { folder: '/out2', glob: '**' };
const NOTE: WatchTarget = { folder: '/notes', glob: 'facts.md' };

describe('WatcherPool', () => {
  it('one watcher per target however many sets read there (control)', () => {
    const { pool: p, live, started } = pool();
    p.watch(OUT1, { key: 'a', forget: () => undefined });
    p.watch({ ...OUT1 }, { key: 'b', forget: () => undefined });
    p.keep([OUT1, OUT1], true);
    assert.deepEqual(live(), ['/out1:**']);
    assert.deepEqual(started, ['/out1:**']);
  });

  it('a folder no result reads any more is let go, and the sets that read there are forgotten; those in use stay', () => {
    const { pool: p, live } = pool();
    const forgotten: string[] = [];
    p.watch(OUT1, { key: 'doc a: /out1', forget: () => forgotten.push('a1') });
    p.watch(NOTE, { key: 'doc b: facts', forget: () => forgotten.push('b') });
    // Doc a's directive now names /out2: its result reads there, doc b's still reads facts.md.
    p.watch(OUT2, { key: 'doc a: /out2', forget: () => forgotten.push('a2') });
    p.keep([OUT2, NOTE], true);
    assert.deepEqual(live(), ['/notes:facts.md', '/out2:**']);
    assert.deepEqual(forgotten, ['a1']);
    // Results cleared: nothing is watched.
    p.keep([], true);
    assert.deepEqual(live(), []);
    assert.deepEqual(forgotten.sort(), ['a1', 'a2', 'b']);
  });

  it('while a check is in flight nothing is let go; a result\'s folder not watched yet is', () => {
    const { pool: p, live } = pool();
    p.watch(OUT1);
    p.keep([OUT2], false);
    assert.deepEqual(live(), ['/out1:**', '/out2:**']);
    p.keep([OUT2], true);
    assert.deepEqual(live(), ['/out2:**']);
    assert.deepEqual(p.targets(), [OUT2]);
  });

  it('a set read again after its folder was let go is forgotten once, when it is let go again', () => {
    const { pool: p } = pool();
    let forgotten = 0;
    for (let i = 0; i < 3; i++) p.watch(OUT1, { key: 'doc a: /out1', forget: () => forgotten++ });
    p.keep([], true);
    assert.equal(forgotten, 1);
  });

  it('dispose stops every watcher', () => {
    const { pool: p, live } = pool();
    p.watch(OUT1);
    p.watch(NOTE);
    p.dispose();
    assert.deepEqual(live(), []);
  });
});
