// STUB (to be replaced by the CLI module): `main(argv, io) → exit code`.
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  io.stderr(`claimcheck: not implemented yet (${argv.join(' ')})\n`);
  return 2;
}
