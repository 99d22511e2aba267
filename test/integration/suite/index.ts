// The mocha entry of the integration suite (the @vscode/test-electron contract: VS Code loads this
// module from `extensionTestsPath` inside the extension host and awaits `run()`).
//
// Interface: BDD (`describe` / `it` / `before` / `beforeEach` / `after` / `afterEach`, as globals or
// imported from 'mocha'). Each test file is bundled on its own by test/integration/build.mjs into
// out/integration/ next to this index.
//
// Which files run: the launcher gives each fixture workspace its own entry (entry-<workspace>.js, which
// calls runFiles); run() itself runs the files of the workspace named by CLAIMCHECK_TEST_WORKSPACE, else
// of the workspace whose name the opened folder has, else every file.
//
// Options (environment of the launcher, passed on): CLAIMCHECK_TEST_TIMEOUT (ms per test, default
// 60000), CLAIMCHECK_TEST_GREP (only tests whose full title matches), CLAIMCHECK_TEST_ALLOW_ONLY=1,
// CLAIMCHECK_TEST_RETRIES (runs again a test that failed, default 1; each retry is reported, with its error).
//
// Reporting: one line per test to the console, tagged `[claimcheck-test]` (the launcher shows only
// those), and, when CLAIMCHECK_TEST_RESULTS_DIR is set, <dir>/<workspace>.json with the counts and
// every test's outcome. run() rejects when a test failed, as the contract asks.
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const TAG = '[claimcheck-test]';

interface Manifest {
  groups: { workspace: string; untrusted: boolean; files: string[] }[];
}
interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms: number;
  error?: string;
}
export interface Results {
  workspace: string;
  passed: number;
  failed: number;
  pending: number;
  /** Tests that failed once and were run again (each counted in passed or failed by its last run). */
  retried: number;
  tests: TestOutcome[];
}

function log(line: string): void {
  // console.log in the extension host reaches the workbench log, which the launcher reads.
  console.log(`${TAG} ${line}`);
}

function manifest(): Manifest {
  const p = path.join(__dirname, 'manifest.json');
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as Manifest) : { groups: [] };
}

function errorText(err: unknown): string {
  if (err instanceof Error) return (err.stack ?? `${err.name}: ${err.message}`).split('\n').slice(0, 8).join('\n');
  return String(err);
}

/** Runs the given compiled test files (absolute paths or relative to this folder) with mocha. */
export function runFiles(workspace: string, files: string[]): Promise<void> {
  (globalThis as Record<string, unknown>).__claimcheckMocha = Mocha;
  // Stack traces point into the .ts sources (the bundles carry inline source maps).
  process.setSourceMapsEnabled?.(true);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.CLAIMCHECK_TEST_TIMEOUT ?? 60000),
    // An it.only left in a file would silently skip the rest in CI; allow it with CLAIMCHECK_TEST_ALLOW_ONLY=1.
    forbidOnly: process.env.CLAIMCHECK_TEST_ALLOW_ONLY !== '1',
    // A real window on a loaded 2-core CI machine: a file watcher or the workbench now and then reports late
    // enough to fail a test once. A retry keeps such a run green while a test that fails twice still fails, and
    // every retry is reported with its first error (RETRY line, `retried` in the results) so that flakes are seen.
    retries: Number(process.env.CLAIMCHECK_TEST_RETRIES ?? 1),
    ...(process.env.CLAIMCHECK_TEST_GREP ? { grep: process.env.CLAIMCHECK_TEST_GREP } : {}),
  });
  // No built-in reporter: the events below are the report.
  mocha.reporter(class {} as unknown as typeof Mocha.reporters.Base);
  for (const f of files) mocha.addFile(path.resolve(__dirname, f));

  const results: Results = { workspace, passed: 0, failed: 0, pending: 0, retried: 0, tests: [] };
  const write = (): void => {
    const dir = process.env.CLAIMCHECK_TEST_RESULTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${workspace}.json.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
    fs.renameSync(tmp, path.join(dir, `${workspace}.json`));
  };

  log(`workspace ${workspace}: ${files.length} file(s), folder ${vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '(none)'}, trusted ${vscode.workspace.isTrusted}`);
  return new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        results.failed = Math.max(failures, results.failed);
        log(`done ${workspace}: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending, ${results.retried} retried`);
        write();
        if (results.failed > 0) reject(new Error(`${results.failed} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // A test file that throws while loading: one failure, reported like a test.
      results.failed += 1;
      results.tests.push({ title: `(loading ${workspace} tests)`, state: 'failed', ms: 0, error: errorText(err) });
      log(`FAIL (loading ${workspace} tests)\n${errorText(err)}`);
      write();
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    runner.on('pass', (t: Mocha.Test) => {
      results.passed += 1;
      results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration ?? 0 });
      log(`ok   ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t: Mocha.Runnable, err: unknown) => {
      results.failed += 1;
      results.tests.push({ title: t.fullTitle(), state: 'failed', ms: t.duration ?? 0, error: errorText(err) });
      log(`FAIL ${t.fullTitle()}\n${errorText(err)}`);
    });
    runner.on('retry', (t: Mocha.Test, err: unknown) => {
      results.retried += 1;
      log(`RETRY ${t.fullTitle()} (failed once)\n${errorText(err)}`);
    });
    runner.on('pending', (t: Mocha.Test) => {
      results.pending += 1;
      results.tests.push({ title: t.fullTitle(), state: 'pending', ms: 0 });
      log(`skip ${t.fullTitle()}`);
    });
  });
}

/** The @vscode/test-electron entry point. */
export function run(): Promise<void> {
  const groups = manifest().groups;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const wanted = process.env.CLAIMCHECK_TEST_WORKSPACE ?? (folder ? path.basename(folder) : undefined);
  const group = groups.find((g) => g.workspace === wanted);
  if (group) return runFiles(group.workspace, group.files);
  return runFiles(wanted ?? 'all', groups.flatMap((g) => g.files));
}
