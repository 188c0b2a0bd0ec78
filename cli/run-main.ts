import { CommanderError, type Command } from 'commander';
import { UsageError } from '../lib/errors.ts';

/** Exit codes: 0 ok, 1 failure, 2 bad usage. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/** Map an error to the exit code the CLI contract promises. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  if (err instanceof UsageError) return ExitCode.usage;
  return ExitCode.failure;
}

/** Run the program; print an error once (stack only with --verbose) and set the exit code. */
export async function runMain(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const code = exitCodeFor(err);
    if (!(err instanceof CommanderError)) {
      const verbose = argv.includes('--verbose');
      const message = err instanceof Error ? (verbose ? (err.stack ?? err.message) : err.message) : String(err);
      process.stderr.write(`adpipe: ${message}\n`);
    }
    process.exitCode = code;
  }
}
