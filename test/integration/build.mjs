// Compiles the integration suite (test/integration/suite/**/*.test.ts + index.ts) with esbuild into
// out/integration/ as CommonJS with `vscode` external, and works out which fixture workspace each test
// file runs against. Used by launch.mjs and electron.mjs; `node test/integration/build.mjs` builds only.
//
// Layout (the extension engineer only drops files in):
//   suite/<name>/*.test.ts   runs with test/integration/fixtures/<name>/ opened
//   suite/*.test.ts          runs with fixtures/basic/, unless the file has a line
//                            `// @workspace <name>` in its first lines
//   a workspace whose name starts with "untrusted" opens in Restricted Mode (workspace trust on);
//   one whose name starts with "ja" in a VS Code whose display language is Japanese.
//
// mocha is bundled into out/integration/index.js (no require('mocha') at run time, whatever the host);
// a test file that imports from 'mocha' gets a shim that hands back the globals that this one mocha
// instance defines (describe, it, before, ...), so there is never a second copy of mocha.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayLanguageOf } from './lib/locale.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SUITE_DIR = join(ROOT, 'test', 'integration', 'suite');
export const FIXTURES_DIR = join(ROOT, 'test', 'integration', 'fixtures');
export const OUT_DIR = join(ROOT, 'out', 'integration');
export const DEFAULT_WORKSPACE = 'basic';

function walk(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** Which fixture workspace a test file runs against. */
export function workspaceOf(file) {
  const rel = relative(SUITE_DIR, file).split(sep);
  if (rel.length > 1) return rel[0];
  const head = readFileSync(file, 'utf8').split('\n').slice(0, 15).join('\n');
  return /^\s*\/\/\s*@workspace\s+([\w.-]+)/m.exec(head)?.[1] ?? DEFAULT_WORKSPACE;
}

export const isUntrusted = (workspace) => workspace.startsWith('untrusted');

const MOCHA_GLOBALS = ['describe', 'context', 'it', 'specify', 'before', 'after', 'beforeEach', 'afterEach', 'xdescribe', 'xcontext', 'xit', 'xspecify', 'suite', 'test', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown', 'run'];

// `import { describe } from 'mocha'` in a test file: the globals of the bundled mocha, looked up when used.
const mochaShim = {
  name: 'mocha-shim',
  setup(b) {
    b.onResolve({ filter: /^mocha$/ }, () => ({ path: 'mocha', namespace: 'mocha-shim' }));
    b.onLoad({ filter: /.*/, namespace: 'mocha-shim' }, () => ({
      loader: 'js',
      contents:
        `Object.defineProperty(exports, '__esModule', { value: true });\n` +
        `Object.defineProperty(exports, 'default', { enumerable: true, get: () => globalThis.__claimcheckMocha });\n` +
        `for (const k of ${JSON.stringify(MOCHA_GLOBALS)}) Object.defineProperty(exports, k, { enumerable: true, get: () => globalThis[k] });\n`,
    }));
  },
};

/**
 * Builds everything; returns { groups: [{ workspace, untrusted, files: [abs .js], entry }], index, outDir }.
 * `filter` (optional): a substring a test file's path must contain. `outDir`: default out/integration/.
 */
export async function buildSuite({ filter, outDir = OUT_DIR } = {}) {
  const OUT = outDir;
  let sources = walk(SUITE_DIR);
  if (filter) sources = sources.filter((f) => relative(ROOT, f).includes(filter));
  // Clean the folder, but never runs/ (the private builds of launch.mjs runs going on meanwhile).
  if (existsSync(OUT)) for (const e of readdirSync(OUT)) if (e !== 'runs') rmSync(join(OUT, e), { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'package.json'), '{ "type": "commonjs" }\n');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'error',
    external: ['vscode'],
    absWorkingDir: ROOT,
  };
  await build({ ...common, entryPoints: [join(SUITE_DIR, 'index.ts')], outfile: join(OUT, 'index.js') });
  if (sources.length) {
    await build({
      ...common,
      entryPoints: sources,
      outdir: OUT,
      outbase: SUITE_DIR,
      plugins: [mochaShim],
    });
  }
  const byWs = new Map();
  for (const src of sources) {
    const ws = workspaceOf(src);
    const js = join(OUT, relative(SUITE_DIR, src)).replace(/\.ts$/, '.js');
    if (!byWs.has(ws)) byWs.set(ws, []);
    byWs.get(ws).push(js);
  }
  const groups = [...byWs].map(([workspace, files]) => ({ workspace, untrusted: isUntrusted(workspace), locale: displayLanguageOf(workspace), files }));
  // Trusted groups first, then untrusted: each kind shares one server.
  groups.sort((a, b) => Number(a.untrusted) - Number(b.untrusted) || a.workspace.localeCompare(b.workspace));
  const rel = (f) => relative(OUT, f).split(sep).join('/');
  const manifest = { groups: groups.map((g) => ({ ...g, files: g.files.map(rel) })) };
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  // One extensionTestsPath per workspace, so one server can run several workspaces' files apart.
  for (const g of groups) {
    g.entry = join(OUT, `entry-${g.workspace}.js`);
    writeFileSync(
      g.entry,
      `// generated by test/integration/build.mjs\n` +
        `exports.run = () => require('./index.js').runFiles(${JSON.stringify(g.workspace)}, ${JSON.stringify(g.files.map(rel))});\n`,
    );
  }
  return { groups, index: join(OUT, 'index.js'), outDir: OUT };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { groups, index } = await buildSuite({ filter: process.argv[2] });
  console.log(`built ${relative(ROOT, index)}`);
  for (const g of groups) console.log(`  ${g.workspace}${g.untrusted ? ' (untrusted)' : ''}: ${g.files.map((f) => relative(OUT_DIR, f)).join(', ')}`);
}
