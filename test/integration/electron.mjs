#!/usr/bin/env node
// Runs the same integration suite in desktop VS Code through @vscode/test-electron, on a machine that
// can download VS Code (update.code.visualstudio.com) and show a window (on a headless Linux box:
// `xvfb-run -a node test/integration/electron.mjs`). Offline, use launch.mjs (code-server) instead.
//
//   node test/integration/electron.mjs [--only TEXT] [--counts FILE] [--vscode VERSION]
//
// Same contract as launch.mjs: every workspace of test/integration/suite/<workspace>/ runs in its own
// window on a temporary copy of test/integration/fixtures/<workspace>/ with extensionDevelopmentPath =
// the project root and extensionTestsPath = out/integration/entry-<workspace>.js. Workspaces named
// untrusted* open in Restricted Mode, ja* with Japanese as the display language. VS Code version: --vscode, else CLAIMCHECK_VSCODE_VERSION, else
// 'stable'. The UI tests (test/integration/ui/) need code-server and run only under launch.mjs.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, FIXTURES_DIR, ROOT } from './build.mjs';
import { installDisplayLanguage } from './lib/locale.mjs';

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const version = arg('--vscode') ?? process.env.CLAIMCHECK_VSCODE_VERSION ?? 'stable';
const countsFile = arg('--counts');
const counts = { passed: 0, failed: 0 };

if (!existsSync(join(ROOT, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first');
  process.exit(1);
}
const { groups } = await buildSuite({ filter: arg('--only') });
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode(version);
} catch (e) {
  console.error(`[electron] cannot get VS Code ${version}: ${e?.message ?? e} (offline? use test/integration/launch.mjs)`);
  if (countsFile) writeFileSync(countsFile, JSON.stringify({ passed: 0, failed: 1 }) + '\n');
  process.exit(1);
}

// runTests always adds --disable-workspace-trust; an untrusted workspace is started the same way
// without it.
function runUntrusted(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(vscodeExecutablePath, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
const tmp = mkdtempSync(join(tmpdir(), 'claimcheck-electron-'));
const resultsDir = join(tmp, 'results');
try {
  for (const g of groups) {
    const src = join(FIXTURES_DIR, g.workspace);
    if (!existsSync(src)) {
      console.log(`FAIL fixtures/${g.workspace} is missing`);
      counts.failed += 1;
      continue;
    }
    const folder = join(tmp, 'workspaces', g.workspace);
    cpSync(src, folder, { recursive: true });
    const userData = join(tmp, `user-data-${g.workspace}`);
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(
      join(userData, 'User', 'settings.json'),
      JSON.stringify({
        'security.workspace.trust.enabled': g.untrusted,
        'security.workspace.trust.startupPrompt': 'never',
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'update.mode': 'none',
      }),
    );
    console.log(`[electron] fixtures/${g.workspace}${g.untrusted ? ' (untrusted)' : ''}: ${g.files.length} file(s), VS Code ${version}`);
    const extensionTestsEnv = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CLAIMCHECK_'))),
      CLAIMCHECK_TEST: '1',
      CLAIMCHECK_TEST_WORKSPACE: g.workspace,
      CLAIMCHECK_TEST_RESULTS_DIR: resultsDir,
    };
    const { locale } = g;
    if (locale) installDisplayLanguage({ locale, userDataDir: userData, extensionsDir: join(tmp, 'extensions') });
    const launchArgs = [folder, '--user-data-dir', userData, '--extensions-dir', join(tmp, 'extensions'), '--skip-welcome', '--skip-release-notes', ...(locale ? ['--locale', locale] : [])];
    let code = 0;
    try {
      code = g.untrusted
        ? await runUntrusted(
            [...launchArgs, '--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', `--extensionTestsPath=${g.entry}`, `--extensionDevelopmentPath=${ROOT}`],
            extensionTestsEnv,
          )
        : await runTests({ vscodeExecutablePath, extensionDevelopmentPath: ROOT, extensionTestsPath: g.entry, extensionTestsEnv, launchArgs });
    } catch (e) {
      console.log(`[electron] ${g.workspace}: ${e?.message ?? e}`);
      code = 1;
    }
    const file = join(resultsDir, `${g.workspace}.json`);
    const r = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 0, tests: [] };
    for (const t of r.tests) console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}${t.error ? `\n    ${t.error.replace(/\n/g, '\n    ')}` : ''}`);
    counts.passed += r.passed;
    counts.failed += code !== 0 && r.failed === 0 ? 1 : r.failed;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (countsFile) writeFileSync(countsFile, JSON.stringify(counts) + '\n');
console.log(`[electron] ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0);
