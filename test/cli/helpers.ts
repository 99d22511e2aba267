// Shared by the CLI tests and the report unit tests. Builds report inputs from plain text: a claim is named by its text, so tests read like the documents they check.
import Ajv2020 from 'ajv/dist/2020';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckReport, FileReport } from '../../src/core/report';
import type { Finding, Verdict } from '../../src/core/types';

export function finding(text: string, claim: string, verdict: Verdict, extra: Partial<Finding> = {}): Finding {
  const start = text.indexOf(claim);
  if (start < 0) throw new Error(`"${claim}" is not in the text`);
  return {
    text: claim,
    start,
    end: start + claim.length,
    verdict,
    confidence: 0.9,
    evidence: [{ source: 'refs/facts.md', line: 3, quote: 'The factory employs 450 people.' }],
    reason: verdict === 'supported' ? 'the reference states this' : 'reference says 450, claim says 9,000',
    ...extra,
  };
}

export function reportOf(files: FileReport[], extra: Partial<CheckReport> = {}): CheckReport {
  return { grader: { id: 'offline' }, files, usage: { requests: 0, promptTokens: 0, completionTokens: 0 }, problems: [], ...extra };
}

/** The SARIF 2.1.0 schema (vendored, see its NOTICE) compiled once; formats checked loosely, ajv-formats is not a dependency. */
export function sarifValidator(): (log: unknown) => string[] {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

// ---- Spawning the built CLI on fixtures in a temporary folder ----

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

/** `npm test` builds first; a lone `node --test` run builds here so it never spawns a missing bundle. */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

/** A temporary folder holding a copy of the CLI fixtures plus `files` (paths relative to the folder). */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-cli-'));
  cpSync(FIXTURES, dir, { recursive: true });
  rmSync(join(dir, 'README.md'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js ...args` in `cwd`, without the caller's OpenAI variables unless given; `input` is piped to its
 * stdin. A run still going after `timeoutMs` is killed (its `code` is null).
 */
export function claimcheck(args: readonly string[], cwd: string, env: Record<string, string> = {}, input = '', timeoutMs = 60_000): CliResult {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_') && k !== 'CLAIMCHECK_DEBUG'));
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8', timeout: timeoutMs, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonClaimOut {
  text: string;
  start: number;
  end: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  verdict: Verdict;
  confidence: number;
  evidence: { source: string; line: number; quote: string }[];
  reason: string;
}

export interface JsonReportOut {
  version: number;
  grader: { id: string; model: string | null };
  files: { path: string; claims: JsonClaimOut[] }[];
  summary: { files: number; claims: number; supported: number; contradicted: number; unsupported: number; notJudged: number; requests: number; problems: string[] };
}

export function claimsOf(report: JsonReportOut, path: string): JsonClaimOut[] {
  const file = report.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the report (${report.files.map((f) => f.path).join(', ')})`);
  return file.claims;
}

/**
 * Like `claimcheck`, without blocking the event loop, so an in-process test server can answer the CLI; `started`
 * gets the process, to signal it.
 */
export function claimcheckAsync(args: readonly string[], cwd: string, env: Record<string, string> = {}, started?: (child: ChildProcess) => void): Promise<CliResult> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_') && k !== 'CLAIMCHECK_DEBUG'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...clean, ...env } });
    started?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
