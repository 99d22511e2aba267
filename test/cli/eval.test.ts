import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { claimcheck, CLI, ensureBuilt, workspace } from './helpers';

const statMode = (path: string): number => statSync(path).mode & 0o777;

before(ensureBuilt);

const FACTS = 'Acme Widgets was founded in 1987 in Springfield. The Springfield factory employs 450 people.';
const rows = [
  { id: 'a1', dataset: 'acme', reference: FACTS, response: 'The Springfield factory employs 450 people.', label: 'supported' },
  { id: 'a2', dataset: 'acme', reference: ['Acme sells its widgets in 12 countries.', FACTS], response: 'Acme Widgets was founded in 1987 in Springfield.', label: 'supported' },
  { id: 'a3', dataset: 'acme', reference: FACTS, response: 'Penguins drink hot coffee every morning in the Sahara desert.', label: 'unsupported' },
  { id: 7, dataset: 'fuji', reference: 'Mount Fuji is 3,776 metres tall.', response: 'Mount Fuji is 3,776 metres tall.', label: 'supported', extra: { ignored: true } },
  { id: 'n1', reference: FACTS, response: 'The Springfield factory employs 450 people.' },
];
/** The rows alone, each a good one. */
const CLEAN = `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
/** The rows with two lines that are no row among them: line 3 is not JSON, line 7 has no response. */
const DATA = `${rows.slice(0, 2).map((r) => JSON.stringify(r)).join('\n')}\n{not json\n${rows.slice(2).map((r) => JSON.stringify(r)).join('\r\n')}\n{"id": "x", "reference": "r"}\n\n`;

interface Prediction {
  id: string;
  verdict: string;
  score: number;
  claims: { start: number; end: number; verdict: string; confidence: number }[];
}

describe('claimcheck eval', () => {
  it('writes one prediction per valid row to --out and prints metrics per dataset with a confusion matrix; lines that are no row fail the run (exit 2)', () => {
    const dir = workspace({ 'data.jsonl': DATA });
    const r = claimcheck(['eval', 'data.jsonl', '--out', 'pred.jsonl'], dir);
    // Rows left out would make a CI job measure fewer rows and pass: the metrics stand, the exit code says so.
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^claimcheck: 2 lines of the data could not be read as a row \(see above\); the other rows were graded$/m);
    const predictions = readFileSync(join(dir, 'pred.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Prediction);
    assert.deepEqual(predictions.map((p) => p.id), ['a1', 'a2', 'a3', '7', 'n1']);
    for (const [i, p] of predictions.entries()) {
      assert.deepEqual(Object.keys(p), ['id', 'verdict', 'score', 'claims']);
      assert.ok(p.score >= 0 && p.score <= 1);
      assert.ok(p.claims.length > 0);
      for (const c of p.claims) assert.ok(rows[i]!.response.slice(c.start, c.end).length > 0);
    }
    assert.equal(predictions[0]!.verdict, 'supported');
    assert.equal(predictions[1]!.verdict, 'supported');
    assert.equal(predictions[2]!.verdict, 'unsupported');
    assert.match(r.stdout, /^acme: 3 rows, balanced accuracy/m);
    assert.match(r.stdout, /^fuji: 1 row, balanced accuracy/m);
    assert.match(r.stdout, /^all: 4 rows/m);
    assert.match(r.stdout, /confusion/);
    assert.match(r.stdout, /F1/);
    assert.match(r.stdout, /^5 of 5 rows graded \(grader: offline\); 2 lines not read \(see the messages above\)$/m);
    // Bad rows are named by line and skipped; the run goes on.
    assert.match(r.stderr, /data\.jsonl:3: not valid JSON\. Fix or remove the line/);
    assert.match(r.stderr, /data\.jsonl:7: "response" must be a string\. Fix or remove the row/);
    // Control: the same rows without the bad lines pass.
    const clean = claimcheck(['eval', 'clean.jsonl', '--out', 'pred.jsonl'], workspace({ 'clean.jsonl': CLEAN }));
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /^5 of 5 rows graded \(grader: offline\)$/m);
    const ja = claimcheck(['eval', 'data.jsonl', '--lang', 'ja'], dir);
    assert.equal(ja.code, 2, ja.stderr);
    assert.match(ja.stderr, /^claimcheck: データのうち 2 行を読み込めませんでした \(上記参照\)。ほかの行は判定しました$/m);
  });

  it('--help names every exit 2 of eval, a line that is no row among them, in English and Japanese', () => {
    // A user reading why a CI job failed with 2 finds the reason there, not only in the README.
    const dir = workspace({ 'data.jsonl': DATA });
    assert.equal(claimcheck(['eval', 'data.jsonl'], dir).code, 2);
    const exitCodes = (lang: string): string => claimcheck(['--help', '--lang', lang], dir).stdout.replace(/\s+/g, ' ');
    assert.match(exitCodes('en'), /\(eval: a data file could not be read or holds a line that is not a row, or no row could be graded\)/);
    assert.match(exitCodes('ja'), /\(eval: 読めないデータファイルか行として読めない行あり、または判定できた行なし\)/);
  });

  it('without --out (or with --out -), stdout is pure JSONL and the metrics go to stderr', () => {
    for (const out of [[], ['--out', '-']]) {
      const dir = workspace({ 'data.jsonl': CLEAN });
      const r = claimcheck(['eval', 'data.jsonl', ...out], dir);
      assert.equal(r.code, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 5);
      for (const l of lines) JSON.parse(l);
      assert.match(r.stderr, /acme: 3 rows, balanced accuracy/);
      assert.equal(existsSync(join(dir, '-')), false);
    }
  });

  it('eval - reads the rows from standard input, named "<stdin>" in what it says', () => {
    const r = claimcheck(['eval', '-', '--out', 'pred.jsonl'], workspace(), {}, DATA);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /^acme: 3 rows, balanced accuracy/m);
    assert.match(r.stdout, /^5 of 5 rows graded \(grader: offline\); 2 lines not read/m);
    assert.match(r.stderr, /^claimcheck: <stdin>:3: not valid JSON\. Fix or remove the line$/m);
    const empty = claimcheck(['eval', '-'], workspace());
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /^claimcheck: <stdin>: is empty\./m);
  });

  it('an id is optional (the line number stands in) and a label in capitals is the same label', () => {
    const line = (o: object): string => JSON.stringify(o);
    const data = [
      line({ reference: 'The factory employs 450 people.', response: 'The factory employs 450 people.', label: 'SUPPORTED' }),
      line({ reference: 'The factory employs 450 people.', response: 'The factory employs 900 people.', label: ' Unsupported ' }),
    ].join('\n');
    const r = claimcheck(['eval', 'd.jsonl'], workspace({ 'd.jsonl': data }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as Prediction).id), ['1', '2']);
    assert.match(r.stderr, /^d: 2 rows, balanced accuracy 100\.0%/m);
    assert.doesNotMatch(r.stderr, /is not "supported"/);
    // An unknown label is graded, not measured: no line goes unread.
    const maybe = claimcheck(['eval', 'm.jsonl'], workspace({ 'm.jsonl': line({ reference: 'The factory employs 450 people.', response: 'It employs 450 people.', label: 'maybe' }) }));
    assert.match(maybe.stderr, /label "maybe" is not "supported", "unsupported" or "contradicted"; the row is graded but not measured/);
    assert.match(maybe.stderr, /^1 of 1 row graded \(grader: offline\)$/m);
    assert.equal(maybe.code, 0, maybe.stderr);
  });

  it('takes folders (their .jsonl files, below too) and quoted globs as check takes documents, each file once', () => {
    const half = (from: number, to: number): string => `${rows.slice(from, to).map((r) => JSON.stringify(r)).join('\n')}\n`;
    const dir = workspace({ 'data/a.jsonl': half(0, 3), 'data/more/b.jsonl': half(3, 5), 'data/notes.md': 'Not data.\n', 'data/.hidden/c.jsonl': half(0, 1) });
    const ids = (r: { stdout: string }): string[] => r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as Prediction).id);
    const folder = claimcheck(['eval', 'data'], dir);
    assert.equal(folder.code, 0, folder.stderr);
    assert.deepEqual(ids(folder), ['a1', 'a2', 'a3', '7', 'n1']);
    assert.match(folder.stderr, /^5 of 5 rows graded \(grader: offline\)$/m);
    const glob = claimcheck(['eval', 'data/**/*.jsonl', 'data/a.jsonl'], dir);
    assert.equal(glob.code, 0, glob.stderr);
    assert.deepEqual(ids(glob), ['a1', 'a2', 'a3', '7', 'n1']);
    // Control: a file named on its own, whatever its name, is read as before.
    const named = claimcheck(['eval', 'data/.hidden/c.jsonl'], dir);
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(ids(named), ['a1']);
  });

  it("an earlier run's predictions in the folder eval reads are left out, and said where nothing else is read", () => {
    const dir = workspace({ 'data/a.jsonl': CLEAN });
    for (let run = 0; run < 2; run++) {
      const r = claimcheck(['eval', 'data', '--out', 'data/pred.jsonl'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(join(dir, 'data/pred.jsonl'), 'utf8').trimEnd().split('\n').length, 5);
    }
    const only = workspace({ 'out/pred.jsonl': '{"id": "a1"}\n' });
    const r = claimcheck(['eval', 'out', '--out', 'out/pred.jsonl'], only);
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      "claimcheck: out/pred.jsonl: is the file --out writes (an earlier run's output), so it is not read",
      'claimcheck: no row could be read (see the messages above)',
    ]);
    // Control: named on its own, it is refused as --out, as before.
    const namedOut = claimcheck(['eval', 'out/pred.jsonl', '--out', 'out/pred.jsonl'], only);
    assert.equal(namedOut.code, 2);
    assert.match(namedOut.stderr, /is a file this run reads, and writing there would overwrite it/);
  });

  it('a missing file, a folder, or a file without one valid row, exits 2', () => {
    const dir = workspace({ 'bad.jsonl': '{"id": 1}\n' });
    const missing = claimcheck(['eval', 'none.jsonl'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /none\.jsonl: not found/);
    // A folder without data files.
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/notes.md'), 'Not data.\n');
    const folder = claimcheck(['eval', 'data/'], dir);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^claimcheck: data\/: holds no \.jsonl file\. Name the data files to grade$/m);
    assert.match(claimcheck(['eval', 'data/', '--lang', 'ja'], dir).stderr, /^claimcheck: data\/: \.jsonl のファイルがありません。判定するデータファイルを指定してください$/m);
    const glob = claimcheck(['eval', 'data/*.jsonl'], dir);
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /^claimcheck: data\/\*\.jsonl: matches no file\./m);
    const bad = claimcheck(['eval', 'bad.jsonl'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.jsonl:1: "response" must be a string/);
    assert.match(bad.stderr, /no row could be read/);
    assert.equal(claimcheck(['eval'], dir).code, 2);
  });

  it('a data file that cannot be read among others: the rest are graded and measured, and the run exits 2', () => {
    const dir = workspace({ 'data.jsonl': DATA });
    const r = claimcheck(['eval', 'data.jsonl', 'mistyped.jsonl', '--out', 'pred.jsonl'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(readFileSync(join(dir, 'pred.jsonl'), 'utf8').trimEnd().split('\n').length, 5);
    assert.match(r.stdout, /^acme: 3 rows, balanced accuracy/m);
    assert.match(r.stderr, /^claimcheck: mistyped\.jsonl: not found/m);
    assert.match(r.stderr, /^claimcheck: a data file could not be read \(see above\); the rows of the others were graded$/m);
    const ja = claimcheck(['eval', 'data.jsonl', 'mistyped.jsonl', 'data/', '--lang', 'ja'], dir);
    assert.equal(ja.code, 2, ja.stderr);
    assert.match(ja.stderr, /^claimcheck: データファイル 2 件を読めませんでした \(上記参照\)。ほかのファイルの行は判定しました$/m);
  });

  it('reads a data file of 200,000 rows (their spread into one list overflowed the stack)', () => {
    const row = JSON.stringify({ reference: 'The factory employs 450 people.', response: 'The factory employs 450 people.' });
    const dir = workspace({ 'big.jsonl': `${row}\n`.repeat(200_000) });
    // An endpoint that is down fails the first rows and the run gives up on the rest: every row read, none graded.
    const r = claimcheck(['eval', 'big.jsonl', '--grader', 'openai', '--base-url', 'http://127.0.0.1:9/v1', '--no-cache', '--timeout', '1'], dir);
    assert.doesNotMatch(r.stderr, /call stack/);
    assert.match(r.stderr, /^claimcheck: 200000 of 200000 rows not graded: /m);
    assert.equal(r.code, 2, r.stderr);
  });

  it('--out makes its folder, as check --out does: a finished run, perhaps a paid one, is not thrown away', () => {
    const dir = workspace({ 'data.jsonl': CLEAN });
    const r = claimcheck(['eval', 'data.jsonl', '--out', 'reports/today/pred.jsonl'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'reports', 'today', 'pred.jsonl'), 'utf8').trimEnd().split('\n').length, 5);
    // A path that cannot be a file still says so, naming it as given.
    mkdirSync(join(dir, 'taken'));
    for (const out of ['taken', 'taken/', 'new/']) {
      const taken = claimcheck(['eval', 'data.jsonl', '--out', out], dir);
      assert.equal(taken.code, 2);
      assert.equal(taken.stderr, `claimcheck: --out ${out} names a folder: name the file to write, in it or elsewhere\n`);
    }
    // Not a file named "new" made instead.
    assert.equal(existsSync(join(dir, 'new')), false);
  });

  it('--out naming a data file (or the config) is refused before any row is graded: the predictions would overwrite it', () => {
    const dir = workspace({ 'data.jsonl': DATA, 'more.jsonl': DATA });
    const r = claimcheck(['eval', 'more.jsonl', 'data.jsonl', '--out', './data.jsonl'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, 'claimcheck: --out ./data.jsonl is a file this run reads, and writing there would overwrite it. Name another file for --out\n');
    assert.equal(readFileSync(join(dir, 'data.jsonl'), 'utf8'), DATA);
  });

  it('a refused --out is said alone: the config\'s warnings and notes on unused flags wait for a run that goes ahead (QA: they came first)', () => {
    const dir = workspace({ 'data.jsonl': CLEAN, '.claimcheck.json': '{"refrences": []}' });
    const r = claimcheck(['eval', 'data.jsonl', '--model', 'gpt-x', '--out', 'data.jsonl'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, 'claimcheck: --out data.jsonl is a file this run reads, and writing there would overwrite it. Name another file for --out\n');
    // Control: a run that goes ahead says them.
    const ran = claimcheck(['eval', 'data.jsonl', '--model', 'gpt-x', '--out', 'pred.jsonl'], dir);
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stderr, /unknown key "refrences" is ignored/);
    assert.match(ran.stderr, /--model/);
  });

  it('names each data file as the command line named it, and says each file\'s problems together, in the order of the command line (QA: absolute here, relative there; missing files first)', () => {
    const dir = workspace({ 'data/a.jsonl': DATA, 'data/b.jsonl': '{not json\n', 'run/.keep': '' });
    const cwd = join(dir, 'run');
    const lines = (r: { stderr: string }): string[] => r.stderr.split('\n').filter((l) => /^claimcheck: .*(jsonl|\*)/.test(l));
    // A folder beside the current one, and a missing file named the same way: both as given, not one of them absolute.
    const beside = claimcheck(['eval', '../data', '../data/missing.jsonl'], cwd);
    assert.equal(beside.code, 2, beside.stderr);
    assert.deepEqual(lines(beside), [
      'claimcheck: ../data/a.jsonl:3: not valid JSON. Fix or remove the line',
      'claimcheck: ../data/a.jsonl:7: "response" must be a string. Fix or remove the row',
      'claimcheck: ../data/b.jsonl:1: not valid JSON. Fix or remove the line',
      'claimcheck: ../data/missing.jsonl: not found. Check the path',
    ]);
    // A glob, a file named by its absolute path, and what names nothing first: each in its place on the command line.
    const absolute = join(dir, 'data', 'b.jsonl');
    const mixed = claimcheck(['eval', 'nothing/*.jsonl', '../data/*.jsonl', absolute, 'missing.jsonl'], cwd);
    assert.equal(mixed.code, 2, mixed.stderr);
    assert.deepEqual(lines(mixed), [
      'claimcheck: nothing/*.jsonl: matches no file. Check the glob, and quote it so the shell does not expand it',
      'claimcheck: ../data/a.jsonl:3: not valid JSON. Fix or remove the line',
      'claimcheck: ../data/a.jsonl:7: "response" must be a string. Fix or remove the row',
      'claimcheck: ../data/b.jsonl:1: not valid JSON. Fix or remove the line',
      'claimcheck: missing.jsonl: not found. Check the path',
    ]);
    // Control: a file named on its own, absolute, is named so.
    assert.deepEqual(lines(claimcheck(['eval', absolute], cwd)), [`claimcheck: ${absolute}:1: not valid JSON. Fix or remove the line`]);
  });

  it('--out that cannot be made fails before any row is graded, with exit 2: under a file, under /proc', () => {
    const dir = workspace({ 'data.jsonl': DATA });
    const file = claimcheck(['eval', 'data.jsonl', '--out', 'data.jsonl/pred.jsonl'], dir, {}, '', 15_000);
    assert.equal(file.code, 2, file.stderr);
    assert.equal(file.stdout, '', 'no metrics: nothing was graded');
    assert.equal(file.stderr, 'claimcheck: cannot write data.jsonl/pred.jsonl: data.jsonl is a file, not a folder. Choose another --out path\n');
    if (process.platform !== 'linux') return;
    const proc = claimcheck(['eval', 'data.jsonl', '--out', '/proc/claimcheck-x/pred.jsonl'], dir, {}, '', 15_000);
    assert.equal(proc.code, 2, `killed after 15 s: ${proc.stderr}`);
    assert.match(proc.stderr, /^claimcheck: cannot write \/proc\/claimcheck-x\/pred\.jsonl: cannot make the folder \/proc\/claimcheck-x \(E[A-Z]+\)\./);
  });
  // /dev/stdout is a link to what stdout is: the file the shell redirected it to, or a pipe (which has no path).
  it('--out /dev/stdout is standard output: the predictions there, whole, and the metrics on stderr, not lost (QA)', { skip: process.platform !== 'linux' }, () => {
    const dir = workspace({ 'data.jsonl': CLEAN });
    const predictions = (text: string): string[] => text.trimEnd().split('\n').map((l) => (JSON.parse(l) as Prediction).id);
    // To a file: it was renamed over, and the metrics went to the file the shell still held, deleted.
    const redirected = spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" eval data.jsonl --out /dev/stdout > pred.jsonl`], { cwd: dir, encoding: 'utf8' });
    assert.equal(redirected.status, 0, redirected.stderr);
    assert.deepEqual(predictions(readFileSync(join(dir, 'pred.jsonl'), 'utf8')), ['a1', 'a2', 'a3', '7', 'n1']);
    assert.match(redirected.stderr, /^5 of 5 rows graded \(grader: offline\)$/m);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.claimcheck-')), [], 'no temporary file left');
    // To a pipe: the write failed (ENOENT), the run thrown away.
    const piped = claimcheck(['eval', 'data.jsonl', '--out', '/dev/stdout'], dir);
    assert.equal(piped.code, 0, piped.stderr);
    assert.deepEqual(predictions(piped.stdout), ['a1', 'a2', 'a3', '7', 'n1']);
    assert.match(piped.stderr, /^acme: 3 rows, balanced accuracy/m);
  });

  it('--out naming a pipe (/dev/stderr piped, a FIFO) is written in place, not replaced', { skip: process.platform !== 'linux' }, () => {
    const dir = workspace({ 'data.jsonl': CLEAN });
    // /dev/stderr of a pipe: a link to "pipe:[...]", which names no file to make a temporary one beside. (The shell's
    // pipe: the test's own are sockets, which cannot be opened by name at all.)
    const piped = spawnSync('sh', ['-c', `{ "${process.execPath}" "${CLI}" eval data.jsonl --out /dev/stderr 2>&1 >/dev/null; echo $? > rc; } | cat > got`], { cwd: dir, encoding: 'utf8' });
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(readFileSync(join(dir, 'rc'), 'utf8'), '0\n', readFileSync(join(dir, 'got'), 'utf8'));
    assert.equal(readFileSync(join(dir, 'got'), 'utf8').trimEnd().split('\n').filter((l) => l.startsWith('{"id"')).length, 5);
    const fifo = spawnSync('sh', ['-c', `mkfifo p && { cat p > from-fifo & } && "${process.execPath}" "${CLI}" eval data.jsonl --out p && wait`], { cwd: dir, encoding: 'utf8' });
    assert.equal(fifo.status, 0, fifo.stderr);
    assert.equal(readFileSync(join(dir, 'from-fifo'), 'utf8').trimEnd().split('\n').length, 5);
    assert.ok(statSync(join(dir, 'p')).isFIFO(), 'still a FIFO');
  });

  it('--out naming a read-only file fails before any row is graded, with exit 2, and leaves the file as it was', { skip: process.platform === 'win32' }, () => {
    const dir = workspace({ 'data.jsonl': CLEAN });
    writeFileSync(join(dir, 'pred.jsonl'), 'kept\n');
    chmodSync(join(dir, 'pred.jsonl'), 0o444);
    const r = claimcheck(['eval', 'data.jsonl', '--out', 'pred.jsonl'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '', 'no metrics: nothing was graded');
    assert.equal(r.stderr, 'claimcheck: cannot write pred.jsonl: it is read-only. Make it writable, or choose another --out path\n');
    assert.equal(readFileSync(join(dir, 'pred.jsonl'), 'utf8'), 'kept\n');
    assert.equal(statMode(join(dir, 'pred.jsonl')), 0o444);
    // Control: made writable again, it is replaced as before.
    chmodSync(join(dir, 'pred.jsonl'), 0o644);
    assert.equal(claimcheck(['eval', 'data.jsonl', '--out', 'pred.jsonl'], dir).code, 0);
    assert.equal(readFileSync(join(dir, 'pred.jsonl'), 'utf8').trimEnd().split('\n').length, 5);
  });
});
