import { createInterface } from 'node:readline/promises';
import { UsageError } from '../lib/errors.ts';

/**
 * Ask for a typed "yes" on a terminal; `--yes` skips the question. Without a terminal
 * there is nobody to ask, so refuse (UsageError naming --yes) rather than guess.
 */
export async function confirmOrRefuse(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new UsageError('refusing to run without --yes: stdin is not a terminal, so nobody can confirm', '--yes');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question} Type 'yes' to confirm: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}
