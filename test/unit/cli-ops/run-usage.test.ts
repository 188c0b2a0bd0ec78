import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../../cli/handlers/run-workflow.ts';
import { UsageError } from '../../../lib/errors.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
// Servers that do not exist: a command that tried to connect would fail with exit 1, not 2.
const nowhere = {
  ...process.env,
  DATABASE_URL: 'postgres://adpipe@127.0.0.1:1/none', CLICKHOUSE_URL: 'http://127.0.0.1:1', TEMPORAL_ADDRESS: '127.0.0.1:1',
};
const adpipe = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: repo, env: nowhere }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

describe('run: flags are checked against the workflow\'s input schema before any server is contacted', () => {
  const usage = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return { field: (err as UsageError).field, message: (err as UsageError).message };
    }
    throw new Error('expected a UsageError');
  };

  it('names the flag, in the schema\'s words', () => {
    expect(usage(() => prepareRun('track-deltas', { rangeSize: 5000 }))).toEqual({ field: '--range-size', message: '--range-size does not apply to track-deltas' });
    expect(usage(() => prepareRun('retrain-forecast', { seed: 3e9 }))).toEqual({
      field: '--seed', message: '--seed must be an integer from 0 to 2147483647, got 3000000000',
    });
    expect(typeof prepareRun('initial-load', { rangeSize: 5000, loadId: undefined })).toBe('function');
  });

  it.each([
    [['run', 'initial_load', '--range-size', '5'], '--range-size must be an integer of at least 1000, got "5"'],
    [['run', 'trackDeltas', '--tables', 'clicks,bogus'], '--tables: unknown table bogus'],
    [['run', 'nightly-report'], 'unknown workflow "nightly-report"'],
  ])('adpipe %j exits 2', async (args, message) => {
    const r = await adpipe(...args);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  }, 60_000);
});
