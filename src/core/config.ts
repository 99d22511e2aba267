// `.claimcheck.json`: which references serve which documents, scan globs, accepted claims and grader
// options (never secrets). Shared by the CLI and the extension, so both read a file the same way.
import { readFile } from 'node:fs/promises';
import { InputError } from './errors';
import { isGlob, matchesGlob } from './glob';

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
    // "" would resolve to the folder itself: every file in it a reference, the documents too.
    const paths = Array.isArray(config.references) ? config.references : Object.values(config.references).flat();
    if (paths.some((p) => p.trim() === '')) throw new InputError(file, 'emptyReferencePath');
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

/**
 * Where an entry of the file points once the file or folder `from` is renamed or moved to `to` (both relative to
 * the file's folder, forward slashes): an entry that names it, or a file or folder inside it, follows it; any
 * other entry, and a glob (which names no one file), stays as it is.
 */
export function renamedPath(entry: string, from: string, to: string): string {
  if (isGlob(entry)) return entry;
  const p = entry.replace(/^\.\//, '');
  return p === from || p.startsWith(`${from}/`) ? `${to}${p.slice(from.length)}` : entry;
}

/** The references once `from` is renamed `to`: a document's own entry moves to its new path (merged with one already there), and reference paths follow their files. */
export function renamedReferences(references: ProjectConfig['references'], from: string, to: string): ProjectConfig['references'] {
  if (!references) return references;
  const follow = (list: readonly string[]): string[] => list.map((p) => renamedPath(p, from, to));
  if (Array.isArray(references)) return follow(references);
  const out: Record<string, string[]> = {};
  for (const [glob, list] of Object.entries(references)) {
    const key = renamedPath(glob, from, to);
    out[key] = [...new Set([...(out[key] ?? []), ...follow(list)])];
  }
  return out;
}

/**
 * Returns the new text of the config file once `from` (a file or folder, relative to the config's folder, forward
 * slashes) is renamed or moved to `to`: the entries that name it follow it (a document's references, reference
 * paths, include and exclude); undefined when none does. Keys this version does not know are kept.
 */
export function renameInConfig(text: string, from: string, to: string, file = CONFIG_FILE): string | undefined {
  const raw = parseObject(text, file);
  const { config } = parseConfig(JSON.stringify(raw), file); // refuse to edit a file that does not validate
  const next: Record<string, unknown> = { ...raw };
  if (config.references) next.references = renamedReferences(config.references, from, to);
  for (const key of ['include', 'exclude'] as const) if (config[key]) next[key] = config[key].map((p) => renamedPath(p, from, to));
  const out = serialize(next);
  return out === serialize(raw) ? undefined : out;
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
