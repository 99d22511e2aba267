// The CLI's only window on the process: tests call `main` in-process with their own streams.
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stderr is a terminal: show progress. */
  isTTY: boolean;
  /** Fires on Ctrl+C; the run stops and reports what it finished. */
  signal?: AbortSignal;
}

/** `\r[3/10] docs/a.md` on a terminal, nothing otherwise (CI logs stay clean). */
export function progressLine(io: CliIO, total: number): { update: (done: number, label: string) => void; end: () => void } {
  if (!io.isTTY || total < 2) return { update: () => undefined, end: () => undefined };
  let shown = false;
  return {
    update: (done, label) => {
      shown = true;
      io.stderr(`\r\x1b[K[${done}/${total}] ${label}`);
    },
    end: () => {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
