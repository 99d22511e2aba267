#!/usr/bin/env node
// Runs ClaimCheck's integration suite inside a real VS Code (code-server = VS Code's workbench and
// Node extension host), offline, then the user-level Playwright tests in test/integration/ui/.
//
//   node test/integration/launch.mjs [--counts FILE] [--only TEXT] [--no-ui] [--ui-only]
//                                    [--env KEY=VALUE ...] [--keep] [--timeout SECONDS]
//
//   --counts FILE  writes {"passed":N,"failed":M} (suite tests + UI tests) to FILE
//   --only TEXT    only test files whose path contains TEXT (and UI tests whose name contains it)
//   --no-ui / --ui-only   skip the UI tests / run only them
//   --env K=V      an extra variable for the extension host (every CLAIMCHECK_* variable of this
//                  process is passed on too; CLAIMCHECK_TEST=1 always is)
//   --update-screenshots   the UI tests also save their screenshots into media/ (else only into
//                  out/integration-artifacts/); CLAIMCHECK_UPDATE_SCREENSHOTS=1 does the same
//   --keep         keep the temporary workspaces and server state (their paths are printed)
//   --timeout S    per workspace / per UI test limit (default 180)
//
// Needs dist/extension.js (npm run build). First use installs Chromium (apt), Node 24 and
// code-server into .vscode-test/ (see lib/setup.mjs); later runs reuse them. Exit code 0 only when
// every test passed and at least one ran.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSuite, FIXTURES_DIR, ROOT } from './build.mjs';
import { launchBrowser, newContext, openWorkbench, runSuite, screenshot, workbenchUrl } from './lib/driver.mjs';
import { startServer, stopAll } from './lib/server.mjs';
import { ensureHost } from './lib/setup.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[integration] ${msg}`);

function parseArgs(argv) {
  const o = { counts: undefined, only: undefined, ui: true, suite: true, env: {}, keep: false, timeout: 180, updateScreenshots: process.env.CLAIMCHECK_UPDATE_SCREENSHOTS === '1' };
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
    else if (a === '--update-screenshots') o.updateScreenshots = true;
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--env') {
      const [k, ...v] = val().split('=');
      o.env[k] = v.join('=');
    } else if (a === '-h' || a === '--help') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 23).join('\n').replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const counts = { passed: 0, failed: 0 };
const artifacts = join(ROOT, 'out', 'integration-artifacts');
const writeCounts = () => {
  if (opts.counts) writeFileSync(opts.counts, JSON.stringify(counts) + '\n');
};

let tmp;
let browser;
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await stopAll();
    if (tmp && !opts.keep) rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    say(`${sig}: stopping`);
    counts.failed = Math.max(counts.failed, 1);
    writeCounts();
    cleanup().finally(() => process.exit(130));
  });
}

