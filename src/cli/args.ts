// Flag parsing for `check` and `eval` on node:util's parseArgs; every mistake becomes a UsageError (exit 2).
import { parseArgs } from 'node:util';
import type { FailOn } from '../core/report';
import { messages, type Messages } from '../core/report/messages';
import type { ReasonLanguage } from '../core/types';
import { MAX_TIMER_MS } from '../core/graders/openai';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** How reports name the text read from standard input. */
export const STDIN_NAME = '<stdin>';

/** "-" names standard input, as in most tools; so does /dev/stdin, which is a pipe and not a file to read. */
export function isStdin(path: string): boolean {
  return path === '-' || path === '/dev/stdin';
}

export type OutputFormat = 'text' | 'json' | 'sarif';
export type GraderKind = 'offline' | 'openai';

export interface GraderFlags {
  grader?: GraderKind;
  model?: string;
  baseURL?: string;
  noCache: boolean;
  maxRequests?: number;
  /** One request's limit, in milliseconds (the flag takes seconds). */
  timeoutMs?: number;
  config?: string;
  /** Language of the offline grader's reasons. */
  lang: ReasonLanguage;
}

export interface CheckArgs extends GraderFlags {
  command: 'check';
  documents: string[];
  refs: string[];
  format: OutputFormat;
  failOn: FailOn;
  out?: string;
  /** Also list the statements of the references each document leaves out. */
  coverage: boolean;
}

export interface EvalArgs extends GraderFlags {
  command: 'eval';
  data: string[];
  out?: string;
}

/** `misuse`: no command was given, so the usage goes to stderr with exit 2 (scripts that call it wrongly must not pass). */
export type Command = CheckArgs | EvalArgs | { command: 'help'; topic?: 'check' | 'eval'; misuse?: boolean } | { command: 'version' };

const graderOptions = {
  grader: { type: 'string' },
  model: { type: 'string' },
  'base-url': { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  'max-requests': { type: 'string' },
  timeout: { type: 'string' },
  config: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const checkOptions = {
  ...graderOptions,
  refs: { type: 'string', short: 'r', multiple: true },
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  coverage: { type: 'boolean', default: false },
} as const;

/**
 * The language `--lang` asks for, read before the flags are parsed so that a mistake in them, and --help, are said
 * in it too. Anything but "ja" is English (parsing then says what is wrong with the value). LANG is not read: a
 * report reads the same on a developer's machine and in CI.
 */
export function requestedLanguage(argv: readonly string[]): ReasonLanguage {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') lang = argv[++i];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  }
  return lang === 'ja' ? 'ja' : 'en';
}

/** `argv` less its --lang flags (read by requestedLanguage), for the commands that take nothing else. */
function withoutLang(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++;
    else if (!argv[i]!.startsWith('--lang=')) rest.push(argv[i]!);
  }
  return rest;
}

export function parseCommand(argv: readonly string[]): Command {
  const say = messages(requestedLanguage(argv));
  // `claimcheck --lang ja check ...`: --lang, read wherever it stands, may come before the command too (it is put
  // right after it, before any `--`).
  const lead = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  const [command, ...rest] = lead ? [argv[lead]!, ...argv.slice(0, lead), ...argv.slice(lead + 1)] : argv;
  if (command === undefined) return { command: 'help', misuse: true };
  if (command === '--help' || command === '-h' || command === 'help') {
    // `claimcheck help lint` names a topic there is none of: said, not answered with the general usage.
    const topic = withoutLang(rest)[0];
    if (topic === undefined || topic === 'check' || topic === 'eval') return { command: 'help', topic };
    throw new UsageError(say.unknownHelpTopic(topic));
  }
  if (command === '--version' || command === '-v') {
    // `claimcheck --version check a.md` is a mistyped command line, not a request for the version; --lang may stay.
    const stray = withoutLang(rest)[0];
    if (stray !== undefined) throw new UsageError(say.seeHelp(say.takesNoArgument(command, stray)));
    return { command: 'version' };
  }
  if (command === 'check') return parseCheck(rest, say);
  if (command === 'eval') return parseEval(rest, say);
  throw new UsageError(say.unknownCommand(command));
}

function parseCheck(args: readonly string[], say: Messages): Command {
  const { values, tokens } = parse(args, checkOptions, say);
  if (values.help) return { command: 'help', topic: 'check' };
  // `--refs a b c` takes every following argument up to the next option, as the documented usage shows;
  // `--refs=a` takes one. Documents go before `--refs` (or after `--`).
  const documents: string[] = [];
  const refs: string[] = [];
  let capturing = false;
  let terminated = false;
  for (const t of tokens) {
    if (t.kind === 'option-terminator') {
      terminated = true;
      capturing = false;
    } else if (t.kind === 'option') {
      capturing = !terminated && t.name === 'refs' && !t.inlineValue;
      if (t.name === 'refs') refs.push(t.value!);
    } else if (capturing) refs.push(t.value);
    else documents.push(t.value);
  }
  if (refs.some(isStdin)) throw new UsageError(say.stdinAsReference());
  stdinOnce(documents, say);
  noEmptyPath(documents, { '--refs': refs, '--out': values.out, '--config': values.config }, say);
  if (!documents.length) {
    // "check --refs refs answer.md": --refs takes every argument up to the next option, the answer too.
    throw new UsageError(say.noDocument(refs.length > 1));
  }
  return {
    command: 'check',
    documents,
    refs,
    format: oneOf<OutputFormat>('--format', values.format, ['text', 'json', 'sarif'], 'text', say),
    failOn: oneOf<FailOn>('--fail-on', values['fail-on'], ['contradicted', 'unsupported', 'none'], 'unsupported', say),
    out: outFile(values.out),
    coverage: values.coverage,
    ...graderFlags(values, say),
  };
}

function parseEval(args: readonly string[], say: Messages): Command {
  const { values, positionals } = parse(args, graderOptions, say);
  if (values.help) return { command: 'help', topic: 'eval' };
  if (!positionals.length) throw new UsageError(say.noDataFile());
  stdinOnce(positionals, say);
  noEmptyPath(positionals, { '--out': values.out, '--config': values.config }, say);
  return { command: 'eval', data: positionals, out: outFile(values.out), ...graderFlags(values, say) };
}

/** A pipe is read once: a second "-" would read nothing (eval) or the same text again. */
function stdinOnce(paths: readonly string[], say: Messages): void {
  if (paths.filter(isStdin).length > 1) throw new UsageError(say.stdinTwice());
}

/** `--out -` is standard output, as "-" is standard input: not a file named "-". */
function outFile(value: string | undefined): string | undefined {
  return value === '-' ? undefined : value;
}

/**
 * An empty path (a shell variable left unset: --out "$REPORT") would mean the current folder: every file in it
 * checked, or read as references, or the report quietly on stdout instead of the file CI expects.
 */
function noEmptyPath(positionals: readonly string[], flags: Record<string, string | readonly string[] | undefined>, say: Messages): void {
  if (positionals.includes('')) throw new UsageError(say.emptyPath());
  for (const [flag, value] of Object.entries(flags)) {
    if (value === '' || (Array.isArray(value) && value.includes(''))) throw new UsageError(say.emptyPath(flag));
  }
}

function parse<T extends typeof graderOptions>(args: readonly string[], options: T, say: Messages) {
  try {
    return parseArgs({ args: negativeValues(args, options), options, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    // parseArgs's own words are English and name the same mistake two ways ("argument missing" at the end of the
    // line, "argument is ambiguous" before another flag): ours say it once, in --lang, with where to look.
    const msg = err instanceof Error ? err.message : String(err);
    const option = (pattern: RegExp): string | undefined => pattern.exec(msg)?.[1];
    const missing = option(/^Option '(?:-\w, )?(-[^' ]+)(?: <value>)?' argument (?:missing|is ambiguous)/);
    if (missing) throw new UsageError(say.seeHelp(say.needsValue(missing)));
    const unknown = option(/^Unknown option '([^']+)'/);
    if (unknown) throw new UsageError(say.seeHelp(say.unknownOption(unknown)));
    const valued = option(/^Option '(?:-\w, )?(-[^' ]+)' does not take an argument/);
    if (valued) throw new UsageError(say.seeHelp(say.takesNoValue(valued)));
    // Anything else keeps its words, lower-cased like ours, on one line.
    const line = msg.split('\n')[0]!.replace(/\.$/, '');
    throw new UsageError(say.seeHelp(`${line.charAt(0).toLowerCase()}${line.slice(1)}`));
  }
}

