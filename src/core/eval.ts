// `claimcheck eval`: grade labelled rows and measure. Row and prediction formats are public (architecture.md).
import { checkText, DEFAULT_TOP_K, indexReferences } from './check';
import { gradeEach, type GradeEachResult } from './pool';
import { passagesFromText } from './references';
import { printable } from './report';
import { displayWidth, messages, padWidth } from './report/messages';
import { notSupportedScore, type Claim, type Finding, type Grader, type ReasonLanguage } from './types';

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
  /** The grader could not judge a claim of the row (endpoint down, budget spent): why. Such a row measures nothing. */
  failed?: string;
}

export async function predictRow(row: EvalRow, grader: Grader, signal?: AbortSignal): Promise<EvalPrediction> {
  const refs = Array.isArray(row.reference) ? row.reference : [row.reference];
  const passages = refs.flatMap((text, i) => passagesFromText(`reference[${i}]`, text));
  const index = indexReferences(passages);
  let findings: Finding[] = await checkText(row.response, index, { grader, format: 'plaintext', signal });
  // Every row needs a judgement: when the splitter finds nothing checkable (a question, small talk), the
  // whole response is graded as one claim rather than passing unexamined.
  const whole = wholeClaim(row.response);
  if (!findings.length && whole) {
    const [j] = await grader.grade([{ claim: whole, passages: index.search(whole.text, DEFAULT_TOP_K) }], signal);
    if (j) findings = [{ ...whole, ...j }];
  }
  // Three decimals, as a claim's confidence has: 0.072, not 0.07199999999999995.
  const score = Math.round(1000 * findings.reduce((max, f) => Math.max(max, notSupportedScore(f)), 0)) / 1000;
  const failure = findings.find((f) => f.failed);
  return {
    id: row.id,
    verdict: findings.some((f) => f.verdict !== 'supported') ? 'unsupported' : 'supported',
    score,
    claims: findings.map((f) => ({ start: f.start, end: f.end, verdict: f.verdict, confidence: f.confidence })),
    ...(failure ? { failed: failure.reason } : {}),
  };
}

/** Rows in flight at once: the offline grader runs one at a time anyway; an LLM grader overlaps requests. */
const ROW_CONCURRENCY = 4;

/**
 * Predicts every row, several at once; with an LLM grader the claims of several rows share a request. Stops
 * when GIVE_UP_AFTER rows in a row fail the same way (endpoint down, key rejected).
 */
export function predictRows(rows: readonly EvalRow[], grader: Grader, options: { signal?: AbortSignal; onDone?: (done: number) => void } = {}): Promise<GradeEachResult<EvalPrediction>> {
  return gradeEach(rows, grader, (row, g) => predictRow(row, g, options.signal), { concurrency: ROW_CONCURRENCY, signal: options.signal, failure: (p) => p.failed, onDone: options.onDone });
}