/** Copies fixtures/<name> to a temporary folder named <name> (tests may write into it freely). */
function workspaceCopy(name) {
  const src = join(FIXTURES_DIR, name);
  if (!existsSync(src)) return undefined;
  const dst = join(tmp, 'workspaces', name);
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

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  mkdirSync(artifacts, { recursive: true });

  const host = ensureHost();
  say(`VS Code host ready (code-server, Node 24, ${host.chromium}) after ${secs()}`);

  const { groups } = opts.suite ? await buildSuite({ filter: opts.only }) : { groups: [] };
  const uis = opts.ui ? uiTests() : [];
  say(`suite built: ${groups.map((g) => `${g.workspace}${g.untrusted ? ' (untrusted)' : ''} ×${g.files.length}`).join(', ') || 'no test files'}; ${uis.length} UI test(s)`);
  if (!groups.length && !uis.length) throw new Error('no tests to run');

  tmp = mkdtempSync(join(tmpdir(), 'claimcheck-it-'));
  const resultsDir = join(tmp, 'results');
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CLAIMCHECK_'))),
    ...opts.env,
    CLAIMCHECK_TEST: '1',
    CLAIMCHECK_TEST_RESULTS_DIR: resultsDir,
  };
  const serverOpts = { node: host.node.bin, entry: host.codeServer.entry, env };

  // One server per trust mode, started together (startup overlaps) and only when needed.
  const needTrusted = groups.some((g) => !g.untrusted) || uis.length > 0;
  const needUntrusted = groups.some((g) => g.untrusted);
  const [trusted, untrusted] = await Promise.all([
    needTrusted ? startServer(serverOpts) : undefined,
    needUntrusted ? startServer({ ...serverOpts, untrusted: true }) : undefined,
  ]);
  say(`code-server up on ${[trusted, untrusted].filter(Boolean).map((s) => s.url).join(' and ')} after ${secs()}`);
  if (opts.keep) say(`keeping state: ${tmp} ${[trusted, untrusted].filter(Boolean).map((s) => s.state).join(' ')}`);

  browser = await launchBrowser(host.chromium);
  const context = await newContext(browser);

  for (const g of groups) {
    const server = g.untrusted ? untrusted : trusted;
    const tg = Date.now();
    const folder = workspaceCopy(g.workspace);
    if (!folder) {
      say(`FAIL ${g.workspace}: no fixture folder test/integration/fixtures/${g.workspace}/ for ${g.files.length} test file(s)`);
      counts.failed += 1;
      continue;
    }
    say(`running ${g.files.length} file(s) against fixtures/${g.workspace}${g.untrusted ? ' (untrusted, Restricted Mode)' : ''}`);
    const url = workbenchUrl(server.url, { folder, extensionPath: ROOT, testsPath: g.entry });
    const res = await runSuite(context, {
      url,
      timeoutMs: opts.timeout * 1000,
      shotPath: join(artifacts, `timeout-${g.workspace}.png`),
      onLine: (l) => console.log(`  [${secs()}] ${l.replace(/\n/g, '\n    ')}`),
    });
    const file = join(resultsDir, `${g.workspace}.json`);
    const r = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    let passed = r?.passed ?? 0;
    let failed = r?.failed ?? 0;
    if (res.timedOut) {
      say(`FAIL ${g.workspace}: no result within ${opts.timeout} s (screenshot: ${relative(ROOT, res.shot ?? '-')})`);
      failed = Math.max(failed, 1);
    } else if (!r) {
      say(`FAIL ${g.workspace}: the suite ended (exit ${res.code}) without reporting results`);
      failed = Math.max(failed, 1);
    } else if (res.code !== 0 && failed === 0) {
      say(`FAIL ${g.workspace}: the suite exited with ${res.code}`);
      failed = 1;
    }
    if (failed && (res.timedOut || !r || !res.lines.length)) {
      console.log('  last lines of the workbench log:');
      for (const l of res.tail.slice(-25)) console.log(`    ${l.slice(0, 400)}`);
    }
    counts.passed += passed;
    counts.failed += failed;
    say(`${g.workspace}: ${passed} passed, ${failed} failed in ${((Date.now() - tg) / 1000).toFixed(1)} s`);
  }

  for (const file of uis) {
    const mod = await import(pathToFileURL(file).href);
    const name = mod.name ?? basename(file);
    const workspace = mod.workspace ?? 'basic';
    const tu = Date.now();
    say(`UI: ${name} (fixtures/${workspace})`);
    const folder = workspaceCopy(`${workspace}`) ?? undefined;
    if (!folder) {
      say(`FAIL UI ${name}: no fixture folder test/integration/fixtures/${workspace}/`);
      counts.failed += 1;
      continue;
    }
    const wb = await openWorkbench(context, { url: workbenchUrl(trusted.url, { folder, extensionPath: ROOT }) });
    let timer;
    try {
      await Promise.race([
        mod.run(wb.page, { folder, root: ROOT, media: join(ROOT, 'media'), artifacts, updateScreenshots: opts.updateScreenshots, log: (l) => console.log(`  ${l}`) }),
        new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`no result within ${opts.timeout} s`)), opts.timeout * 1000))),
      ]);
      counts.passed += 1;
      say(`ok   UI ${name} (${((Date.now() - tu) / 1000).toFixed(1)} s)`);
    } catch (e) {
      counts.failed += 1;
      const shot = await screenshot(wb.page, join(artifacts, `ui-${basename(file, '.ui.mjs')}-failure.png`));
      say(`FAIL UI ${name}: ${String(e?.message ?? e).split('\n').slice(0, 6).join('\n    ')}`);
      if (shot) say(`  screenshot: ${relative(ROOT, shot)}`);
      const errs = wb.tail.filter((l) => /error|claimcheck/i.test(l)).slice(-10);
      for (const l of errs) console.log(`    ${l.slice(0, 300)}`);
    } finally {
      clearTimeout(timer);
      await wb.page.close().catch(() => {});
    }
  }
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
