import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const adpipe = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: repo }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

// Bad input is refused before any server is contacted: exit 2 and a message naming the flag.
describe('forecast CLI usage errors', () => {
  it.each([
    [['forecast', '--segment', 'region=EU'], '--segment: unknown attribute "region"; expected country, device, age'],
    [['forecast', '--campaign', '3', '--days', '15'], '--days must be an integer from 1 to 14, got 15'],
    [['retrain', '--ridge', '-1'], '--ridge must be a non-negative number, got "-1"'],
  ])('adpipe %j exits 2', async (args, message) => {
    const r = await adpipe(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  }, 30_000);
});
