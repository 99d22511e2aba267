// Watchers of reference folders outside the workspace: one per folder (or file) watched, kept while a result read
// there, so that they do not pile up as documents name other folders. Free of vscode, so that it can be tested on its own.

export interface Stoppable {
  dispose(): void;
}

/** What to watch: every file below `folder` (`glob` '**'), or one name in it. */
export interface WatchTarget {
  folder: string;
  glob: string;
}

const keyOf = (t: WatchTarget): string => `${t.folder}\0${t.glob}`;

export class WatcherPool {
  private readonly watching = new Map<string, { watcher: Stoppable; readers: Map<string, () => void> }>();

  constructor(private readonly start: (target: WatchTarget) => Stoppable) {}

  /**
   * Watches `target`, once however many ask. A `reader` (a loaded reference set, by a key of its own) is forgotten
   * when the target is no longer watched: changes there are no longer seen, so what it read must be read again.
   */
  watch(target: WatchTarget, reader?: { key: string; forget: () => void }): void {
    const key = keyOf(target);
    let entry = this.watching.get(key);
    if (!entry) {
      entry = { watcher: this.start(target), readers: new Map() };
      this.watching.set(key, entry);
    }
    if (reader) entry.readers.set(reader.key, reader.forget);
  }

  /**
   * Watches every target in use; with `prune`, stops watching the others. A caller prunes only while nothing is
   * being read: a check in flight may have loaded a set whose result is not published yet.
   */
  keep(inUse: Iterable<WatchTarget>, prune: boolean): void {
    const used = new Map([...inUse].map((t) => [keyOf(t), t]));
    for (const t of used.values()) this.watch(t);
    if (!prune) return;
    for (const [key, entry] of [...this.watching]) {
      if (used.has(key)) continue;
      this.watching.delete(key);
      entry.watcher.dispose();
      for (const forget of entry.readers.values()) forget();
    }
  }

  /** The targets watched now (folder and glob), for tests and the log. */
  targets(): WatchTarget[] {
    return [...this.watching.keys()].map((k) => {
      const [folder, glob] = k.split('\0') as [string, string];
      return { folder, glob };
    });
  }

  dispose(): void {
    for (const entry of this.watching.values()) entry.watcher.dispose();
    this.watching.clear();
  }
}
