import { constants } from 'node:os';
import { descriptorIdentity } from '../core/files';
import { EXIT_INTERRUPTED } from './check';
import { main } from './main';

// Ctrl+C (SIGINT) and a cancelled CI job (SIGTERM) stop the run cleanly: the partial report, marked interrupted, and
// exit 128 + the signal's number (130, 143), as a shell reports a process the signal ended. A second signal, of
// either kind, kills the process as usual.
const interrupt = new AbortController();
let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined;
const stop = (signal: 'SIGINT' | 'SIGTERM'): void => {
  process.removeListener('SIGINT', stop);
  process.removeListener('SIGTERM', stop);
  stoppedBy = signal;
  interrupt.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `claimcheck check ... | head` closes the pipe early: the reader has what it wanted, so no stack trace, and the exit
// code is still the run's. Other write errors are bugs and crash as before.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  signal: interrupt.signal,
  stdin: process.stdin,
  stdoutIdentity: descriptorIdentity(1),
}).then(
  (code) => {
    process.exitCode = code === EXIT_INTERRUPTED && stoppedBy ? 128 + constants.signals[stoppedBy] : code;
  },
  (err: unknown) => {
    process.stderr.write(`claimcheck: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
