import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { UsageError } from '../../../lib/errors.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
// Servers that do not exist: a command that tried to connect would fail with exit 1, not 2.
const nowhere = {
  ...process.env,
  DATABASE_URL: 'postgres://adpipe@127.0.0.1:1/none', CLICKHOUSE_URL: 'http://127.0.0.1:1', TEMPORAL_ADDRESS: '127.0.0.1:1',
};

/** Run `adpipe …` against servers that do not exist: only usage checks can answer. */
export function offlineAdpipe(...args: string[]): Promise<{ code: number; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: repo, env: nowhere }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
}

/** The UsageError `fn` throws, as field and message; fails the test when it throws none. */
export function usageOf(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return { field: (err as UsageError).field, message: (err as UsageError).message };
  }
  throw new Error('expected a UsageError');
}
