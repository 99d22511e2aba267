// Speed and memory (issue 2, "Measure" #2): a 2,000-word answer against 1 MB of references, loading and
// indexing included; then 10x and 100x the references; then 1,000 answer files. Each scenario runs in a
// child process so its peak RSS is its own. Cost must grow linearly with the input. Last, the Markdown parse of
// 1 MB of one long paragraph (plain, in a list item, in a quote, on one line): the longest stretch is the editor's wait.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkText, indexReferences } from '../src/core/check';
import { markdownSteps } from '../src/core/claims/markdown';
import { createGrader } from '../src/core/graders';
import { loadReferences, readTextFile } from '../src/core/references';

const MB = 1024 * 1024;
/** Reference files stay well under the 5 MB per-file limit, as real references do. */
const REF_FILE_BYTES = 512 * 1024;
/** Per scenario (CLAIMCHECK_BENCH_TIMEOUT_S, default 120): the bench stays within minutes; a scenario cut off still reports its rate. */
const CHILD_TIMEOUT_MS = 1000 * Number(process.env.CLAIMCHECK_BENCH_TIMEOUT_S ?? 120);

interface Sample {
  name: string;
  refBytes: number;
  answers: number;
  words: number;
  passages: number;
  claims: number;
  loadMs: number;
  indexMs: number;
  checkMs: number;
  totalMs: number;
  /** CPU time of the child: on a busy machine it says more than the wall clock. */
  cpuMs: number;
  peakRssMB: number;
  heapMB: number;
}

// ---- Deterministic, plausible prose with numbers ----

function rng(seed: number): () => number {
  // mulberry32: small, fast, and the same text on every machine.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['The northern plant', 'The city council', 'The research team', 'The regional airline', 'The harbour authority', 'The water utility', 'The national library', 'The museum', 'The university hospital', 'The rail operator', 'The wind farm', 'The school district', 'The trading company', 'The observatory', 'The fishing cooperative', 'The software firm'];
const VERBS = ['reported', 'recorded', 'handled', 'produced', 'served', 'employed', 'shipped', 'catalogued', 'treated', 'carried', 'generated', 'enrolled', 'exported', 'measured', 'landed', 'licensed'];
const OBJECTS = ['passengers', 'tonnes of grain', 'patients', 'visitors', 'megawatt hours', 'students', 'containers', 'manuscripts', 'litres of water', 'workers', 'stars', 'kilograms of fish', 'customers', 'books', 'vehicles', 'permits'];
const PLACES = ['Springfield', 'Riverton', 'Lakeside', 'Northport', 'Elmwood', 'Ashford', 'Brookfield', 'Cedar Falls', 'Dunmore', 'Fairhaven', 'Glenwood', 'Harrow', 'Kingsbridge', 'Marlow', 'Oakridge', 'Westfield'];
const TAILS = ['after a long period of planning', 'despite a difficult winter', 'according to its annual report', 'under a new director', 'following the opening of a second site', 'with support from the regional government', 'for the first time in its history', 'while costs rose by a small margin'];

function sentence(r: () => number, i: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = Math.floor(r() * 90_000) + 100;
  const year = 1950 + Math.floor(r() * 75);
  return `${pick(SUBJECTS)} in ${pick(PLACES)} ${pick(VERBS)} ${n.toLocaleString('en-US')} ${pick(OBJECTS)} in ${year} ${pick(TAILS)} (item ${i}).`;
}

/** Markdown references: headings and paragraphs of 4–8 sentences, `bytes` in all, split across files. */
export function writeReferences(dir: string, bytes: number): string[] {
  mkdirSync(dir, { recursive: true });
  const r = rng(42);
  const sentences: string[] = [];
  let file = 0;
  let total = 0;
  let text = '';
  let i = 0;
  while (total < bytes) {
    let para = '';
    const count = 4 + Math.floor(r() * 5);
    for (let k = 0; k < count; k++) {
      const s = sentence(r, i++);
      sentences.push(s);
      para += `${s} `;
    }
    const chunk = `${i % 40 === 0 ? `## Section ${i}\n\n` : ''}${para.trim()}\n\n`;
    text += chunk;
    total += Buffer.byteLength(chunk);
    if (Buffer.byteLength(text) >= REF_FILE_BYTES || total >= bytes) {
      writeFileSync(join(dir, `ref-${String(file++).padStart(4, '0')}.md`), `# Reference ${file}\n\n${text}`);
      text = '';
    }
  }
  return sentences;
}

/**
 * One plain-text reference of `bytes`, a sentence per line and no blank line: a single block that chunking
 * cuts into thousands of passages (line numbers counted from the block's start for each one made this
 * quadratic once: a minute for 2.8 MB).
 */
export function writeLines(dir: string, bytes: number): string[] {
  mkdirSync(dir, { recursive: true });
  const r = rng(7);
  const sentences: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const s = sentence(r, i);
    sentences.push(s);
    total += Buffer.byteLength(s) + 1;
  }
  writeFileSync(join(dir, 'lines.txt'), sentences.join('\n'));
  return sentences;
}

