// `claimcheck check`: documents × references → text, JSON or SARIF, and an exit code.
import { dirname, relative, resolve } from 'node:path';
import { CONFIG_FILE, isIncluded, loadConfig, referencesFor, type ParsedConfig } from '../core/config';
import { InputError, UnmatchedPathError } from '../core/errors';
import { gaveUpLine } from '../core/streak';
import { createGrader } from '../core/graders';
import { type CheckReport, hasFailures, notJudgedLine, printable } from '../core/report';
import { formatJson } from '../core/report/json';
import { messages } from '../core/report/messages';
import { formatSarif } from '../core/report/sarif';
import { formatText } from '../core/report/text';
import { fileIdentity } from '../core/files';
import { mayLeadOut } from '../core/paths';
import { DEFAULT_MAX_FILE_BYTES, insideFolder as realPathInside, readTextFile } from '../core/references';
import { checkFiles, fromDocument, ReferenceSets, type ReferenceSet } from '../core/run';
import { splitDirectiveReferences } from '../core/directives';
import type { ReasonLanguage } from '../core/types';
import { isStdin, STDIN_NAME, type CheckArgs } from './args';
import { graderConfig, noticeLog, withKeyHint } from './grader';
import { expandDocuments, type Document } from './inputs';
import { complain, describeInput, heldStderr, prepareOutput, refuseInputAsOutput, progressLine, readStdin, writeOutput, type CliIO } from './io';
import { VERSION } from './version';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_INTERRUPTED = 130;

