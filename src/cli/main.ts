// `main(argv, io) → exit code`: the whole CLI, callable in-process by tests; bin.ts only wires the process.
import { CancelledError, InputError } from '../core/errors';
import { messages } from '../core/report/messages';
import { parseCommand, requestedLanguage, UsageError } from './args';
import { EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, runCheck } from './check';
import { runEval } from './eval';
import { USAGE } from './help';
import { complain, describeInput, outputFile, type CliIO } from './io';
import { VERSION } from './version';

export type { CliIO } from './io';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // Said in --lang from the start: a mistake in the flags and --help too.
  const lang = requestedLanguage(argv);
  try {
    const command = parseCommand(argv);
    switch (command.command) {
      case 'help':
        if (command.misuse) {
          io.stderr(USAGE[lang]);
          return EXIT_ERROR;
        }
        io.stdout(USAGE[lang]);
        return EXIT_OK;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT_OK;
      case 'check':
        return await runCheck({ ...command, out: await outputFile(io, command.out) }, io);
      case 'eval':
        return await runEval({ ...command, out: await outputFile(io, command.out) }, io);
    }
  } catch (err) {
    if (err instanceof CancelledError) {
      complain(io.stderr, messages(lang).interrupted());
      return EXIT_INTERRUPTED;
    }
    // Usage and input errors are expected: one line, no stack. Anything else is a bug, and says so.
    if (err instanceof UsageError || err instanceof InputError) {
      complain(io.stderr, err instanceof InputError ? describeInput(err, lang) : err.message);
      return EXIT_ERROR;
    }
    complain(io.stderr, err instanceof Error ? err.message : String(err));
    if (err instanceof Error && err.stack && io.env.CLAIMCHECK_DEBUG) io.stderr(`${err.stack}\n`);
    return EXIT_ERROR;
  }
}