/**
 * "--max-requests -1" as "--max-requests=-1": parseArgs reads a value that starts with "-" as another flag
 * ("needs a value"), where the option's own check says what is wrong with it.
 */
function negativeValues(args: readonly string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a.startsWith('--') && !a.includes('=') && options[a.slice(2)]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function graderFlags(
  values: { grader?: string; model?: string; 'base-url'?: string; 'no-cache'?: boolean; 'max-requests'?: string; timeout?: string; config?: string; lang?: string },
  say: Messages,
): GraderFlags {
  let maxRequests: number | undefined;
  if (values['max-requests'] !== undefined) {
    // Digits only: Number() would also take '' (0, "no limit": an unset variable must not lift the budget), 0x10 and 1e3.
    if (!/^\d+$/.test(values['max-requests'].trim())) throw new UsageError(say.maxRequests(values['max-requests']));
    maxRequests = Number(values['max-requests']);
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    // A decimal number (2, 0.5, .5): Number() would also take 0x10, 1e3 and Infinity.
    const seconds = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(values.timeout.trim()) ? Number(values.timeout) : NaN;
    if (!(seconds > 0)) throw new UsageError(say.timeout(values.timeout));
    timeoutMs = Math.round(seconds * 1000);
    // Node's timers hold 32 bits: a longer limit fires after 1 ms, and every request "times out" at once.
    if (timeoutMs > MAX_TIMER_MS) throw new UsageError(say.timeoutTooLong(Math.floor(MAX_TIMER_MS / 1000), values.timeout));
  }
  return {
    grader: values.grader === undefined ? undefined : oneOf<GraderKind>('--grader', values.grader, ['offline', 'openai'], 'offline', say),
    model: values.model,
    baseURL: values['base-url'],
    noCache: Boolean(values['no-cache']),
    maxRequests,
    timeoutMs,
    config: values.config,
    lang: oneOf<ReasonLanguage>('--lang', values.lang, ['en', 'ja'], 'en', say),
  };
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T, say: Messages): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(say.oneOf(flag, allowed, value));
}
