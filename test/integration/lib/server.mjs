// Starts code-server on a free loopback port with throwaway state; stops it (SIGTERM, then SIGKILL).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installDisplayLanguage } from './locale.mjs';

const live = new Set();
const liveSync = new Map(); // stop function -> synchronous kill, for process 'exit'

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Built-in extensions that have nothing to do with ClaimCheck and cost start-up time in every window
// (several activate on start-up or on Markdown). Markdown language features stay on: users have them.
export const QUIET_BUILTINS = [
  'GitHub.copilot-chat',
  'vscode.git',
  'vscode.git-base',
  'vscode.github',
  'vscode.github-authentication',
  'vscode.microsoft-authentication',
  'vscode.debug-auto-launch',
  'vscode.merge-conflict',
  'vscode.npm',
  'vscode.emmet',
  'vscode.extension-editing',
  'vscode.typescript-language-features',
  'vscode.references-view',
  'vscode.tunnel-forwarding',
  'vscode.terminal-suggest',
  'ms-vscode.js-debug',
  'ms-vscode.js-debug-companion',
  'ms-vscode.vscode-js-profile-table',
];

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'editor.hover.delay': 300,
};

/**
 * @param {{ node: string, entry: string, untrusted?: boolean, locale?: string, env?: Record<string,string>, settings?: object }} o
 * @returns {Promise<{ port: number, url: string, state: string, log: () => string, stop: () => Promise<void> }>}
 */
export async function startServer({ node, entry, untrusted = false, locale, env = {}, settings = {}, disableExtensions = [], keep = false }) {
  const state = mkdtempSync(join(tmpdir(), 'claimcheck-vscode-'));
  for (const d of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache']) mkdirSync(join(state, d), { recursive: true });
  const resetSettings = () =>
    writeFileSync(
      join(state, 'user-data/User/settings.json'),
      JSON.stringify(
        {
          ...BASE_SETTINGS,
          'security.workspace.trust.enabled': untrusted,
          // Restricted Mode without the modal "Do you trust the authors?" dialog (the banner stays).
          ...(untrusted ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
          ...settings,
        },
        null,
        2,
      ),
    );
  resetSettings();
  if (locale) installDisplayLanguage({ locale, userDataDir: join(state, 'user-data'), extensionsDir: join(state, 'extensions') });
  const port = await freePort();
  writeFileSync(join(state, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    entry,
    '--config', join(state, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', join(state, 'user-data'),
    '--extensions-dir', join(state, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--reconnection-grace-time', '10',
    '--vscode-option', 'enable-smoke-test-driver',
    ...(untrusted ? [] : ['--disable-workspace-trust']),
    ...(locale ? ['--locale', locale] : []),
  ];
  const logFile = join(state, 'server.log');
  const out = [];
  const child = spawn(node, args, {
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(state, 'xdg-config'),
      XDG_DATA_HOME: join(state, 'xdg-data'),
      XDG_CACHE_HOME: join(state, 'xdg-cache'),
      // The extension host inherits the server's environment: this is how env reaches the tests.
      CLAIMCHECK_TEST: '1',
      ...(disableExtensions.length ? { VSCODE_SKIP_BUILTIN_EXTENSIONS: disableExtensions.join(',') } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so that stop() ends the extension hosts with it
  });
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  let exited = null;
  const exitP = new Promise((r) => child.on('exit', (code, sig) => r((exited = { code, sig }))));
  const log = () => Buffer.concat(out).toString('utf8');

  let stopped = false;
  const stop = async ({ keepState = keep } = {}) => {
    if (stopped) return;
    stopped = true;
    live.delete(stop);
    liveSync.delete(stop);
    const group = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {}
    };
    if (!exited) {
      group('SIGTERM');
      const t = setTimeout(() => group('SIGKILL'), 5000);
      await exitP;
      clearTimeout(t);
    }
    group('SIGKILL'); // whatever of the group outlived the server
    try {
      writeFileSync(logFile, log());
    } catch {}
    if (!keepState) rmSync(state, { recursive: true, force: true });
  };
  live.add(stop);
  liveSync.set(stop, () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    if (!keep) rmSync(state, { recursive: true, force: true });
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited (${exited.code ?? exited.sig}) before it answered:\n${log().slice(-4000)}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${log().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100)); // polling interval, not a wait for a result
  }
  const alive = () => !exited && !stopped;
  return { port, url, state, log, stop, resetSettings, alive };
}

/** Kills every server still running, synchronously (for process.on('exit')). */
export function killAllSync() {
  for (const kill of liveSync.values()) kill();
  liveSync.clear();
}

/** Stops every server still running (for exit paths). */
export async function stopAll() {
  await Promise.all([...live].map((s) => s()));
}

export function readLog(state) {
  try {
    return readFileSync(join(state, 'server.log'), 'utf8');
  } catch {
    return '';
  }
}
