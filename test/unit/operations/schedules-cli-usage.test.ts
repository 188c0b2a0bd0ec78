import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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

describe.concurrent('schedules and run generate-new-data: bad usage exits 2 before contacting a server', () => {
  it.each([
    [['schedules', 'trigger', 'nightly-report'], 'unknown schedule "nightly-report"; expected one of generate-new-data, track-deltas, retrain-forecast'],
    [['schedules', 'pause', 'tracks', '--note', 'x'], 'unknown schedule "tracks"'],
    [['schedules', 'apply', '--track-deltas-every', '5x'], '--track-deltas-every must be a whole number followed by s, m, h or d'],
    [['schedules', 'apply', '--max-sleep-seconds', '9999'], '--max-sleep-seconds must be a whole number of seconds from 0 to 3600'],
    [['run', 'generate-new-data', '--generator', 'banner'], '--generator must be one of advertiser, campaign, impressions, clicks'],
    [['run', 'generate-new-data', '--max-sleep-seconds', '4000'], '--max-sleep-seconds must be a non-negative integer (at most 3600)'],
  ])('adpipe %j', async (args, message) => {
    const r = await adpipe(...args);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  }, 30_000);
});
