#!/usr/bin/env node
// Runs ClaimCheck's integration suite inside a real VS Code (code-server = VS Code's workbench and
// Node extension host), offline, then the user-level Playwright tests in test/integration/ui/.
//
//   node test/integration/launch.mjs [--counts FILE] [--only TEXT] [--no-ui] [--ui-only]
//                                    [--env KEY=VALUE ...] [--keep] [--timeout SECONDS]
//
//   --counts FILE  writes {"passed":N,"failed":M} (suite tests + UI tests) to FILE
//   --only TEXT    only the test files (suite and UI) whose path contains TEXT
//   --no-ui / --ui-only   skip the UI tests / run only them
//   --env K=V      an extra variable for the extension host (every CLAIMCHECK_* variable of this
//                  process is passed on too; CLAIMCHECK_TEST=1 always is)
//   --update-screenshots   the UI tests also save their screenshots into media/ (else only into
//                  out/integration-artifacts/); CLAIMCHECK_UPDATE_SCREENSHOTS=1 does the same
//   --keep         keep the temporary workspaces and server state (their paths are printed)
//   --timeout S    per workspace / per UI test limit (default 300)
//   --jobs N       windows at a time (default 3, or CLAIMCHECK_TEST_JOBS)
//   --all-builtins keep every built-in extension on (default: git, GitHub, Copilot Chat, debuggers,
//                  TypeScript, emmet and the like are disabled, see lib/server.mjs; or
//                  CLAIMCHECK_TEST_ALL_BUILTINS=1)
//
// Needs dist/extension.js (npm run build). First use installs Chromium (apt), Node 24 and
// code-server into .vscode-test/ (see lib/setup.mjs); later runs reuse them. Exit code 0 only when
// every test passed and at least one ran.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSuite, FIXTURES_DIR, OUT_DIR, ROOT } from './build.mjs';
import { launchBrowser, newContext, openWorkbench, runSuite, screenshot, workbenchUrl } from './lib/driver.mjs';
import { displayLanguageOf } from './lib/locale.mjs';
import { killAllSync, QUIET_BUILTINS, startServer, stopAll } from './lib/server.mjs';
import { CODE_SERVER_VERSION, ensureHost, NODE_VERSION } from './lib/setup.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[integration] ${msg}`);

function parseArgs(argv) {
  const o = { counts: undefined, only: undefined, ui: true, suite: true, env: {}, keep: false, timeout: 300, jobs: Number(process.env.CLAIMCHECK_TEST_JOBS ?? 3), allBuiltins: process.env.CLAIMCHECK_TEST_ALL_BUILTINS === '1', updateScreenshots: process.env.CLAIMCHECK_UPDATE_SCREENSHOTS === '1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--counts') o.counts = val();
    else if (a === '--only') o.only = val();
    else if (a === '--no-ui') o.ui = false;
    else if (a === '--ui-only') o.suite = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--jobs') o.jobs = Number(val());
    else if (a === '--all-builtins') o.allBuiltins = true;
    else if (a === '--update-screenshots') o.updateScreenshots = true;
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--env') {
      const [k, ...v] = val().split('=');
      o.env[k] = v.join('=');
    } else if (a === '-h' || a === '--help') {
      const head = readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1);
      console.log(head.slice(0, head.findIndex((l) => !l.startsWith('//'))).join('\n').replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`[integration] ${e.message} (see --help)`);
  process.exit(2);
}
const counts = { passed: 0, failed: 0 };
const artifacts = join(ROOT, 'out', 'integration-artifacts');
const writeCounts = () => {
  if (opts.counts) writeFileSync(opts.counts, JSON.stringify(counts) + '\n');
};

let tmp;
let browser;
let cleaning;
let stopping = false;
let runOut;

/** Removes the build folders of earlier runs whose process is gone. */
function pruneRuns() {
  const dir = join(OUT_DIR, 'runs');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = Number(name.split('-')[0]);
    let alive = false;
    try {
      if (pid && pid !== process.pid) process.kill(pid, 0), (alive = true);
    } catch {}
    if (!alive) rmSync(join(dir, name), { recursive: true, force: true });
  }
}
async function cleanup() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    browser = undefined;
    await stopAll();
    if (tmp && !opts.keep) rmSync(tmp, { recursive: true, force: true });
    if (runOut && !opts.keep) rmSync(runOut, { recursive: true, force: true });
  })();
  return cleaning;
}
process.on('exit', killAllSync); // a last resort: no server outlives the launcher
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    say(`${sig}: stopping`);
    counts.failed = Math.max(counts.failed, 1);
    writeCounts();
    cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}

/** Copies fixtures/<name> to a temporary folder named <name> (tests may write into it freely). */
function workspaceCopy(name, job) {
  const src = join(FIXTURES_DIR, name);
  if (!existsSync(src)) return undefined;
  const dst = join(tmp, 'workspaces', String(job), name);
  cpSync(src, dst, { recursive: true });
  return dst;
}

