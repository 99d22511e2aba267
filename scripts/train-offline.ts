// Retrains the offline grader's model on ../shared/bench/dev and writes src/core/graders/offline/weights.json.
// Usage: node --import tsx scripts/train-offline.ts [--cv-only | --check] [--repeats N]
// Prints repeated 5-fold cross-validation (grouped by id hash) first, so a change is judged on held-out folds.
// --check retrains in memory (no CV) and fails when weights.json differs from what the code trains: the weights are
// stale whenever a feature's computation changed, not only the FEATURES list.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelWeights } from '../src/core/graders/offline/model';
import { crossValidate, featurize, fitTemperature, FOLDS, formatCv, loadDev, REPEATS, SALTS, train } from './train-offline-core';

const repoRoot = join(__dirname, '..');
const devDir = join(repoRoot, '..', 'shared', 'bench', 'dev');
const weightsPath = join(repoRoot, 'src/core/graders/offline/weights.json');

/** Largest difference a retrain of unchanged code may show: weights.json keeps 6 decimals, and training is deterministic. */
const CHECK_TOLERANCE = 1e-5;

function main(): void {
  if (!existsSync(devDir)) {
    console.error(`train-offline: ${devDir} not found; the dev split is needed to train`);
    process.exitCode = 2;
    return;
  }
  const t0 = performance.now();
  const examples = featurize(loadDev(devDir));
  console.log(`${examples.length} rows, ${examples.reduce((s, e) => s + e.claims.length, 0)} claims featurised in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (process.argv.includes('--check')) {
    checkShipped(train(examples));
    return;
  }
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
  writeFileSync(weightsPath, `${JSON.stringify(out, null, 1)}\n`);
  console.log('weights:');
  model.weights.forEach((w, i) => console.log(`  ${model.features[i]!.padEnd(15)} ${w.toFixed(3)}`));
}

/** Fails (exit 1) when the shipped weights are not those the current features train; the temperature is not compared. */
function checkShipped(model: ModelWeights): void {
  const shipped = JSON.parse(readFileSync(weightsPath, 'utf8')) as ModelWeights;
  if (shipped.features.join() !== model.features.join()) {
    console.error('train-offline --check: weights.json has another feature list; retrain');
    process.exitCode = 1;
    return;
  }
  const diffs = (['mean', 'scale', 'weights'] as const)
    .flatMap((k) => model[k].map((v, i) => ({ what: `${k} ${model.features[i]}`, by: Math.abs(v - shipped[k][i]!) })))
    .concat({ what: 'bias', by: Math.abs(model.bias - shipped.bias) })
    .filter((d) => d.by > CHECK_TOLERANCE)
    .sort((a, b) => b.by - a.by);
  if (!diffs.length) {
    console.log('train-offline --check: weights.json matches the current features');
    return;
  }
  console.error(`train-offline --check: weights.json is stale (${diffs.length} values differ by more than ${CHECK_TOLERANCE}); retrain:`);
  for (const d of diffs.slice(0, 8)) console.error(`  ${d.what.padEnd(24)} ${d.by.toFixed(6)}`);
  process.exitCode = 1;
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
