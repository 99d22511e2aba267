// `.claimcheck.json`: which references serve which documents, scan globs, accepted claims and grader
// options (never secrets). Shared by the CLI and the extension, so both read a file the same way.
import { readFile } from 'node:fs/promises';
import { InputError } from './errors';

export const CONFIG_FILE = '.claimcheck.json';

export interface ConfigGraderOptions {
  kind?: 'offline' | 'openai';
  model?: string;
  baseURL?: string;
  timeoutMs?: number;
  maxConcurrency?: number;
  maxRequests?: number;
  cascade?: boolean;
  atomic?: boolean;
}

export interface ProjectConfig {
  /** Reference files, folders or globs for every document, or per document glob. */
  references?: string[] | Record<string, string[]>;
  /** Globs of documents a workspace scan checks, and those it skips. */
  include?: string[];
  exclude?: string[];
  /** `claimHash` of each claim the user accepted. */
  accepted?: string[];
  grader?: ConfigGraderOptions;
}

export interface ParsedConfig {
  config: ProjectConfig;
  /** Keys this version does not know: kept in the file, ignored, reported so typos get noticed (problems that stop nothing). */
  warnings: InputError[];
}

const API_KEY = /^(?:openai_?)?api_?key$/i;
const TOP_KEYS = new Set(['$schema', 'references', 'include', 'exclude', 'accepted', 'grader']);
const GRADER_TYPES: Record<keyof ConfigGraderOptions, 'string' | 'number' | 'boolean'> = {
  kind: 'string',
  model: 'string',
  baseURL: 'string',
  timeoutMs: 'number',
  maxConcurrency: 'number',
  maxRequests: 'number',
  cascade: 'boolean',
  atomic: 'boolean',
};

/** Parses and validates the file's text; throws `InputError` naming the file and the bad key. */
export function parseConfig(text: string, file = CONFIG_FILE): ParsedConfig {
  const raw = parseObject(text, file);
  const warnings: InputError[] = [];
  const config: ProjectConfig = {};
  for (const key of Object.keys(raw)) {
    // A key anywhere in the file would be committed with it: refused, not ignored.
    if (API_KEY.test(key)) throw new InputError(file, 'keyInConfig');
    if (!TOP_KEYS.has(key)) warnings.push(new InputError(file, 'unknownKey', key));
  }

  const refs = raw.references;
  if (refs !== undefined) {
    if (isStringList(refs)) config.references = [...refs];
    else if (isPlainObject(refs) && Object.values(refs).every(isStringList)) config.references = { ...(refs as Record<string, string[]>) };
    else throw new InputError(file, 'badReferences');
  }
  for (const key of ['include', 'exclude', 'accepted'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (!isStringList(v)) throw new InputError(file, 'notStringList', key);
    config[key] = [...v];
  }
  if (raw.grader !== undefined) {
    if (!isPlainObject(raw.grader)) throw new InputError(file, 'graderNotObject');
    const g: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw.grader)) {
      if (API_KEY.test(key)) throw new InputError(file, 'keyInConfig');
      // Own keys only: `constructor` or `__proto__` would otherwise find Object.prototype's members.
      const type = Object.hasOwn(GRADER_TYPES, key) ? GRADER_TYPES[key as keyof ConfigGraderOptions] : undefined;
      if (!type) {
        warnings.push(new InputError(file, 'unknownKey', `grader.${key}`));
        continue;
      }
      if (typeof value !== type) throw new InputError(file, 'wrongType', `grader.${key}`, type);
      // maxRequests 0 is "no limit", as the setting and --max-requests have it.
      const least = key === 'maxRequests' ? 0 : Number.MIN_VALUE;
      if (type === 'number' && !(Number.isFinite(value) && (value as number) >= least)) throw new InputError(file, 'notPositive', `grader.${key}`);
      // Counts of requests are whole: "maxConcurrency": 2.5 would be read as 2 without a word.
      if ((key === 'maxRequests' || key === 'maxConcurrency') && !Number.isInteger(value)) throw new InputError(file, 'notWhole', `grader.${key}`);
      g[key] = value;
    }
    if (g.kind !== undefined && g.kind !== 'offline' && g.kind !== 'openai') throw new InputError(file, 'badGraderKind');
    config.grader = g as ConfigGraderOptions;
  }
  return { config, warnings };
}

