// Pure (no `vscode`): Measure Grader's input (labelled JSONL rows) and its tally (gold and predicted labels per
// dataset), so tests can run them on files of any size.
import type { EvalPrediction, EvalRow } from '../core/eval';
import { goldLabel } from '../core/eval';
import type { Translate } from './statusView';

export type Label = 'supported' | 'unsupported';
export type LabelledRow = EvalRow & { label: Label };

/**
 * Parses JSONL rows that carry a label; returns the rows and one line per row it could not use. A row is what
 * `claimcheck eval` accepts: an object with a text "response" and a "reference" that is a text or a non-empty
 * list of texts.
 */
export function parseLabelledRows(text: string, t: Translate): { rows: LabelledRow[]; problems: string[] } {
  const rows: LabelledRow[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return void problems.push(t('line {0}: not valid JSON', i + 1));
    }
    // `null`, a number or a list parse, but are no row: said as such, not as broken JSON.
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void problems.push(t('line {0}: a row must be a JSON object', i + 1));
    const r = raw as Partial<EvalRow>;
    const ref = r.reference;
    const refOk = typeof ref === 'string' || (Array.isArray(ref) && ref.length > 0 && ref.every((x) => typeof x === 'string'));
    if (typeof r.response !== 'string' || !refOk) return void problems.push(t('line {0}: needs "reference" (a text or a non-empty list of texts) and "response" (a text)', i + 1));
    const label = goldLabel(r.label);
    if (!label) return void problems.push(t('line {0}: needs "label": "supported", "unsupported" or "contradicted"', i + 1));
    // A dataset that is no text (a number, say) groups the row under the file's name, as `claimcheck eval` does.
    const dataset = typeof r.dataset === 'string' && r.dataset ? r.dataset : undefined;
    rows.push({ ...(r as EvalRow), id: String(r.id ?? i + 1), label, dataset });
  });
  return { rows, problems };
}

/**
 * Gold and predicted labels per dataset (rows without one under `unnamed`), and the reasons of the rows the
 * grader could not judge, which stay out of the metrics. One pass: a file of 100,000 rows is tallied at once.
 */
export function tallyPredictions(
  rows: readonly LabelledRow[],
  predictions: readonly (EvalPrediction | undefined)[],
  unnamed: string,
): { pairs: Map<string, { gold: Label; predicted: Label }[]>; failed: string[] } {
  const pairs = new Map<string, { gold: Label; predicted: Label }[]>();
  const failed: string[] = [];
  predictions.forEach((p, i) => {
    if (!p) return;
    // A row the grader could not judge (endpoint down, budget spent) would read as "unsupported": count it instead.
    if (p.failed !== undefined) return void failed.push(p.failed);
    const row = rows[i]!;
    const dataset = row.dataset || unnamed;
    let list = pairs.get(dataset);
    if (!list) pairs.set(dataset, (list = []));
    list.push({ gold: row.label, predicted: p.verdict });
  });
  return { pairs, failed };
}