/** An answer of about `words` words: a third copied from the references, a third with a changed number, a third new. */
export function answer(refSentences: readonly string[], words: number, seed: number): string {
  const r = rng(seed);
  const paragraphs: string[] = [];
  let para: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const kind = i % 3;
    let s: string;
    if (kind === 0) s = refSentences[Math.floor(r() * refSentences.length)]!;
    else if (kind === 1) s = refSentences[Math.floor(r() * refSentences.length)]!.replace(/\d[\d,]*/, (m) => String(Number(m.replace(/,/g, '')) + 7));
    else s = sentence(rng(seed * 1000 + i), 1_000_000 + i);
    para.push(s);
    count += s.split(/\s+/).length;
    if (para.length === 6) {
      paragraphs.push(para.join(' '));
      para = [];
    }
  }
  if (para.length) paragraphs.push(para.join(' '));
  return `# Answer\n\n${paragraphs.join('\n\n')}\n`;
}

// ---- One scenario, in a child process ----

/** One JSON line per phase on stdout, so a scenario cut off by the time limit still shows how far it got. */
async function child(dir: string, answers: string[]): Promise<void> {
  const emit = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // The same engine calls the CLI makes (run.ts): load, index once, then check each document.
  const cpu0 = cpu(); // module loading and transpiling are not part of the cost being measured
  const t0 = performance.now();
  const loaded = await loadReferences(['refs'], { cwd: dir });
  const t1 = performance.now();
  emit({ phase: 'load', loadMs: t1 - t0, passages: loaded.passages.length });
  const index = indexReferences(loaded.passages);
  const t2 = performance.now();
  emit({ phase: 'index', indexMs: t2 - t1 });
  const grader = createGrader({ kind: 'offline' });
  let claims = 0;
  let heap = process.memoryUsage().heapUsed;
  const state = (files: number): object => ({
    files,
    claims,
    checkMs: performance.now() - t2,
    totalMs: performance.now() - t0,
    cpuMs: cpu() - cpu0,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapMB: heap / MB,
  });
  for (const [i, a] of answers.entries()) {
    const text = await readTextFile(join(dir, a));
    claims += (await checkText(text, index, { grader, format: 'markdown' })).length;
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    if ((i + 1) % 50 === 0) emit({ phase: 'progress', ...state(i + 1) });
  }
  emit({ phase: 'done', ...state(answers.length) });
}

interface ChildLine {
  phase: 'load' | 'index' | 'progress' | 'done';
  loadMs?: number;
  indexMs?: number;
  passages?: number;
  files?: number;
  claims?: number;
  checkMs?: number;
  totalMs?: number;
  cpuMs?: number;
  peakRssMB?: number;
  heapMB?: number;
}