/** Reads a config file; `undefined` when it does not exist and `optional` is set. */
export async function loadConfig(path: string, options: { optional?: boolean; displayName?: string } = {}): Promise<ParsedConfig | undefined> {
  const name = options.displayName ?? path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.optional) return undefined;
    if (code === 'ENOENT') throw new InputError(name, 'configNotFound');
    throw new InputError(name, 'configUnreadable', code ?? String(err));
  }
  return parseConfig(text, name);
}

/**
 * The reference patterns the config gives one document. `docPath` is relative to the folder that holds
 * the config, with forward slashes; object keys are globs matched against that whole path.
 */
export function referencesFor(config: ProjectConfig, docPath: string): string[] {
  const refs = config.references;
  if (!refs) return [];
  if (Array.isArray(refs)) return [...refs];
  const out: string[] = [];
  for (const [glob, list] of Object.entries(refs)) if (matchesGlob(docPath, glob)) out.push(...list);
  return [...new Set(out)];
}

/** Whether a workspace scan should check `docPath` (relative, forward slashes) under include/exclude. */
export function isIncluded(config: ProjectConfig, docPath: string): boolean {
  if (config.include?.length && !config.include.some((g) => matchesGlob(docPath, g))) return false;
  return !config.exclude?.some((g) => matchesGlob(docPath, g));
}

/**
 * Returns the new text of the config file with one more accepted claim hash; `text` undefined means
 * there is no file yet. Keys this version does not know are kept.
 */
export function addAcceptedClaim(text: string | undefined, hash: string, file = CONFIG_FILE): string {
  const raw = text === undefined ? {} : parseObject(text, file);
  parseConfig(JSON.stringify(raw), file); // refuse to edit a file that does not validate
  const accepted = Array.isArray(raw.accepted) ? (raw.accepted as string[]) : [];
  if (!accepted.includes(hash)) raw.accepted = [...accepted, hash];
  return serialize(raw);
}

/**
 * Returns the new text of the config file with one more reference: for every document, or for the
 * documents matching `docGlob`. A plain list becomes `{"**": [...]}` when a glob is first given.
 */
export function addReference(text: string | undefined, reference: string, docGlob?: string, file = CONFIG_FILE): string {
  const raw = text === undefined ? {} : parseObject(text, file);
  const { config } = parseConfig(JSON.stringify(raw), file);
  const refs = config.references;
  if (docGlob === undefined && (refs === undefined || Array.isArray(refs))) {
    raw.references = [...new Set([...(refs ?? []), reference])];
  } else {
    const map: Record<string, string[]> = Array.isArray(refs) ? { '**': refs } : { ...(refs ?? {}) };
    const key = docGlob ?? '**';
    map[key] = [...new Set([...(map[key] ?? []), reference])];
    raw.references = map;
  }
  return serialize(raw);
}

export interface Directives {
  /** Reference paths named in the document, relative to the document's own folder. */
  references: string[];
}

const DIRECTIVE = /<!--\s*claimcheck:([\s\S]*?)-->/g;

/**
 * Reads `<!-- claimcheck: references=refs/a.md, refs/b.md -->` comments in a document. Several comments
 * add up; keys other than `references` (or `refs`) are ignored so later versions can add some.
 */
export function parseDirectives(text: string): Directives {
  const references: string[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    // Settings are `key=value` separated by `;` or new lines; values are comma-separated lists.
    for (const setting of m[1]!.split(/[;\n]/)) {
      const eq = setting.indexOf('=');
      if (eq < 0) continue;
      const key = setting.slice(0, eq).trim().toLowerCase();
      if (key !== 'references' && key !== 'refs') continue;
      for (const v of setting.slice(eq + 1).split(',')) {
        const ref = v.trim().replace(/^(["'])(.*)\1$/, '$2');
        if (ref && !references.includes(ref)) references.push(ref);
      }
    }
  }
  return { references };
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

function parseObject(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(file, 'notJson', err instanceof Error ? err.message : String(err));
  }
  if (!isPlainObject(raw)) throw new InputError(file, 'notObject');
  return raw;
}

function serialize(raw: Record<string, unknown>): string {
  return `${JSON.stringify(raw, null, 2)}\n`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
