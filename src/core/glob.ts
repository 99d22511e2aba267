// Globs of `.claimcheck.json` (include, exclude, per-document references), matched in linear time: the globs come
// from a repository, which must not be able to stall a check with a pathological pattern.

/** Whether a pattern is a glob rather than one path (a file or folder named as it is). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * Glob match on forward-slash paths: `**` spans folders, `*` and `?` stay within one, `{a,b}` and `[abc]` as usual.
 * A cloned repository's `.claimcheck.json` chooses the globs, so matching never backtracks: the glob is compiled
 * to an automaton and the path run through it once (time path × glob). A brace or bracket left open is a letter.
 */
export function matchesGlob(path: string, glob: string): boolean {
  return run(compileGlob(glob), [...path.replace(/\\/g, '/').replace(/^\.\//, '')]);
}

/** A state of the automaton: one character it takes (then `next`), or a fork it follows without taking any. */
type GlobState = { test: (ch: string) => boolean; next: number } | { fork: number[] };

interface GlobProgram {
  states: GlobState[];
  start: number;
  /** The state that stands for the end of the glob. */
  accept: number;
}

const globCache = new Map<string, GlobProgram>();

function compileGlob(glob: string): GlobProgram {
  const cached = globCache.get(glob);
  if (cached) return cached;
  const g = [...glob.replace(/\\/g, '/').replace(/^\.\//, '')];
  const states: GlobState[] = [];
  const add = (s: GlobState): number => states.push(s) - 1;
  const notSlash = (ch: string): boolean => ch !== '/';
  const anything = (): boolean => true;

  /** Compiles g[from, to) so that it ends in `next`; returns its entry state. Built from the end backwards. */
  function seq(from: number, to: number, next: number): number {
    const items: [number, number][] = [];
    for (let i = from; i < to; ) {
      const end = itemEnd(i, to);
      items.push([i, end]);
      i = end;
    }
    let at = next;
    for (let k = items.length - 1; k >= 0; k--) at = item(items[k]![0], items[k]![1], at);
    return at;
  }

  /** Where the item starting at g[i] ends: a `**`, a whole `{...}` or `[...]`, else one character. */
  function itemEnd(i: number, to: number): number {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') return (i === 0 || g[i - 1] === '/') && g[i + 2] === '/' && i + 3 <= to ? i + 3 : i + 2;
    if (c === '{') return (closing(i, to) ?? i) + 1;
    if (c === '[') {
      const close = g.indexOf(']', i + 1);
      return close >= 0 && close < to ? close + 1 : i + 1;
    }
    return i + 1;
  }

  /** The `}` that closes the `{` at g[i] (braces nest), or undefined when none does. */
  function closing(i: number, to: number): number | undefined {
    let depth = 0;
    for (let j = i; j < to; j++) {
      if (g[j] === '{') depth++;
      else if (g[j] === '}' && --depth === 0) return j;
    }
    return undefined;
  }

  function item(i: number, end: number, next: number): number {
    const c = g[i]!;
    if (c === '*' && end === i + 3) {
      // `**/` at a folder's start: zero or more whole folders, i.e. nothing, or anything that ends in a slash.
      const loop: { fork: number[] } = { fork: [] };
      const id = add(loop);
      loop.fork.push(add({ test: anything, next: id }), add({ test: (ch) => ch === '/', next }));
      return add({ fork: [next, id] });
    }
    if (c === '*' && end === i + 2) return star(anything, next);
    if (c === '*') return star(notSlash, next);
    if (c === '?') return add({ test: notSlash, next });
    if (c === '{' && end > i + 1) {
      // Alternatives split at the commas outside nested braces, each ending in the same state.
      const alts: number[] = [];
      let from = i + 1;
      let depth = 0;
      for (let j = i + 1; j < end - 1; j++) {
        if (g[j] === '{') depth++;
        else if (g[j] === '}') depth--;
        else if (g[j] === ',' && depth === 0) {
          alts.push(seq(from, j, next));
          from = j + 1;
        }
      }
      alts.push(seq(from, end - 1, next));
      return add({ fork: alts });
    }
    if (c === '[' && end > i + 1) return add({ test: charClass(g.slice(i + 1, end - 1)), next });
    return add({ test: (ch) => ch === c, next });
  }

  /** `*` or `**`: any run of characters the test takes, then `next`. */
  function star(test: (ch: string) => boolean, next: number): number {
    const fork: { fork: number[] } = { fork: [] };
    const loop = add(fork);
    fork.fork.push(next, add({ test, next: loop }));
    return loop;
  }

  const accept = add({ fork: [] });
  const program: GlobProgram = { states, start: seq(0, g.length, accept), accept };
  globCache.set(glob, program);
  return program;
}

/** `[abc]`, `[a-z]`, `[!a]` or `[^a]`; never a slash. A reversed range matches nothing. */
function charClass(body: string[]): (ch: string) => boolean {
  const negated = body[0] === '!' || body[0] === '^';
  const parts = negated ? body.slice(1) : body;
  const ranges: [number, number][] = [];
  for (let k = 0; k < parts.length; k++) {
    const lo = parts[k]!.codePointAt(0)!;
    if (parts[k + 1] === '-' && k + 2 < parts.length) {
      ranges.push([lo, parts[k + 2]!.codePointAt(0)!]);
      k += 2;
    } else ranges.push([lo, lo]);
  }
  return (ch) => {
    if (ch === '/') return false;
    const cp = ch.codePointAt(0)!;
    return ranges.some(([a, b]) => cp >= a && cp <= b) !== negated;
  };
}

/** Runs the automaton over the path's characters, keeping every state it could be in (no backtracking). */
function run(p: GlobProgram, chars: readonly string[]): boolean {
  let current = closure(p, [p.start]);
  for (const ch of chars) {
    const next: number[] = [];
    for (const id of current) {
      const s = p.states[id]!;
      if ('test' in s && s.test(ch)) next.push(s.next);
    }
    if (!next.length) return false;
    current = closure(p, next);
  }
  return current.includes(p.accept);
}

/** The states reachable from `ids` through forks, forks themselves left out (the accept state kept). */
function closure(p: GlobProgram, ids: readonly number[]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const s = p.states[id]!;
    if ('fork' in s && id !== p.accept) stack.push(...s.fork);
    else out.push(id);
  }
  return out;
}