function uiTests() {
  const dir = join(ROOT, 'test', 'integration', 'ui');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ui.mjs'))
    .sort()
    .map((f) => join(dir, f))
    .filter((f) => !opts.only || relative(ROOT, f).includes(opts.only));
}

/** Runs one workspace's suite in a fresh window; returns { passed, failed, out }. */
async function suiteJob(g, { server, context, resultsDir, id }) {
  const out = [];
  const folder = workspaceCopy(g.workspace, id);
  if (!folder) {
    out.push(`FAIL no fixture folder test/integration/fixtures/${g.workspace}/ for ${g.files.length} test file(s)`);
    return { passed: 0, failed: 1, out };
  }
  const file = join(resultsDir, `${g.workspace}.json`);
  const res = await runSuite(context, {
    url: workbenchUrl(server.url, { folder, extensionPath: ROOT, testsPath: g.entry, env: { CLAIMCHECK_TEST_WORKSPACE: g.workspace } }),
    resultsFile: file,
    timeoutMs: opts.timeout * 1000,
    shotPath: join(artifacts, `timeout-${g.workspace}.png`),
    onLine: (l) => {
      if (!/^(workspace|done) /.test(l)) out.push(l.replace(/\n/g, '\n    '));
    },
  });
  if (res.firstLineMs !== undefined) out.unshift(`(window and extension host up in ${(res.firstLineMs / 1000).toFixed(1)} s)`);
  const r = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  // Without a results file (a crash or a hang), count what the tagged lines reported.
  const passed = r?.passed ?? res.lines.filter((l) => l.startsWith('ok ')).length;
  let failed = r?.failed ?? res.lines.filter((l) => l.startsWith('FAIL ')).length;
  if (res.timedOut) {
    out.push(`FAIL no result within ${opts.timeout} s (screenshot: ${relative(ROOT, res.shot ?? '-')})`);
    failed += 1;
  } else if (!r) {
    out.push(`FAIL the suite ended (exit ${res.code}) without reporting results`);
    failed = Math.max(failed, 1);
  } else if (res.code !== 0 && failed === 0) {
    out.push(`FAIL the suite exited with ${res.code}`);
    failed = 1;
  }
  if (failed && (res.timedOut || !r)) {
    out.push('last lines of the workbench log:');
    for (const l of res.tail.slice(-25)) out.push(`  ${l.slice(0, 400)}`);
    out.push('last lines of the code-server log:');
    for (const l of server.log().trimEnd().split('\n').slice(-15)) out.push(`  ${l.slice(0, 400)}`);
  }
  return { passed, failed, out };
}

