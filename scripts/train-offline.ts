// Retrains the offline grader's model on ../shared/bench/dev and writes src/core/graders/offline/weights.json.
// Usage: node --import tsx scripts/train-offline.ts [--cv-only] [--repeats N]
// Prints repeated 5-fold cross-validation (grouped by id hash) first, so a change is judged on held-out folds.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crossValidate, featurize, fitTemperature, FOLDS, formatCv, loadDev, REPEATS, SALTS, train } from './train-offline-core';

const repoRoot = join(__dirname, '..');
const devDir = join(repoRoot, '..', 'shared', 'bench', 'dev');

function main(): void {
  if (!existsSync(devDir)) {
    console.error(`train-offline: ${devDir} not found; the dev split is needed to train`);
    process.exitCode = 2;
    return;
  }
  const t0 = performance.now();
  const examples = featurize(loadDev(devDir));
  console.log(`${examples.length} rows, ${examples.reduce((s, e) => s + e.claims.length, 0)} claims featurised in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const cv = crossValidate(examples, undefined, undefined, repeats());
  console.log(`cross-validation (${repeats()} splits × ${FOLDS} folds by salted id hash):\n${formatCv(cv)}`);
  if (process.argv.includes('--cv-only')) return;
  const temperature = fitTemperature(examples, cv.oof);
  console.log(`temperature (out-of-fold calibration): ${temperature}`);
  const model = { ...train(examples), temperature };
  const out = {
    ...model,
    mean: model.mean.map(r6),
    scale: model.scale.map(r6),
    weights: model.weights.map(r6),
    bias: r6(model.bias),
    note: 'trained by scripts/train-offline.ts on the dev split of ../shared/bench (weights only; no data)',
  };
  writeFileSync(join(repoRoot, 'src/core/graders/offline/weights.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log('weights:');
  model.weights.forEach((w, i) => console.log(`  ${model.features[i]!.padEnd(15)} ${w.toFixed(3)}`));
}

/** `--repeats N`: how many salted splits the CV averages (fewer is quicker for a rough look; 8 by default). */
function repeats(): number {
  const i = process.argv.indexOf('--repeats');
  const n = i < 0 ? REPEATS : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > SALTS.length) throw new Error(`train-offline: --repeats takes 1 to ${SALTS.length}`);
  return n;
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

main();
