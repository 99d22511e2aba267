// Content-addressed judgement cache. Key = hash(claim text, the claim's passages (ids and texts), grader id,
// model, prompt version), so re-checking unchanged text costs nothing and an edited sentence misses alone.
// Evidence is stored relative to its passage, so a passage that moved in its file still gets the right line.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { replaceFile } from './files';
import { messages } from './report/messages';
import type { ClaimFix, Evidence, GradeRequest, Grader, GraderInfo, Judgement, ReasonLanguage, Verdict } from './types';
import { VERDICTS } from './types';

/** A persisted key → JSON value map. `get`/`set` are synchronous; `flush` writes what changed. */
export interface CacheStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  flush(): Promise<void>;
}

export class MemoryCacheStore implements CacheStore {
  readonly entries = new Map<string, unknown>();
  get(key: string): unknown {
    return this.entries.get(key);
  }
  set(key: string, value: unknown): void {
    this.entries.set(key, value);
  }
  async flush(): Promise<void> {}
}

export interface JsonFileCacheOptions {
  /** Oldest entries are dropped beyond this many (default 50,000). */
  maxEntries?: number;
  log?: (message: string) => void;
  /** Language of the notices `log` gets (default English). */
  language?: ReasonLanguage;
}

const FILE_VERSION = 1;

/** The cache as one JSON file, loaded on first use and replaced atomically (temp file + rename) on flush. */
export class JsonFileCacheStore implements CacheStore {
  private entries: Map<string, unknown> | undefined;
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly options: JsonFileCacheOptions = {},
  ) {}

  get(key: string): unknown {
    const entries = this.load();
    const value = entries.get(key);
    if (value !== undefined) {
      // Most recently used last, so eviction drops the stalest entries.
      entries.delete(key);
      entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: unknown): void {
    const entries = this.load();
    entries.delete(key);
    entries.set(key, value);
    this.dirty = true;
  }

  async flush(): Promise<void> {
    if (!this.dirty || !this.entries) return;
    const max = this.options.maxEntries ?? 50_000;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(key);
    }
    mkdirSync(dirname(this.file), { recursive: true });
    replaceFile(this.file, JSON.stringify({ version: FILE_VERSION, entries: Object.fromEntries(this.entries) }));
    this.dirty = false;
  }

  private load(): Map<string, unknown> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return this.entries; // no cache yet
    }
    try {
      const data = JSON.parse(text) as { version?: unknown; entries?: unknown };
      if (data.version !== FILE_VERSION || !data.entries || typeof data.entries !== 'object') throw new Error(`unknown format`);
      this.entries = new Map(Object.entries(data.entries as Record<string, unknown>));
    } catch (err) {
      this.options.log?.(messages(this.options.language).cacheUnreadable(this.file, (err as Error).message));
    }
    return this.entries;
  }
}

/** What, besides the request, a cached judgement depends on. */
export interface CacheIdentity {
  grader: GraderInfo['id'];
  model?: string;
  promptVersion?: string;
  /** The endpoint's base URL: one model name served by two endpoints is two graders. */
  endpoint?: string;
}

export function gradeCacheKey(request: GradeRequest, id: CacheIdentity): string {
  const claim = request.claim as GradeRequest['claim'] & { sentence?: string };
  const parts = [
    'grade',
    id.grader,
    id.model ?? '',
    id.promptVersion ?? '',
    id.endpoint ?? '',
    normalise(claim.text),
    claim.sentence ? normalise(claim.sentence) : '',
    request.passages.map((p) => [p.passage.id, p.passage.text]),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

type StoredEvidence = { passageId: string; lineOffset: number; quote: string } | { source: string; line: number; quote: string };
interface StoredJudgement {
  verdict: Verdict;
  confidence: number;
  reason: string;
  evidence: StoredEvidence[];
  fix?: ClaimFix;
}

function toStored(j: Judgement, request: GradeRequest): StoredJudgement {
  const evidence = j.evidence.map((e): StoredEvidence => {
    const p = request.passages.find((s) => s.passage.id === e.passageId)?.passage;
    return p ? { passageId: p.id, lineOffset: e.line - p.line, quote: e.quote } : { source: e.source, line: e.line, quote: e.quote };
  });
  return { verdict: j.verdict, confidence: j.confidence, reason: j.reason, evidence, ...(j.fix ? { fix: j.fix } : {}) };
}

function fromStored(value: unknown, request: GradeRequest): Judgement | undefined {
  const s = value as Partial<StoredJudgement> | undefined;
  if (!s || !VERDICTS.includes(s.verdict as Verdict) || typeof s.confidence !== 'number' || typeof s.reason !== 'string' || !Array.isArray(s.evidence)) {
    return undefined;
  }
  const evidence: Evidence[] = [];
  for (const e of s.evidence as unknown[]) {
    if (!e || typeof e !== 'object') return undefined;
    if ('passageId' in e) {
      const r = e as { passageId: string; lineOffset: number; quote: string };
      const p = request.passages.find((x) => x.passage.id === r.passageId)?.passage;
      if (!p) return undefined;
      evidence.push({ source: p.source, line: p.line + r.lineOffset, quote: r.quote, passageId: p.id });
    } else {
      const { source, line, quote } = e as { source: string; line: number; quote: string };
      evidence.push({ source, line, quote });
    }
  }
  return { verdict: s.verdict!, confidence: s.confidence, reason: s.reason, evidence, ...(s.fix ? { fix: s.fix } : {}) };
}

export interface CachedGrader extends Grader {
  /** Requests answered from the cache so far. */
  hits(): number;
}

export interface WithCacheOptions {
  /** Overrides the grader's own `promptVersion` in the key. */
  promptVersion?: string;
  /** The endpoint's base URL, part of the key. */
  endpoint?: string;
  log?: (message: string) => void;
  /** Language of the notices `log` gets (default English). */
  language?: ReasonLanguage;
}

/**
 * Wraps a grader with the cache: hits are answered locally, identical misses are graded once, and every
 * judgement that did not fail is stored and flushed after the call.
 */
export function withCache(grader: Grader & { promptVersion?: string }, store: CacheStore, options: WithCacheOptions = {}): CachedGrader {
  const id: CacheIdentity = { grader: grader.info.id, model: grader.info.model, promptVersion: options.promptVersion ?? grader.promptVersion, endpoint: options.endpoint };
  let hits = 0;
  return {
    info: grader.info,
    usage: () => grader.usage(),
    hits: () => hits,
    async grade(requests: readonly GradeRequest[], signal?: AbortSignal): Promise<Judgement[]> {
      const out: (Judgement | undefined)[] = new Array(requests.length);
      const misses = new Map<string, number[]>();
      requests.forEach((request, i) => {
        const key = gradeCacheKey(request, id);
        const hit = fromStored(store.get(key), request);
        if (hit) {
          out[i] = hit;
          hits++;
        } else misses.set(key, [...(misses.get(key) ?? []), i]);
      });
      if (misses.size > 0) {
        const keys = [...misses.keys()];
        const judged = await grader.grade(
          keys.map((k) => requests[misses.get(k)![0]!]!),
          signal,
        );
        keys.forEach((key, k) => {
          const j = judged[k]!;
          const indexes = misses.get(key)!;
          for (const i of indexes) out[i] = i === indexes[0] ? j : { ...j, evidence: [...j.evidence] };
          if (!j.failed) store.set(key, toStored(j, requests[indexes[0]!]!));
        });
        await store.flush().catch((err: unknown) => options.log?.(messages(options.language).cacheNotWritten((err as Error).message)));
      }
      return out as Judgement[];
    },
  };
}
