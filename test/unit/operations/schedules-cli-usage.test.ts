import { describe, expect, it } from 'vitest';
import { offlineAdpipe } from '../support/offline-cli.ts';


describe('schedules and run generate-new-data: bad usage exits 2 before contacting a server', () => {
  it.each([
    [['schedules', 'trigger', 'nightly-report'], 'unknown schedule "nightly-report"; expected one of generate-new-data, track-deltas, retrain-forecast'],
    [['schedules', 'pause', 'tracks', '--note', 'x'], 'unknown schedule "tracks"'],
    [['schedules', 'apply', '--track-deltas-every', '5x'], '--track-deltas-every must be a whole number followed by s, m, h or d'],
    [['schedules', 'apply', '--max-sleep-seconds', '9999'], '--max-sleep-seconds must be a whole number of seconds from 0 to 3600'],
    [['run', 'generate-new-data', '--generator', 'banner'], '--generator must be one of advertiser, campaign, impressions, clicks'],
    [['run', 'generate-new-data', '--max-sleep-seconds', '4000'], '--max-sleep-seconds must be a non-negative integer (at most 3600)'],
  ])('adpipe %j', async (args, message) => {
    const r = await offlineAdpipe(...args);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  }, 30_000);
});