/** The whole response, trimmed, as one claim (undefined when it is blank). */
export function wholeClaim(response: string): Claim | undefined {
  const start = response.length - response.trimStart().length;
  const text = response.trim();
  return text ? { text, start, end: start + text.length } : undefined;
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

type Label = 'supported' | 'unsupported';

/** Rows labelled with the class, and rows predicted as it. */
const goldCount = (c: EvalMetrics['confusion'], k: Label): number => c[k].supported + c[k].unsupported;
const predictedCount = (c: EvalMetrics['confusion'], k: Label): number => c.supported[k] + c.unsupported[k];

/** A row's gold label and the grader's verdict, as `measure` counts them. */
export interface LabelPair {
  gold: Label;
  predicted: Label;
}

/**
 * The pairs to measure, per dataset (`groupOf` names a row's), in the order datasets first appear: rows with a gold
 * label the grader judged. A row it could not judge (endpoint down, budget spent) would read as "unsupported".
 */
export function labelPairs<R extends EvalRow>(rows: readonly R[], predictions: readonly (EvalPrediction | undefined)[], groupOf: (row: R) => string): Map<string, LabelPair[]> {
  const groups = new Map<string, LabelPair[]>();
  rows.forEach((row, i) => {
    const p = predictions[i];
    if (!row.label || !p || p.failed !== undefined) return;
    const group = groupOf(row);
    let pairs = groups.get(group);
    if (!pairs) groups.set(group, (pairs = []));
    pairs.push({ gold: row.label, predicted: p.verdict });
  });
  return groups;
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
  // The mean recall of the classes the rows have: a file of supported rows alone, all right, scores 100%, not 50%.
  const present = (['supported', 'unsupported'] as const).filter((c) => goldCount(confusion, c) > 0);
  const recalls = present.map((c) => (c === 'supported' ? supported : unsupported).recall);
  const balancedAccuracy = recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : 0;
  return { dataset, rows: pairs.length, balancedAccuracy, supported, unsupported, confusion };
}


/**
 * A row's gold label for measuring: "supported", or "unsupported", which a "contradicted" label also is (the
 * measures are binary: fully supported or not). Undefined for anything else.
 */
export function goldLabel(label: unknown): 'supported' | 'unsupported' | undefined {
  // "SUPPORTED" or " Supported " is the same label: datasets differ in case.
  const l = typeof label === 'string' ? label.trim().toLowerCase() : undefined;
  if (l === 'supported') return 'supported';
  return l === 'unsupported' || l === 'contradicted' ? 'unsupported' : undefined;
}

/** Bench files are large; the reference limit (a few MB) does not apply to a dataset. */
export const MAX_DATA_BYTES = 512 * 1024 * 1024;

/** What is wrong with a line of a labelled JSONL file (the message tables of the CLI and the extension say it). */
export type RowProblem = 'notJson' | 'notObject' | 'id' | 'response' | 'reference';

/** A line of a labelled JSONL file: its row (`label` read by goldLabel; `rawLabel` as written), or what is wrong with it. */
export type JsonlLine = { line: number } & ({ row: EvalRow; rawLabel: unknown } | { problem: RowProblem });

/**
 * Each non-blank line of a labelled JSONL file (the format of `claimcheck eval` and Measure Grader), numbered from 1.
 * A row without an id is known by its line; a dataset that is no text is no dataset.
 */
export function readJsonlRows(text: string): JsonlLine[] {
  const out: JsonlLine[] = [];
  text.split(/\r?\n/).forEach((content, i) => {
    if (!content.trim()) return;
    const line = i + 1;
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      return void out.push({ line, problem: 'notJson' });
    }
    const problem = rowProblem(raw);
    if (problem) return void out.push({ line, problem });
    const r = raw as Record<string, unknown>;
    const row: EvalRow = { id: String(r.id ?? line), reference: r.reference as string | string[], response: r.response as string, label: goldLabel(r.label) };
    if (typeof r.dataset === 'string' && r.dataset) row.dataset = r.dataset;
    if (Array.isArray(r.spans)) row.spans = r.spans as [number, number][];
    out.push({ line, row, rawLabel: r.label });
  });
  return out;
}

function rowProblem(raw: unknown): RowProblem | undefined {
  // `null`, a number or a list parse, but are no row.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'notObject';
  const r = raw as Record<string, unknown>;
  if (r.id !== undefined && r.id !== null && typeof r.id !== 'string' && typeof r.id !== 'number') return 'id';
  if (typeof r.response !== 'string') return 'response';
  const ref = r.reference;
  if (!(typeof ref === 'string' || (Array.isArray(ref) && ref.length > 0 && ref.every((x) => typeof x === 'string')))) return 'reference';
  return undefined;
}

/** The group of a data file's rows that name no dataset: the file's name without `.jsonl`. */
export function fileGroup(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.jsonl?$/i, '');
}

/** A class's F1 as a percentage ("84.2%"), or "n/a" where no row has the class or none was predicted it. */
export function f1Percent(m: EvalMetrics, k: Label): string {
  return hasF1(m, k) ? `${(100 * m[k].f1).toFixed(1)}%` : 'n/a';
}

function hasF1(m: EvalMetrics, k: Label): boolean {
  return goldCount(m.confusion, k) > 0 && predictedCount(m.confusion, k) > 0;
}

