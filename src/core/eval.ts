// `claimcheck eval`: grade labelled rows and measure. Row and prediction formats are public (architecture.md).
import { checkText, indexReferences } from './check';
import { passagesFromText } from './references';
import { notSupportedScore, type Grader } from './types';

export interface EvalRow {
  id: string;
  reference: string | string[];
  response: string;
  label?: 'supported' | 'unsupported';
  dataset?: string;
  spans?: [number, number][];
}

export interface EvalPrediction {
  id: string;
  verdict: 'supported' | 'unsupported';
  /** Probability that the response is not fully supported. */
  score: number;
  claims: { start: number; end: number; verdict: string; confidence: number }[];
}

export async function predictRow(row: EvalRow, grader: Grader, signal?: AbortSignal): Promise<EvalPrediction> {
  const refs = Array.isArray(row.reference) ? row.reference : [row.reference];
  const passages = refs.flatMap((text, i) => passagesFromText(`reference[${i}]`, text));
  const findings = await checkText(row.response, indexReferences(passages), { grader, format: 'plaintext', signal });
  const score = findings.reduce((max, f) => Math.max(max, notSupportedScore(f)), 0);
  return {
    id: row.id,
    verdict: findings.some((f) => f.verdict !== 'supported') ? 'unsupported' : 'supported',
    score,
    claims: findings.map((f) => ({ start: f.start, end: f.end, verdict: f.verdict, confidence: f.confidence })),
  };
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalMetrics {
  dataset: string;
  rows: number;
  balancedAccuracy: number;
  supported: ClassMetrics;
  unsupported: ClassMetrics;
  /** confusion[gold][predicted] */
  confusion: Record<'supported' | 'unsupported', Record<'supported' | 'unsupported', number>>;
}

export function measure(dataset: string, pairs: readonly { gold: 'supported' | 'unsupported'; predicted: 'supported' | 'unsupported' }[]): EvalMetrics {
  const confusion = {
    supported: { supported: 0, unsupported: 0 },
    unsupported: { supported: 0, unsupported: 0 },
  };
  for (const p of pairs) confusion[p.gold][p.predicted]++;
  const cls = (c: 'supported' | 'unsupported'): ClassMetrics => {
    const other = c === 'supported' ? 'unsupported' : 'supported';
    const tp = confusion[c][c];
    const fp = confusion[other][c];
    const fn = confusion[c][other];
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  const supported = cls('supported');
  const unsupported = cls('unsupported');
  return { dataset, rows: pairs.length, balancedAccuracy: (supported.recall + unsupported.recall) / 2, supported, unsupported, confusion };
}