/** Runs one user-level test (a module of test/integration/ui/) in a fresh window. */
async function uiJob(file, mod, { server, context, id }) {
  const out = [];
  const workspace = mod.workspace ?? 'basic';
  const folder = workspaceCopy(workspace, id);
  if (!folder) {
    out.push(`FAIL no fixture folder test/integration/fixtures/${workspace}/`);
    return { passed: 0, failed: 1, out };
  }
  const wb = await openWorkbench(context, { url: workbenchUrl(server.url, { folder, extensionPath: ROOT }) });
  let timer;
  try {
    await Promise.race([
      mod.run(wb.page, {
        folder,
        root: ROOT,
        media: join(ROOT, 'media'),
        artifacts,
        updateScreenshots: opts.updateScreenshots,
        log: (l) => out.push(l),
      }),
      new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`no result within ${opts.timeout} s`)), opts.timeout * 1000))),
    ]);
    return { passed: 1, failed: 0, out };
  } catch (e) {
    out.push(`FAIL ${String(e?.message ?? e).split('\n').slice(0, 8).join('\n    ')}`);
    const shot = await screenshot(wb.page, join(artifacts, `ui-${basename(file, '.ui.mjs')}-failure.png`));
    if (shot) out.push(`screenshot: ${relative(ROOT, shot)}`);
    const errs = wb.tail.filter((l) => /error|claimcheck/i.test(l)).slice(-10);
    if (errs.length) out.push('workbench log (errors):', ...errs.map((l) => `  ${l.slice(0, 300)}`));
    return { passed: 0, failed: 1, out };
  } finally {
    clearTimeout(timer);
    await wb.page.close().catch(() => {});
  }
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  const host = ensureHost();
  say(`VS Code host ready (code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION}, ${host.chromium}) after ${secs()}`);

  // Each run builds into its own folder: a second run started meanwhile (another terminal, an editor
  // task) must not delete the files this run's extension hosts are loading.
  runOut = join(OUT_DIR, 'runs', `${process.pid}-${Date.now()}`);
  pruneRuns();
  const browserP = launchBrowser(host.chromium).then((b) => (browser = b)); // starts while the suite builds
  browserP.catch(() => {});
  const { groups } = opts.suite ? await buildSuite({ filter: opts.only, outDir: runOut }) : { groups: [] };
  const uis = opts.ui ? uiTests() : [];
  say(`suite built: ${groups.map((g) => `${g.workspace}${g.untrusted ? ' (untrusted)' : ''} ×${g.files.length}`).join(', ') || 'no test files'}; ${uis.length} UI test(s)`);
  if (!groups.length && !uis.length) throw new Error('no tests to run');

  tmp = mkdtempSync(join(tmpdir(), 'claimcheck-it-'));
  const resultsDir = join(tmp, 'results');
  if (opts.keep) say(`keeping the workspace copies and results in ${tmp}, the build in ${relative(ROOT, runOut)}`);
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CLAIMCHECK_'))),
    ...opts.env,
    CLAIMCHECK_TEST: '1',
    CLAIMCHECK_TEST_RESULTS_DIR: resultsDir,
  };
  const serverOpts = { node: host.node.bin, entry: host.codeServer.entry, env, keep: opts.keep, disableExtensions: opts.allBuiltins ? [] : [...QUIET_BUILTINS, ...(process.env.CLAIMCHECK_TEST_SKIP_BUILTINS ?? '').split(',').filter(Boolean)] };

  // Jobs: the UI tests (slowest) first, then the workspaces with most files first.
  const jobs = [];
  for (const f of uis) {
    const mod = await import(pathToFileURL(f).href);
    const workspace = mod.workspace ?? 'basic';
    const locale = displayLanguageOf(workspace); // a UI test of a ja* workspace sees a Japanese VS Code, as its suite does
    jobs.push({ label: `UI ${mod.name ?? basename(f)} (fixtures/${workspace}${locale ? `, display language ${locale}` : ''})`, untrusted: false, locale, run: (ctx) => uiJob(f, mod, ctx) });
  }
  for (const g of [...groups].sort((a, b) => b.files.length - a.files.length)) {
    jobs.push({
      label: `fixtures/${g.workspace}${g.untrusted ? ' (untrusted, Restricted Mode)' : ''}${g.locale ? ` (display language ${g.locale})` : ''}: ${g.files.length} file(s)`,
      untrusted: g.untrusted,
      locale: g.locale,
      run: (ctx) => suiteJob(g, { ...ctx, resultsDir }),
    });
  }

  await browserP;
  const context = await newContext(browser);
  const nSlots = Math.max(1, Math.min(opts.jobs, jobs.length));
  say(`running ${jobs.length} window(s), ${nSlots} at a time`);
  let next = 0;
  // A slot runs one window at a time on its own servers (one per trust mode and display language, started on first use);
  // user settings are reset before each window, so no workspace sees another's settings.
  const slot = async () => {
    const servers = {};
    while (next < jobs.length && !stopping) {
      const id = next++;
      const job = jobs[id];
      const mode = `${job.untrusted ? 'untrusted' : 'trusted'}${job.locale ? `-${job.locale}` : ''}`;
      if (servers[mode] && !servers[mode].alive()) {
        say(`code-server (${mode}) died; starting another. Its last lines:\n${servers[mode].log().trimEnd().split('\n').slice(-10).join('\n')}`);
        servers[mode] = undefined;
      }
      try {
        servers[mode] ??= await startServer({ ...serverOpts, untrusted: job.untrusted, locale: job.locale });
      } catch (e) {
        counts.failed += 1;
        say(`FAIL ${job.label}: code-server did not start: ${String(e?.message ?? e).slice(0, 3000)}`);
        continue;
      }
      servers[mode].resetSettings();
      if (opts.keep) say(`server state of ${job.label}: ${servers[mode].state}`);
      const tj = Date.now();
      say(`start ${job.label}`);
      let r;
      try {
        r = await job.run({ server: servers[mode], context, id });
      } catch (e) {
        r = { passed: 0, failed: 1, out: [`FAIL ${e?.stack ?? e}`] };
      }
      if (stopping) return;
      counts.passed += r.passed;
      counts.failed += r.failed;
      say(`${r.failed ? 'FAIL' : 'ok  '} ${job.label}: ${r.passed} passed, ${r.failed} failed in ${((Date.now() - tj) / 1000).toFixed(1)} s`);
      for (const l of r.out) console.log(`    ${l}`);
    }
  };
  await Promise.all(Array.from({ length: nSlots }, slot));
}

let code = 0;
try {
  await main();
} catch (e) {
  console.error(`[integration] error: ${e?.stack ?? e}`);
  counts.failed = Math.max(counts.failed, 1);
}
await cleanup();
writeCounts();
code = counts.failed > 0 || counts.passed === 0 ? 1 : 0;
say(`${counts.passed} passed, ${counts.failed} failed in ${secs()}`);
process.exit(code);
