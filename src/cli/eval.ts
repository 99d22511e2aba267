// `claimcheck eval`: grade labelled JSONL rows, write one prediction per row, print metrics per dataset.
import { resolve } from 'node:path';
import { InputError } from '../core/errors';
import { fileGroup, labelPairs, MAX_DATA_BYTES, measure, readJsonlRows, metricsTable, predictRows, type EvalPrediction, type EvalRow } from '../core/eval';
import { GIVE_UP_AFTER } from '../core/streak';
import { createGrader } from '../core/graders';
import { graderLabel } from '../core/report';
import { readTextFile } from '../core/references';
import { messages, type Messages } from '../core/report/messages';
import { isStdin, STDIN_NAME, type EvalArgs } from './args';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, readConfig } from './check';
import { graderConfig, noticeLog, withKeyHint } from './grader';
import { complain, describeInput, prepareOutput, refuseInputAsOutput, progressLine, readStdin, writeOutput, type CliIO } from './io';

interface Row extends EvalRow {
  /** Dataset name for the metrics: the row's own, else the file's name. */
  group: string;
}

export async function runEval(args: EvalArgs, io: CliIO): Promise<number> {
  const say = messages(args.lang);
  const problem = (msg: string): void => complain(io.stderr, msg);
  const config = await readConfig(args.config, io, args.lang);
  const grader = createGrader(graderConfig(args, config?.config.grader, io.env, io.cwd, noticeLog(io.stderr, args.lang)));
  if (args.out) {
    await refuseInputAsOutput(io, args.out, [...args.data.filter((d) => !isStdin(d)), ...(config ? [config.path] : [])], args.lang);
    await prepareOutput(io, args.out, args.lang);
  }

  const rows: Row[] = [];
  let unread = 0;
  // A data file that cannot be read, or a line that is not a row, leaves rows out of the metrics: the run says so and
  // exits 2, as check does for a path that names nothing, so a CI job never passes for a full evaluation with fewer
  // rows. A row whose label is unknown is not lost: it is graded, and only left out of the metrics (said per row).
  let lost = 0;
  const badLine = (msg: string): void => {
    unread++;
    problem(msg);
  };
  for (const named of args.data) {
    const stdin = isStdin(named);
    const file = stdin ? STDIN_NAME : named;
    let text: string;
    try {
      text = stdin ? await readStdin(io, MAX_DATA_BYTES, args.lang) : await readTextFile(resolve(io.cwd, file), { maxFileBytes: MAX_DATA_BYTES, displayName: file });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      // The engine's hint for a folder ("pass it where folders are accepted") does not fit: eval takes files.
      problem(err.kind === 'isFolder' ? say.dataIsFolder(file) : describeInput(err, args.lang));
      lost++;
      continue;
    }
    // Not push(...rows): a spread of some 100,000 rows overflows the stack.
    for (const row of parseRows(text, file, badLine, problem, say)) rows.push(row);
  }
  if (!rows.length) {
    problem(say.noRowRead());
    return EXIT_ERROR;
  }

  const progress = progressLine(io, rows.length, say.rowsProgress);
  const run = await predictRows(rows, grader, { signal: io.signal, onDone: (done) => progress.update(done, say.rowsLabel()) });
  const { results: predictions, cancelled } = run;
  progress.end();

  // A row the grader failed on (endpoint down, budget spent) would read as an "unsupported" prediction: it is
  // left out of the predictions and the metrics, and counted instead.
  const graded = predictions.filter((p): p is EvalPrediction => p !== undefined && p.failed === undefined);
  const failed = predictions.filter((p): p is EvalPrediction => p?.failed !== undefined);
  // Rows never started.
  const skipped = run.gaveUp?.untried ?? 0;
  const jsonl = graded.map((p) => JSON.stringify(p)).join('\n');
  // Predictions are data: to --out, else to stdout (then the metrics go to stderr so a pipe gets pure JSONL).
  if (args.out) await writeOutput(io, args.out, jsonl ? `${jsonl}\n` : '', args.lang);
  else if (jsonl) io.stdout(`${jsonl}\n`);
  const out = args.out ? io.stdout : io.stderr;

  const groups = labelPairs(rows, predictions, (row) => row.group);
  for (const [dataset, pairs] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out(`${metricsTable(measure(dataset, pairs), args.lang)}\n`);
  if (groups.size > 1) out(`${metricsTable(measure(say.metricsAll(), [...groups.values()].flat()), args.lang)}\n`);
  const usage = grader.usage();
  out(`${say.rowsGraded(graded.length, rows.length, graderLabel(grader.info), usage.requests, usage.promptTokens, usage.completionTokens, unread)}\n`);
  if (failed.length) problem(say.rowsNotGraded(failed.length + skipped, rows.length, withKeyHint(failed[0]!.failed!, args.lang)));
  if (skipped) problem(say.gaveUpRows(GIVE_UP_AFTER, skipped));

  if (cancelled) {
    problem(say.interrupted());
    return EXIT_INTERRUPTED;
  }
  if (failed.length && !graded.length) {
    problem(say.noRowGraded());
    return EXIT_ERROR;
  }
  if (lost || unread) {
    if (lost) problem(say.dataNotRead(lost));
    if (unread) problem(say.linesNotRead(unread));
    return EXIT_ERROR;
  }
  return failed.length ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * One row per non-blank line; a bad row is reported with its line number and skipped (`problem`), a row
 * whose label is unknown is graded but not measured (`warn`).
 */
export function parseRows(text: string, file: string, problem: (msg: string) => void, warn: (msg: string) => void = problem, say: Messages = messages()): Row[] {
  const fallbackGroup = fileGroup(file);
  return readJsonlRows(text).flatMap((l) => {
    const where = `${file}:${l.line}`;
    if ('problem' in l) {
      problem(l.problem === 'notJson' ? say.notJsonLine(where) : say.badRow(where, l.problem));
      return [];
    }
    const { row, rawLabel } = l;
    if (rawLabel !== undefined && rawLabel !== null && !row.label) warn(say.badLabel(where, JSON.stringify(rawLabel)));
    return [{ ...row, group: row.dataset ?? fallbackGroup }];
  });
}
