// Runs every suite the README promises (engine unit tests, CLI tests, the integration suite in a real
// VS Code) and ends with one line that CI reads: "total: N passed, M failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'claimcheck-test-'));
const totals = { passed: 0, failed: 0 };
const lines = [];

function nodeTests(name, dir) {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f));
  if (!files.length) return;
  const tap = join(tmp, `${name}.tap`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { stdio: 'inherit' },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  let fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  if (r.status !== 0 && fail === 0) fail = 1; // a crash before any test reported still fails the run
  record(name, pass, fail);
}

function record(name, pass, fail) {
  totals.passed += pass;
  totals.failed += fail;
  lines.push(`${name}: ${pass} passed, ${fail} failed`);
}

nodeTests('unit', 'test/unit');
nodeTests('cli', 'test/cli');

if (existsSync('test/integration/launch.mjs') && process.env.CLAIMCHECK_SKIP_INTEGRATION !== '1') {
  const counts = join(tmp, 'integration.json');
  const r = spawnSync(process.execPath, ['test/integration/launch.mjs', '--counts', counts], { stdio: 'inherit' });
  const c = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 0 };
  record('integration', c.passed, r.status !== 0 && c.failed === 0 ? 1 : c.failed);
}

console.log('');
for (const l of lines) console.log(l);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