/** A fixed-width block of text: balanced accuracy, per-class precision/recall/F1 and the confusion matrix. */
export function formatMetrics(m: EvalMetrics): string {
  return metricsTable(m, 'en');
}

/** `formatMetrics` in `language`: the labels padded by terminal columns, so a Japanese table lines up too. */
export function metricsTable(m: EvalMetrics, language: ReasonLanguage): string {
  const say = messages(language);
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  const c = m.confusion;
  // A class no row is labelled with has no recall, and one never predicted no precision: n/a, not 0.0.
  const na = '  n/a';
  const label = Math.max(11, ...(['supported', 'unsupported'] as const).map((k) => displayWidth(say.metricsClass[k]))) + 1;
  const line = (k: Label): string => {
    const x = m[k];
    const p = predictedCount(c, k) ? pct(x.precision) : na;
    const r = goldCount(c, k) ? pct(x.recall) : na;
    return `  ${padWidth(say.metricsClass[k], label)} P ${p}  R ${r}  F1 ${hasF1(m, k) ? pct(x.f1) : na}`;
  };
  const counts = [c.supported.supported, c.supported.unsupported, c.unsupported.supported, c.unsupported.unsupported].map((n) => String(n).length);
  const w = Math.max(4, ...counts, ...(['supported', 'unsupported'] as const).map((k) => displayWidth(say.metricsColumns[k])));
  const n = (x: number): string => String(x).padStart(w);
  return [
    // The name comes from the data file: one line, no terminal escapes.
    say.metricsHead(printable(m.dataset), m.rows, pct(m.balancedAccuracy)),
    line('supported'),
    line('unsupported'),
    `  ${say.metricsConfusion()}`,
    `  ${' '.repeat(label + 1)}${padWidth(say.metricsColumns.supported, w, true)} ${padWidth(say.metricsColumns.unsupported, w, true)}`,
    `  ${padWidth(say.metricsClass.supported, label)} ${n(c.supported.supported)} ${n(c.supported.unsupported)}`,
    `  ${padWidth(say.metricsClass.unsupported, label)} ${n(c.unsupported.supported)} ${n(c.unsupported.unsupported)}`,
  ].join('\n');
}

/** Converts code-point offsets (as in the bench `spans`, counted the Python way) into UTF-16 offsets of the same text. */
export function codePointToUtf16(text: string, offset: number): number {
  let cp = 0;
  let i = 0;
  while (i < text.length && cp < offset) {
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    cp++;
  }
  return i;
}

export interface SpanCounts {
  /** Characters (UTF-16 units) both flagged and gold-marked, flagged only, gold only. */
  overlap: number;
  flagged: number;
  gold: number;
}

/**
 * Character overlap between the claims a grader flagged (not supported) and the gold unsupported spans
 * of one row. Sum the counts over rows, then call `spanF1` (micro average).
 */
export function spanCounts(row: EvalRow, prediction: EvalPrediction): SpanCounts {
  const mark = (ranges: [number, number][]): Set<number> => {
    const s = new Set<number>();
    for (const [a, b] of ranges) for (let i = a; i < b; i++) if (!/\s/.test(row.response[i] ?? '')) s.add(i);
    return s;
  };
  const gold = mark((row.spans ?? []).map(([a, b]) => [codePointToUtf16(row.response, a), codePointToUtf16(row.response, b)]));
  const flagged = mark(prediction.claims.filter((c) => c.verdict !== 'supported').map((c) => [c.start, c.end]));
  let overlap = 0;
  for (const i of flagged) if (gold.has(i)) overlap++;
  return { overlap, flagged: flagged.size, gold: gold.size };
}

export function spanF1(counts: readonly SpanCounts[]): ClassMetrics {
  const sum = counts.reduce((a, c) => ({ overlap: a.overlap + c.overlap, flagged: a.flagged + c.flagged, gold: a.gold + c.gold }), { overlap: 0, flagged: 0, gold: 0 });
  const precision = sum.flagged ? sum.overlap / sum.flagged : 0;
  const recall = sum.gold ? sum.overlap / sum.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
