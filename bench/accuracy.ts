// Accuracy of the offline grader on ../shared/bench/dev (when present): per dataset balanced accuracy,
// per-class F1, confusion matrix, claims/sec, FaithBench span F1, and the cross-validation spread.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createOfflineGrader } from '../src/core/graders/offline';
import type { Grader } from '../src/core/types';
import { formatMetrics, measure, predictRow, readJsonlRows, spanCounts, spanF1, type EvalRow, type SpanCounts } from '../src/core/eval';

const repoRoot = join(__dirname, '..');
export const devDir = join(repoRoot, '..', 'shared', 'bench', 'dev');

export function readRows(file: string): EvalRow[] {
  return readJsonlRows(readFileSync(file, 'utf8')).flatMap((l) => ('row' in l ? [l.row] : []));
}

export async function main(): Promise<void> {
  if (!existsSync(devDir)) {
    console.log(`accuracy: ${devDir} not found, skipped`);
    return;
  }
  // Times the grader's own calls apart from claim splitting and indexing, which belong to other modules.
  const inner = createOfflineGrader();
  let gradeMs = 0;
  const grader: Grader = {
    info: inner.info,
    usage: () => inner.usage(),
    async grade(requests, signal) {
      const t = performance.now();
      const out = await inner.grade(requests, signal);
      gradeMs += performance.now() - t;
      return out;
    },
  };
  const summary: string[] = [];
  for (const file of readdirSync(devDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const rows = readRows(join(devDir, file));
    const pairs: { gold: 'supported' | 'unsupported'; predicted: 'supported' | 'unsupported' }[] = [];
    const spans: SpanCounts[] = [];
    let claims = 0;
    gradeMs = 0;
    const t0 = performance.now();
    for (const row of rows) {
      const p = await predictRow(row, grader);
      claims += p.claims.length;
      if (row.label) pairs.push({ gold: row.label, predicted: p.verdict });
      if (row.spans || row.dataset === 'faithbench') spans.push(spanCounts(row, p));
    }
    const secs = (performance.now() - t0) / 1000;
    const dataset = rows[0]?.dataset ?? file.replace(/\.jsonl$/, '');
    const m = measure(dataset, pairs);
    console.log(formatMetrics(m));
    const rate = `${claims} claims in ${secs.toFixed(2)} s = ${Math.round(claims / secs)} claims/sec end to end (claims, indexing, retrieval, grading); grading alone ${Math.round(claims / (gradeMs / 1000))} claims/sec`;
    console.log(`  ${rate}`);
    let spanLine = '';
    if (spans.length) {
      const s = spanF1(spans);
      spanLine = ` span F1 ${(100 * s.f1).toFixed(1)} (P ${(100 * s.precision).toFixed(1)} R ${(100 * s.recall).toFixed(1)})`;
      console.log(`  span-level (characters of flagged claims vs gold spans):${spanLine}`);
    }
    summary.push(`${dataset.padEnd(11)} BA ${(100 * m.balancedAccuracy).toFixed(1)}  F1 sup ${(100 * m.supported.f1).toFixed(1)} uns ${(100 * m.unsupported.f1).toFixed(1)}  ${Math.round(claims / secs)} claims/s (grading ${Math.round(claims / (gradeMs / 1000))})${spanLine}`);
  }
  console.log('\nsummary');
  for (const s of summary) console.log(`  ${s}`);
  const cv = await crossValidationReport();
  if (cv) console.log(`\n${cv}`);
}

/** The CV spread comes from the training script's code, so bench and training agree on folds and features. */
async function crossValidationReport(): Promise<string | undefined> {
  const file = join(repoRoot, 'scripts', 'train-offline-core.ts');
  if (!existsSync(file)) return undefined;
  const mod = (await import(file)) as { crossValidationSummary?: (dir: string) => Promise<string> };
  return mod.crossValidationSummary ? mod.crossValidationSummary(devDir) : undefined;
}

if (require.main === module) void main();
