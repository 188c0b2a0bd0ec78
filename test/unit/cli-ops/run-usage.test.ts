import { describe, expect, it } from 'vitest';
import { offlineAdpipe, usageOf } from '../support/offline-cli.ts';
import { prepareRun } from '../../../cli/handlers/run-workflow.ts';


describe('run: flags are checked against the workflow\'s input schema before any server is contacted', () => {

  it('names the flag, in the schema\'s words', () => {
    expect(usageOf(() => prepareRun('track-deltas', { rangeSize: 5000 }))).toEqual({ field: '--range-size', message: '--range-size does not apply to track-deltas' });
    expect(usageOf(() => prepareRun('retrain-forecast', { seed: 3e9 }))).toEqual({
      field: '--seed', message: '--seed must be an integer from 0 to 2147483647, got 3000000000',
    });
    expect(typeof prepareRun('initial-load', { rangeSize: 5000, loadId: undefined })).toBe('function');
  });

  it.each([
    [['run', 'initial_load', '--range-size', '5'], '--range-size must be an integer of at least 1000, got "5"'],
    [['run', 'trackDeltas', '--tables', 'clicks,bogus'], '--tables: unknown table bogus'],
    [['run', 'nightly-report'], 'unknown workflow "nightly-report"'],
  ])('adpipe %j exits 2', async (args, message) => {
    const r = await offlineAdpipe(...args);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  }, 60_000);
});
