// Named errors, caught once at the boundary (CLI or extension) and shown as one actionable line.
import { problemLine, sayProblem, type ProblemArgs, type ProblemKind, type Surface } from './problems';
import type { ReasonLanguage } from './types';

/**
 * Bad input that names a file and says what to do. The run goes on with the other files. Its message is
 * English; it keeps the kind of problem and its values, so `describeProblem` says it in the UI's language.
 */
export class InputError<K extends ProblemKind = ProblemKind> extends Error {
  override readonly name = 'InputError';
  readonly args: ProblemArgs<K>;
  constructor(
    readonly file: string,
    readonly kind: K,
    ...args: ProblemArgs<K>
  ) {
    super(problemLine(kind, file, args));
    this.args = args;
  }

  /** What is wrong, in English (the message's middle). */
  get problem(): string {
    return sayProblem(this.kind, this.file, this.args).problem;
  }

  /** What to do about it, in English. */
  get hint(): string {
    return sayProblem(this.kind, this.file, this.args).hint;
  }
}

/** An input problem as one line in `language`, with the hint for `surface` (its `message` is the editor's line in English). */
export function describeProblem(err: InputError, language: ReasonLanguage, surface: Surface = 'editor'): string {
  return problemLine(err.kind, err.file, err.args, language, surface);
}

/**
 * A path or pattern that names nothing usable (missing, matching nothing, a folder without documents): a
 * mistake in the command or the config rather than in a file. The CLI fails the run for it (exit 2) once the
 * rest is checked, so a CI job with a mistyped path never passes for a clean run.
 */
export class UnmatchedPathError<K extends ProblemKind = ProblemKind> extends InputError<K> {}

/** Raised when the AbortSignal fires; callers keep partial results. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Whether `err` stops the whole run (ours, or an AbortSignal's 'AbortError') rather than one file. */
export function isCancellation(err: unknown): boolean {
  return err instanceof CancelledError || (err instanceof Error && err.name === 'AbortError');
}

/** An unexpected error while reading or checking one file, as a one-line problem that names the file (the error's own words stay as they are). */
export function unexpectedProblem(file: string, err: unknown, kind: 'unreadableReference' | 'uncheckable'): InputError {
  const detail = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return new InputError(file, kind, detail.length > 160 ? `${detail.slice(0, 157)}...` : detail || 'unknown error');
}
