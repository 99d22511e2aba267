// The CLI's only window on the process: tests call `main` in-process with their own streams.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { addAbortSignal, type Readable } from 'node:stream';
import { CancelledError, describeProblem, InputError } from '../core/errors';
import { fileIdentity, isReadOnly, replaceFile } from '../core/files';
import { displayPath } from '../core/paths';
import { sayProblem } from '../core/problems';
import { decodeText, formatBytes } from '../core/references/read';
import { printable } from '../core/report';
import { messages } from '../core/report/messages';
import type { ReasonLanguage } from '../core/types';
import { STDIN_NAME, UsageError } from './args';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stderr is a terminal: show progress. */
  isTTY: boolean;
  /** Fires on Ctrl+C; the run stops and reports what it finished. */
  signal?: AbortSignal;
  /** Standard input, read for the document or data file named "-". */
  stdin?: Readable;
  /** What standard output writes to, as `fileIdentity` names it (`descriptorIdentity(1)`), where the system tells. */
  stdoutIdentity?: string;
}

/**
 * `--out` as the run writes it: undefined for standard output, which `-` names, and so does a path that leads to
 * the very file or pipe stdout writes to (/dev/stdout, the file the shell redirected stdout to). Written through
 * stdout, in turn with the rest (eval's metrics then go to stderr), the file is neither replaced under the shell,
 * which then wrote the rest into the old one, deleted, nor opened again over what stdout writes.
 */
export async function outputFile(io: CliIO, path: string | undefined): Promise<string | undefined> {
  if (path === undefined || io.stdoutIdentity === undefined) return path;
  return (await fileIdentity(resolve(io.cwd, path))) === io.stdoutIdentity ? undefined : path;
}

/**
 * All of standard input as text, with the checks a file gets (size limit, binary, encoding, empty), named
 * STDIN_NAME. Bytes past the limit are counted, not kept, so the message can say how large the input was.
 */
export async function readStdin(io: CliIO, maxBytes: number, lang: ReasonLanguage): Promise<string> {
  if (!io.stdin) throw new InputError(STDIN_NAME, 'empty');
  // "check -" typed at a terminal with nothing piped in would wait in silence: say what it waits for.
  if ((io.stdin as { isTTY?: boolean }).isTTY) complain(io.stderr, messages(lang).stdinFromTerminal());
  const stream = io.signal ? addAbortSignal(io.signal, io.stdin) : io.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (size <= maxBytes) chunks.push(bytes);
    }
  } catch (err) {
    if (io.signal?.aborted) throw new CancelledError();
    throw new InputError(STDIN_NAME, 'cannotRead', err instanceof Error ? err.message : String(err));
  }
  if (size > maxBytes) throw new StdinTooLargeError(STDIN_NAME, 'tooLarge', formatBytes(size), formatBytes(maxBytes));
  return decodeText(Buffer.concat(chunks), STDIN_NAME, maxBytes);
}

/** Standard input over the size limit: a file's hint ("split it into smaller files") does not fit a pipe. */
class StdinTooLargeError extends InputError<'tooLarge'> {}

/**
 * An input problem as the CLI says it, in `lang`: the engine's line, but with the CLI's ways out where the
 * editor's differ (--refs for a file outside the folder, not "trust the workspace"; a pipe too large; no setting to
 * raise the size limit).
 */
export function describeInput(p: InputError, lang: ReasonLanguage): string {
  const say = messages(lang);
  if (p instanceof StdinTooLargeError) return say.stdinTooLarge(p.file, sayProblem(p.kind, p.file, p.args, lang).problem);
  if (p.kind === 'outsideFolder') return say.outsideRun(p.file);
  return describeProblem(p, lang, 'cli');
}

/**
 * One line on stderr, "claimcheck: ..." : whatever a file name, a config file's bytes or a dataset name holds, it
 * stays one line with no control characters (no terminal escapes, no forged CI log lines).
 */
export function complain(stderr: (s: string) => void, line: string): void {
  stderr(`claimcheck: ${printable(line)}\n`);
}

/**
 * Standard error that holds what a run says before it may go ahead (the config's warnings, notes on flags it does not
 * use) until `release`, so that a refused --out is said alone; once released, it writes at once.
 */
export function heldStderr(stderr: (s: string) => void): { write: (s: string) => void; release: () => void } {
  let held: string[] | undefined = [];
  return {
    write: (s) => (held ? held.push(s) : stderr(s)),
    release: () => {
      for (const s of held ?? []) stderr(s);
      held = undefined;
    },
  };
}

/** Off a terminal, a long run says how far it is this often, so a CI log never sits silent for minutes. */
export const HEARTBEAT_MS = 30_000;

/**
 * `\r[3/10] docs/a.md` on a terminal; off one (a CI log), a plain line every `everyMs` while the run lasts,
 * "claimcheck: 3 of 10 documents checked after 30 s" (`say` words it), and nothing for a run that ends before.
 */
