// Pure (no `vscode`): Measure Grader's input (labelled JSONL rows) and its tally (gold and predicted labels per
// dataset), so tests can run them on files of any size.
import { labelPairs, readJsonlRows, type EvalPrediction, type EvalRow, type LabelPair, type RowProblem } from '../core/eval';
import type { Translate } from './statusView';

export type Label = 'supported' | 'unsupported';
export type LabelledRow = EvalRow & { label: Label };

/** What is wrong with a line, in the user's language (literal `t` calls: the l10n check reads them). */
function problemLine(problem: RowProblem, line: number, t: Translate): string {
  switch (problem) {
    case 'notJson':
      return t('line {0}: not valid JSON', line);
    case 'notObject':
      // `null`, a number or a list parse, but are no row: said as such, not as broken JSON.
      return t('line {0}: a row must be a JSON object', line);
    case 'id':
      return t('line {0}: "id" must be a text or a number', line);
    default:
      return t('line {0}: needs "reference" (a text or a non-empty list of texts) and "response" (a text)', line);
  }
}

/** Parses JSONL rows that carry a label, as `claimcheck eval` reads them; returns the rows and one line per row it could not use. */
export function parseLabelledRows(text: string, t: Translate): { rows: LabelledRow[]; problems: string[] } {
  const rows: LabelledRow[] = [];
  const problems: string[] = [];
  for (const l of readJsonlRows(text)) {
    if ('problem' in l) problems.push(problemLine(l.problem, l.line, t));
    else if (!l.row.label) problems.push(t('line {0}: needs "label": "supported", "unsupported" or "contradicted"', l.line));
    else rows.push({ ...l.row, label: l.row.label });
  }
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
): { pairs: Map<string, LabelPair[]>; failed: string[] } {
  // A row the grader could not judge (endpoint down, budget spent) is counted instead of measured.
  const failed = predictions.flatMap((p) => (p?.failed !== undefined ? [p.failed] : []));
  return { pairs: labelPairs(rows, predictions, (row) => row.dataset || unnamed), failed };
}