export async function runCheck(args: CheckArgs, io: CliIO): Promise<number> {
  const say = messages(args.lang);
  // Input problems in the reasons' language (--lang), as the editor says them in its UI's.
  // One line each, whatever a file name or a config key holds (see `complain`).
  const describe = (p: InputError): string => describeInput(p, args.lang);
  const problem = (p: InputError | string): void => complain(io.stderr, typeof p === 'string' ? p : describe(p));
  // Said once the run goes ahead (below): a refused --out is said alone.
  const early = heldStderr(io.stderr);
  const loaded = await readConfig(args.config, io, args.lang, early.write);
  const config = loaded?.config ?? {};
  const configDir = loaded ? dirname(loaded.path) : io.cwd;
  const grader = createGrader(graderConfig(args, config.grader, io.env, io.cwd, noticeLog(early.write, args.lang)));
  if (args.out) await prepareOutput(io, args.out, args.lang);

  // Config paths are relative to the config's folder; the engine resolves against cwd.
  const fromConfig = (p: string): string => relative(io.cwd, resolve(configDir, p)).split('\\').join('/') || '.';
  const docKey = (absolute: string): string => relative(configDir, absolute).split('\\').join('/');
  const referencesOf = (absolute: string): string[] =>
    args.refs.length ? args.refs : referencesFor(config, docKey(absolute)).map(fromConfig);

  const { documents, problems: inputProblems } = await expandDocuments(args.documents, {
    cwd: io.cwd,
    // As Check Workspace has it: a file found in a folder must match `include` (where given) and no `exclude`.
    excluded: (absolute) => !isIncluded(config, docKey(absolute)),
  });
  const problems: string[] = [];
  let unmatched = 0;
  const report = (p: InputError): void => {
    const line = describe(p);
    problems.push(line);
    if (p instanceof UnmatchedPathError) unmatched++;
    problem(line);
  };

  // Only what the command line names may lie outside the folder the run is in: a document's directive, a cloned
  // repository's .claimcheck.json or a link in it must not read the rest of the disk into the report and the prompt.
  const named = [...args.documents, ...args.refs, ...(args.config ? [args.config] : [])];
  const confine = named.every((p) => isStdin(p) || insideFolder(io.cwd, p));
  const sets = new ReferenceSets(io.cwd, { confine });
  const patternSets = new Map(documents.map((d) => [d.absolute, referencesOf(d.absolute)]));
  const patternLists = [...new Set([...patternSets.values()].map((p) => JSON.stringify(p)))].map((p) => JSON.parse(p) as string[]).filter((list) => list.length);
  // Reference files are never checked as answers, even when a folder of documents holds them (by `fileIdentity`):
  // found, not read yet, so that a refused --out (below) costs no reading and says nothing else.
  const referenceFiles = new Set<string>();
  for (const list of patternLists) for (const id of await sets.identities(list, io.signal)) referenceFiles.add(id);
  // A report that --out is about to replace is not read: named on the command line, as a reference (by --refs, the
  // config or a document's directive) or as the config, the run is refused (below, once the directives are read,
  // before anything else is said or read); found in a folder of documents (an earlier run's report.txt), it is left
  // out. Under any name: a link to an input is that input.
  const outFile = args.out && (await fileIdentity(resolve(io.cwd, args.out)));
  const candidates = documents.filter((d) => d.id !== outFile && !referenceFiles.has(d.id));
  // Standard input can be read once: its directive is read here, its text checked below.
  const stdinText = once(() => readStdin(io, DEFAULT_MAX_FILE_BYTES, args.lang));
  const readable = confine ? await realPathInside(io.cwd) : undefined;
  // The files a document's directive names are its references, not documents, as in Check Workspace; one named on
  // the command line is checked all the same: the user asked for it.
  const { documents: toCheck, references: directiveReferences, named: directiveNamed } = await splitDirectiveReferences(candidates, {
    read: (d) => directiveText(d, stdinText, readable),
    resolve: (d, ref) => fromDocument(io.cwd, d.path, ref),
    expand: (patterns) => sets.identities(patterns, io.signal),
    key: (d) => d.id,
    named: (d) => d.explicit,
  });
  if (args.out) {
    const inputs = [...documents.filter((d) => d.explicit && !d.stdin).map((d) => d.absolute), ...(loaded ? [loaded.path] : [])];
    await refuseInputAsOutput(io, args.out, inputs, args.lang, new Set([...referenceFiles, ...directiveNamed]));
  }

  // The run goes ahead: what it cannot use is said now.
  early.release();
  // Said, not silently dropped, as unused grader flags are: the user asked for it.
  if (args.coverage && args.format === 'sarif') complain(io.stderr, say.note(say.coverageNotInSarif()));
  inputProblems.forEach(report);
  // Each set's problems are said once: here for the sets every document's patterns name (so a document that
  // cannot be read does not hide its references' problems), by checkFiles for those a document adds itself.
  const reported = new Set<ReferenceSet>();
  for (const list of patternLists) {
    const set = await sets.get(list, io.signal);
    reported.add(set);
    set.problems.forEach(report);
  }
  for (const d of documents) if (d.explicit && d.id !== outFile && referenceFiles.has(d.id)) problem(say.alsoReference(d.path));
  // Left out silently, as the references --refs names are, unless that leaves nothing: then "nothing could be
  // checked" must have its reasons above it (a folder of references only, or of the report --out replaces).
  if (!toCheck.length) {
    for (const d of documents) if (!d.explicit && d.id !== outFile && referenceFiles.has(d.id)) problem(say.referenceLeftOut(d.path));
    for (const d of documents) if (!d.explicit && d.id === outFile) problem(say.outLeftOut(d.path));
    for (const d of directiveReferences) problem(say.directiveReference(d.path));
  }

  // A document named on its own that cannot be checked (binary, too large, unreadable...) fails the run as a path that
  // names nothing does: the user asked for that file. One a folder or a glob found is only said.
  const namedDocuments = new Set(toCheck.filter((d) => d.explicit).map((d) => d.path));
  const namedSkipped = new Set<string>();
  const stdin = toCheck.some((d) => d.stdin);
  const progress = progressLine(io, toCheck.length, say.documentsProgress);
  const byPath = new Map(toCheck.map((d) => [d.path, d.absolute]));
  const result = await checkFiles({
    cwd: io.cwd,
    files: toCheck.map((d) => d.path),
    grader,
    referencesFor: (file) => patternSets.get(byPath.get(file)!) ?? [],
    references: sets,
    reported,
    accepted: new Set(config.accepted ?? []),
    signal: io.signal,
    confine,
    language: args.lang,
    // SARIF has no place for it: not worked out for nothing.
    coverage: args.coverage && args.format !== 'sarif',
    readDocument: (file) => (stdin && file === STDIN_NAME ? stdinText() : undefined),
    onProblem: (p) => {
      progress.clear();
      if (namedDocuments.has(p.file)) namedSkipped.add(p.file);
      report(p);
    },
    onProgress: (p) => progress.update(p.done, printable(p.file)),
  });
  progress.end();

  // A partial report says so: on stderr before it, among its problems, and in SARIF as a failed run.
  const runProblem = (line: string): void => {
    problems.push(line);
    problem(line);
  };
  if (result.gaveUp) runProblem(gaveUpLine(withKeyHint(result.gaveUp.reason, args.lang), result.gaveUp.unchecked, args.lang));
  if (result.cancelled) runProblem(say.interruptedAfter(result.files.length, toCheck.length));
  const checkReport: CheckReport = {
    grader: grader.info,
    files: result.files,
    usage: grader.usage(),
    problems,
    ...(result.cancelled ? { interrupted: true } : {}),
    ...(unmatched || namedSkipped.size ? { incomplete: true } : {}),
    language: args.lang,
  };
  const judged = notJudgedLine(checkReport);
  const unjudged = judged && withKeyHint(judged, args.lang);
  const output =
    args.format === 'json'
      ? formatJson(checkReport)
      : args.format === 'sarif'
        ? formatSarif(checkReport, { toolVersion: VERSION })
        : formatText(checkReport) + (unjudged ? `${unjudged}\n` : '');
  // JSON/SARIF only flag each claim, and a report in --out is not seen: say on stderr why the run fails.
  if (unjudged && (args.format !== 'text' || args.out)) problem(unjudged);
  if (args.out) await writeOutput(io, args.out, output, args.lang);
  else io.stdout(output);

  if (result.cancelled) return EXIT_INTERRUPTED;
  if (!result.files.length) {
    problem(say.nothingChecked());
    return EXIT_ERROR;
  }
  // A mistyped path in a CI job must not pass for a clean run: the report stands, the exit code says so.
  if (unmatched || namedSkipped.size) {
    if (unmatched) problem(say.namedNothing(unmatched));
    if (namedSkipped.size) problem(say.namedNotChecked(namedSkipped.size));
    return EXIT_ERROR;
  }
  return hasFailures(checkReport, args.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** The project configuration (--config, else .claimcheck.json if there is one), its warnings said on stderr. */
/** The config `--config` names, else `.claimcheck.json` where there is one; its warnings go to `stderr`. */
export async function readConfig(flag: string | undefined, io: CliIO, lang: ReasonLanguage, stderr = io.stderr): Promise<(ParsedConfig & { path: string }) | undefined> {
  const path = resolve(io.cwd, flag ?? CONFIG_FILE);
  const parsed = await loadConfig(path, { optional: flag === undefined, displayName: flag ?? CONFIG_FILE });
  if (!parsed) return undefined;
  for (const w of parsed.warnings) complain(stderr, describeInput(w, lang));
  return { ...parsed, path };
}

/**
 * The text a document's directive is read from: as the check reads it (size, binary, encoding; standard input
 * once), or undefined where the check will skip it, so that it names nothing.
 */
async function directiveText(d: Document, stdinText: () => Promise<string>, readable?: (file: string) => Promise<boolean>): Promise<string | undefined> {
  try {
    if (d.stdin) return await stdinText();
    if (readable && !(await readable(d.absolute))) return undefined;
    return await readTextFile(d.absolute, { maxFileBytes: DEFAULT_MAX_FILE_BYTES, displayName: d.path });
  } catch {
    return undefined; // the check says why it skips the document
  }
}

/** `make`'s promise, made on the first call and shared by the later ones. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** Whether a path (or glob) the user named lies inside `cwd`, by its text: a `..` anywhere may lead out. */
function insideFolder(cwd: string, path: string): boolean {
  return !mayLeadOut(cwd, path);
}
