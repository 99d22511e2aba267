// `claimcheck eval`: grade labelled JSONL rows, write one prediction per row, print metrics per dataset.
import { resolve } from 'node:path';
import { InputError } from '../core/errors';
import { fileIdentity } from '../core/files';
import { fileGroup, labelPairs, MAX_DATA_BYTES, measure, readJsonlRows, metricsTable, predictRows, type EvalPrediction, type EvalRow } from '../core/eval';
import { GIVE_UP_AFTER } from '../core/streak';
import { createGrader } from '../core/graders';
import { graderLabel } from '../core/report';
import { readTextFile } from '../core/references';
import { messages, type Messages } from '../core/report/messages';
import type { EvalArgs } from './args';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, readConfig } from './check';
import { graderConfig, noticeLog, withKeyHint } from './grader';
import { DATA_FILES, expandDocuments } from './inputs';
import { complain, describeInput, heldStderr, prepareOutput, refuseInputAsOutput, progressLine, readStdin, writeOutput, type CliIO } from './io';

interface Row extends EvalRow {
  /** Dataset name for the metrics: the row's own, else the file's name. */
  group: string;
}

export async function runEval(args: EvalArgs, io: CliIO): Promise<number> {
  const say = messages(args.lang);
  const problem = (msg: string): void => complain(io.stderr, msg);
  // Said once the run goes ahead (below): a refused --out is said alone.
  const early = heldStderr(io.stderr);
  const config = await readConfig(args.config, io, args.lang, early.write);
  const grader = createGrader(graderConfig(args, config?.config.grader, io.env, io.cwd, noticeLog(early.write, args.lang)));
  // Files, folders (their .jsonl files) and globs, by the rule check's documents follow.
  const { documents: found, problems: pathProblems, problemArg } = await expandDocuments(args.data, { cwd: io.cwd, kind: DATA_FILES });
  if (args.out) {
    await refuseInputAsOutput(io, args.out, [...found.filter((d) => d.explicit && !d.stdin).map((d) => d.absolute), ...(config ? [config.path] : [])], args.lang);
    await prepareOutput(io, args.out, args.lang);
  }
  early.release();
  // An earlier run's predictions found in a folder or by a glob are not data: left out, as check leaves out its report.
  const outFile = args.out && (await fileIdentity(resolve(io.cwd, args.out)));
  const earlierOut = found.filter((d) => !d.explicit && d.id === outFile);
  const data = found.filter((d) => !earlierOut.includes(d));

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
  // In the order of the command line, each file's problems together (a path that names nothing among them), each
  // file named as the command line named it.
  const steps = [...pathProblems.map((p) => ({ arg: problemArg.get(p) ?? 0, unread: p })), ...data.map((d) => ({ arg: d.arg, data: d }))];
  for (const step of steps.sort((a, b) => a.arg - b.arg)) {
    if (!('data' in step)) {
      problem(describeInput(step.unread, args.lang));
      lost++;
      continue;
    }
    const d = step.data;
    let text: string;
    try {
      text = d.stdin ? await readStdin(io, MAX_DATA_BYTES, args.lang) : await readTextFile(d.absolute, { maxFileBytes: MAX_DATA_BYTES, displayName: d.asNamed });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problem(describeInput(err, args.lang));
      lost++;
      continue;
    }
    // Not push(...rows): a spread of some 100,000 rows overflows the stack.
    for (const row of parseRows(text, d.asNamed, badLine, problem, say)) rows.push(row);
  }
  if (!rows.length) {
    for (const d of earlierOut) problem(say.outLeftOut(d.asNamed));
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
