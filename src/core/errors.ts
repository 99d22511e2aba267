// Named errors, caught once at the boundary (CLI or extension) and shown as one actionable line.

/** Bad input that names a file and says what to do. The run goes on with the other files. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly hint: string,
  ) {
    super(`${file}: ${problem}. ${hint}`);
  }
}

/**
 * A path or pattern that names nothing usable (missing, matching nothing, a folder without documents): a
 * mistake in the command or the config rather than in a file. The CLI fails the run for it (exit 2) once the
 * rest is checked, so a CI job with a mistyped path never passes for a clean run.
 */
export class UnmatchedPathError extends InputError {}

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

/** An unexpected error while reading or checking one file, as a one-line problem that names the file. */
export function unexpectedProblem(file: string, err: unknown, what: string, hint: string): InputError {
  const detail = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return new InputError(file, `${what}: ${detail.length > 160 ? `${detail.slice(0, 157)}...` : detail || 'unknown error'}`, hint);
}