export function progressLine(
  io: CliIO,
  total: number,
  say: (done: number, total: number, seconds: number) => string = messages('en').documentsProgress,
  everyMs = HEARTBEAT_MS,
): { update: (done: number, label: string) => void; clear: () => void; end: () => void } {
  if (total < 2) return { update: () => undefined, clear: () => undefined, end: () => undefined };
  if (!io.isTTY) {
    const started = Date.now();
    let done = 0;
    const timer = setInterval(() => complain(io.stderr, say(done, total, Math.round((Date.now() - started) / 1000))), everyMs);
    timer.unref();
    // A problem line needs nothing cleared; the heartbeat goes on until the run ends.
    return { update: (n) => void (done = n), clear: () => undefined, end: () => clearInterval(timer) };
  }
  let shown = false;
  const clear = (): void => {
    if (shown) io.stderr('\r\x1b[K');
  };
  return {
    update: (done, label) => {
      shown = true;
      io.stderr(`\r\x1b[K[${done}/${total}] ${label}`);
    },
    /** Clears the line so that a message can take it; the next update writes it again. */
    clear,
    end: clear,
  };
}

/**
 * Makes sure `--out` can be written before a run starts: its folder is made if need be (CI names paths such as
 * reports/claims.sarif before the folder exists), and a path that can never be a file fails now, not after a
 * finished run, perhaps a paid one.
 */
export async function prepareOutput(io: CliIO, path: string, lang: ReasonLanguage): Promise<void> {
  // "reports/" means a folder, though resolve() drops the slash: it would become a file named reports.
  if (/[\\/]$/.test(path) || (await stat(resolve(io.cwd, path)).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(messages(lang).outIsFolder(path));
  }
  if (isReadOnly(resolve(io.cwd, path))) throw new UsageError(messages(lang).outIsReadOnly(path));
  await makeFolder(io, path, dirname(resolve(io.cwd, path)), lang);
}

/**
 * `--out` must not name a file the run reads, under any of its names (a link to it, a hard link too): the report
 * would replace a document, a reference or the data. `inputs` are paths; `read` are files already known by their
 * `fileIdentity` (those a reference pattern or a directive found).
 */
export async function refuseInputAsOutput(io: CliIO, path: string, inputs: Iterable<string>, lang: ReasonLanguage, read: ReadonlySet<string> = new Set()): Promise<void> {
  const out = await fileIdentity(resolve(io.cwd, path));
  if (read.has(out)) throw new UsageError(messages(lang).outIsInput(path));
  for (const input of inputs) if ((await fileIdentity(resolve(io.cwd, input))) === out) throw new UsageError(messages(lang).outIsInput(path));
}

/**
 * Writes a report or the predictions to `path` (relative to cwd), its folder made if need be: whole or not at all
 * (`replaceFile`), so a run that fails or is stopped while writing leaves the earlier report, never half of one.
 */
export async function writeOutput(io: CliIO, path: string, text: string, lang: ReasonLanguage): Promise<void> {
  const absolute = resolve(io.cwd, path);
  await makeFolder(io, path, dirname(absolute), lang);
  try {
    replaceFile(absolute, text);
  } catch (err) {
    // Made read-only while the run went on.
    if (isReadOnly(absolute)) throw new UsageError(messages(lang).outIsReadOnly(path));
    throw new UsageError(messages(lang).cannotWrite(path, (err as NodeJS.ErrnoException).code ?? String(err)));
  }
}

/**
 * Makes `folder` one level at a time from its nearest existing ancestor. Node's `mkdir(..., { recursive: true })`
 * never returns under /proc (each mkdir says ENOENT, so it retries the parent for ever); and a parent that is a
 * file is named, where a recursive mkdir only says EEXIST or ENOTDIR.
 */
async function makeFolder(io: CliIO, path: string, folder: string, lang: ReasonLanguage): Promise<void> {
  const say = messages(lang);
  const shown = (dir: string): string => displayPath(io.cwd, dir);
  const missing: string[] = [];
  for (let dir = folder; ; dir = dirname(dir)) {
    const info = await stat(dir).catch((err: NodeJS.ErrnoException) => err);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) break;
      throw new UsageError(say.notAFolder(path, shown(dir)));
    }
    // ENOTDIR: a file further up; the walk reaches it and names it.
    if ((info.code !== 'ENOENT' && info.code !== 'ENOTDIR') || dirname(dir) === dir) {
      throw new UsageError(say.cannotMakeFolder(path, shown(dir), info.code ?? info.message));
    }
    missing.unshift(dir);
  }
  for (const dir of missing) {
    try {
      await mkdir(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Made meanwhile (two runs writing side by side) is as good as made here.
      if (code === 'EEXIST' && (await stat(dir).catch(() => undefined))?.isDirectory()) continue;
      throw new UsageError(say.cannotMakeFolder(path, shown(dir), code ?? String(err)));
    }
  }
}
