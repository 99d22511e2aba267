import { main } from './main';

// Ctrl+C stops the run cleanly (partial report, exit 130); a second Ctrl+C kills the process as usual.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

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
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`claimcheck: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