function runScenario(name: string, dir: string, refBytes: number, answers: string[], words: number, timeoutMs = CHILD_TIMEOUT_MS): Sample | string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', dir, ...answers], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 * MB,
  });
  const lines = (r.stdout ?? '').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as ChildLine);
  const merged: ChildLine = Object.assign({ phase: 'load' }, ...lines);
  const finished = lines.some((l) => l.phase === 'done');
  if (!finished && !(merged.files && merged.files > 0)) {
    const why = r.signal ? `not finished in ${timeoutMs / 1000} s (${r.signal})` : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`;
    const got = merged.indexMs !== undefined ? `; load ${(merged.loadMs! / 1000).toFixed(1)} s, index ${(merged.indexMs / 1000).toFixed(1)} s, ${merged.passages} passages` : merged.loadMs !== undefined ? `; load ${(merged.loadMs / 1000).toFixed(1)} s` : '';
    return `${name}: ${why}${got}`;
  }
  return {
    name: finished ? name : `${name} (cut at ${merged.files} files)`,
    refBytes,
    answers: merged.files ?? answers.length,
    words: Math.round((words * (merged.files ?? answers.length)) / answers.length),
    passages: merged.passages ?? 0,
    claims: merged.claims ?? 0,
    loadMs: merged.loadMs ?? 0,
    indexMs: merged.indexMs ?? 0,
    checkMs: merged.checkMs ?? 0,
    totalMs: merged.totalMs ?? 0,
    cpuMs: merged.cpuMs ?? 0,
    peakRssMB: merged.peakRssMB ?? 0,
    heapMB: merged.heapMB ?? 0,
  };
}

export async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'claimcheck-speed-'));
  const samples: Sample[] = [];
  const failures: string[] = [];
  const record = (s: Sample | string): void => {
    if (typeof s === 'string') failures.push(s);
    else {
      samples.push(s);
      console.log(`  ${s.name}: ${(s.totalMs / 1000).toFixed(2)} s, ${s.claims} claims, peak RSS ${s.peakRssMB.toFixed(0)} MB`);
    }
  };
  try {
    for (const factor of [1, 10, 100]) {
      const dir = join(root, `x${factor}`);
      const refs = writeReferences(join(dir, 'refs'), factor * MB);
      writeFileSync(join(dir, 'answer.md'), answer(refs, 2000, 7));
      record(runScenario(`2,000 words vs ${factor} MB`, dir, factor * MB, ['answer.md'], 2000));
      if (factor === 1) {
        // 1,000 documents of 50 words (two or three claims each): 25x the answer text of the first row, same references.
        const names: string[] = [];
        mkdirSync(join(dir, 'docs'));
        for (let i = 0; i < 1000; i++) {
          const name = join('docs', `a${String(i).padStart(4, '0')}.md`);
          writeFileSync(join(dir, name), answer(refs, 50, 1000 + i));
          names.push(name);
        }
        // Names go to the child on its command line: 1,000 short relative paths fit easily.
        record(runScenario('1,000 files x 50 words vs 1 MB', dir, MB, names, 50_000));
        const linesDir = join(root, 'lines');
        const lines = writeLines(join(linesDir, 'refs'), 4 * MB);
        writeFileSync(join(linesDir, 'answer.md'), answer(lines, 2000, 7));
        record(runScenario('2,000 words vs 4 MB of short lines', linesDir, 4 * MB, ['answer.md'], 2000));
        rmSync(linesDir, { recursive: true, force: true });
      }
      rmSync(dir, { recursive: true, force: true }); // 100 MB of references is enough disk for one scenario at a time
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  printTable(samples);
  for (const f of failures) console.log(`  FAILED ${f}`);
  longParagraphs();
}

// ---- Finding the claims of one long paragraph, in the shapes the parser reads in one stretch unless it is cut ----

/** Lines dense with links, emphasis, code, bare URLs and footnote calls: the parser's slowest text. */
const DENSE = [
  'The [tower](http://a.b/c) is *very* tall and **heavy**, see `code.x` and http://example.com/x.',
  '東京は日本の[首都](http://a.b/t)です。人口は**約1400万人**で、`東京都`が管理する。',
  'It rose 3.5% in 2021[^1] as Dr. Smith said; _emph_ and ~~del~~ too.',
];

const PARAGRAPHS: [string, (lines: string[]) => string][] = [
  ['one paragraph', (ls) => `${ls.join('\n')}\n`],
  ['one list item', (ls) => `- ${ls.join('\n  ')}\n`],
  ['one quote', (ls) => `${ls.map((l) => `> ${l}`).join('\n')}\n`],
  ['one line', (ls) => `${ls.join(' ')}\n`],
];

/** 1 MB of each shape through the Markdown parser a stretch at a time: the total, and the longest stretch (the editor's wait). */
export function longParagraphs(): void {
  const lines: string[] = [];
  for (let n = 0, i = 0; n < MB; i++) {
    lines.push(DENSE[i % DENSE.length]!);
    n += DENSE[i % DENSE.length]!.length + 1;
  }
  console.log('\n  1 MB of one paragraph dense with links (Markdown parse, in stretches):');
  for (const [name, shape] of PARAGRAPHS) {
    const text = shape(lines);
    const steps = markdownSteps(text, 'always');
    const t0 = performance.now();
    let stretches = 1;
    let longest = 0;
    for (let t = t0; ; stretches++) {
      const done = steps.next().done;
      const now = performance.now();
      longest = Math.max(longest, now - t);
      t = now;
      if (done) break;
    }
    console.log(`    ${name}: ${((performance.now() - t0) / 1000).toFixed(2)} s in ${stretches} stretches, the longest ${longest.toFixed(0)} ms`);
  }
}

function printTable(samples: readonly Sample[]): void {
  const head = ['scenario', 'passages', 'claims', 'load s', 'index s', 'check s', 'total s', 'cpu s', 'ms/claim', 'peak RSS MB', 'heap MB'];
  const rows = samples.map((s) => [
    s.name,
    String(s.passages),
    String(s.claims),
    (s.loadMs / 1000).toFixed(2),
    (s.indexMs / 1000).toFixed(2),
    (s.checkMs / 1000).toFixed(2),
    (s.totalMs / 1000).toFixed(2),
    (s.cpuMs / 1000).toFixed(2),
    (s.checkMs / Math.max(1, s.claims)).toFixed(1),
    s.peakRssMB.toFixed(0),
    s.heapMB.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  console.log(`\n${line(head)}`);
  for (const r of rows) console.log(line(r));

  // Growth against the 1 MB row: linear cost means load+index grow about as the references do (10x, 100x),
  // and checking grows with the claims, not with the references.
  const base = samples.find((s) => s.name.startsWith('2,000 words vs 1 MB'));
  if (!base) return;
  console.log('\n  growth vs 2,000 words / 1 MB:');
  for (const s of samples) {
    if (s === base) continue;
    const li = (s.loadMs + s.indexMs) / (base.loadMs + base.indexMs);
    const per = (x: Sample): number => x.checkMs / Math.max(1, x.claims);
    console.log(
      `    ${s.name}: input x${(s.refBytes / base.refBytes).toFixed(0)} refs, x${(s.claims / base.claims).toFixed(0)} claims → load+index x${li.toFixed(1)}, check x${(s.checkMs / base.checkMs).toFixed(1)} (per claim x${(per(s) / per(base)).toFixed(2)}), total x${(s.totalMs / base.totalMs).toFixed(1)}, peak RSS x${(s.peakRssMB / base.peakRssMB).toFixed(1)}`,
    );
  }
}

if (require.main === module && process.argv[2] === '--child') {
  void child(process.argv[3]!, process.argv.slice(4));
}
