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
