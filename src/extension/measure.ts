// Measure Grader: run the configured grader over a labelled JSONL file and show balanced accuracy, F1 and the confusion matrix.
import * as vscode from 'vscode';
import { describeProblem, InputError } from '../core/errors';
import { f1Percent, fileGroup, formatMetrics, MAX_DATA_BYTES, measure, predictRows, type EvalMetrics } from '../core/eval';
import { decodeText } from '../core/references';
import { GIVE_UP_AFTER } from '../core/streak';
import { parseLabelledRows, tallyPredictions } from './labelledRows';
import { uiLanguage } from './grader';
import { withAbortableProgress } from './progress';
import { stepReporter } from './steps';
import type { Services } from './services';

export interface MeasureResult {
  file: string;
  grader: string;
  /** One entry per dataset, then "all" when there are several. */
  metrics: EvalMetrics[];
  cancelled: boolean;
  /** Rows not tried after the grader failed the same way GIVE_UP_AFTER times in a row. */
  untried: number;
}

export async function measureGrader(s: Services, given?: vscode.Uri): Promise<MeasureResult | undefined> {
  let uri = given;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [vscode.l10n.t('Labelled rows (JSONL)')]: ['jsonl'] },
      openLabel: vscode.l10n.t('Measure'),
      title: vscode.l10n.t('Pick a labelled JSONL file (rows with reference, response and label)'),
    });
    uri = picked?.[0];
  }
  if (!uri) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    // A file that vanished or cannot be read: one line, not the file system's stack.
    const why = e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? vscode.l10n.t('not found') : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', vscode.workspace.asRelativePath(uri), why));
    return undefined;
  }
  let text: string;
  try {
    // The engine's reader: a binary file, UTF-16 without a byte-order mark or a broken encoding is said, not read as garbage.
    text = decodeText(bytes, vscode.workspace.asRelativePath(uri), MAX_DATA_BYTES);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // The data file's limit is fixed (MAX_DATA_BYTES), as the CLI's are: the hint naming claimcheck.maxFileSizeKB is not for it.
    void vscode.window.showErrorMessage(describeProblem(e, uiLanguage(), 'cli'));
    return undefined;
  }
  const { rows, problems } = parseLabelledRows(text, vscode.l10n.t);
  for (const p of problems) s.log.warn(`${uri.fsPath}: ${p}`);
  if (problems.length && rows.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} lines of {1} could not be used and are left out (the first: {2}); see the log.', problems.length, vscode.workspace.asRelativePath(uri), problems[0]!));
  }
  if (!rows.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no labelled rows (each line: a JSON object with "reference", "response" and "label").', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const scope = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? uri;
  const ctx = await s.checker.context(scope);
  const grader = await s.checker.grader(ctx);
  const name = grader.info.model ? `${grader.info.id} (${grader.info.model})` : grader.info.id;
  // Rows without a dataset are grouped under the file's name, as `claimcheck eval` does ("all" is the total).
  const unnamed = fileGroup(uri.path);
  const { cancelled, pairs, failed, untried } = await withAbortableProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('ClaimCheck: measuring the {0} grader', name), cancellable: true },
    async (signal, progress) => {
      const run = await predictRows(rows, grader, {
        signal,
        onDone: stepReporter((u) => progress.report(u), rows.length, (done) => vscode.l10n.t('{0} of {1} rows', done, rows.length)),
      });
      // The same failure row after row (endpoint down, key rejected): the rest were not tried.
      return { cancelled: run.cancelled, untried: run.gaveUp?.untried ?? 0, ...tallyPredictions(rows, run.results, unnamed) };
    },
  );
  const metrics = [...pairs].map(([dataset, p]) => measure(dataset, p));
  if (pairs.size > 1) metrics.push(measure('all', [...pairs.values()].flat()));
  s.log.info(`Measure Grader: ${uri.fsPath}, ${name}${cancelled ? ' (cancelled, partial)' : ''}\n${metrics.map(formatMetrics).join('\n')}`);
  if (failed.length) {
    s.log.warn(`Measure Grader: ${failed.length + untried} rows not graded, left out of the metrics: ${failed[0]}`);
    const message = untried
      ? vscode.l10n.t('Stopped after {0} rows in a row failed the same way ({1} rows not tried): {2}', GIVE_UP_AFTER, untried, failed[0]!)
      : vscode.l10n.t('{0} of {1} rows could not be graded and are left out of the metrics: {2}', failed.length, rows.length, failed[0]!);
    void vscode.window.showWarningMessage(message);
  }
  const overall = metrics[metrics.length - 1];
  if (overall) {
    const show = vscode.l10n.t('Show Details');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          '{0} grader on {1} rows: balanced accuracy {2}%, F1 supported {3}, F1 unsupported {4}.',
          name,
          overall.rows,
          (overall.balancedAccuracy * 100).toFixed(1),
          f1Percent(overall, 'supported'),
          f1Percent(overall, 'unsupported'),
        ),
        show,
      )
      .then((c) => {
        if (c === show) s.log.show();
      });
  }
  return { file: uri.toString(), grader: name, metrics, cancelled, untried };
}
