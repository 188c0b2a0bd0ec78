import { describe, expect, it } from 'vitest';
import type { Activities } from '../../../activities/index.ts';
import { instrumentActivities } from '../../../metrics/instrument-activities.ts';
import type { PipelineMetrics } from '../../../metrics/pipeline-metrics.ts';

function recorder(): PipelineMetrics & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    rowsMoved: (...args) => void calls.push(['rowsMoved', ...args]),
    reportRebuilt: (...args) => void calls.push(['reportRebuilt', ...args]),
  };
}

describe('instrumentActivities', () => {
  const fake = {
    loadDelta: async () => ({ table: 'clicks', rows: 7, tombstones: 2, durationMs: 5 }),
    loadInitialRange: async () => ({ rows: 100 }),
    // One rebuild for deltas and backfills: the result follows the keys it was given.
    rebuildReports: async (input: { keys?: string }) =>
      input.keys === 'scope'
        ? { reportVersion: '2', dailyRows: 5, campaigns: 1, durationMs: 300 }
        : { reportVersion: '1', dailyRows: 12, campaigns: 3, durationMs: 1500 },
    reextractDay: async () => ({ day: '2026-11-01', xmin: '9', impressions: 40, clicks: 4, tombstones: 1, durationMs: 9 }),
    refreshBackfillDimensions: async () => ({ advertisers: 1, campaigns: 2, tombstones: 0, xmin: '9' }),
    planDelta: async () => 'untouched',
  } as unknown as Activities;

  it('reports what the data-moving activities returned and passes results through unchanged', async () => {
    const m = recorder();
    const a = instrumentActivities(fake, m);
    expect(await a.loadDelta({ table: 'clicks', fromXid: '1', toXid: '2' })).toEqual(await fake.loadDelta({ table: 'clicks', fromXid: '1', toXid: '2' }));
    await a.loadInitialRange({ loadId: 'x', upperXid: '5', table: 'impressions', start: '0', end: '10' });
    await a.rebuildReports({ versionLo: '0', versionHi: '1' });
    await a.reextractDay({ day: '2026-11-01' } as never);
    await a.refreshBackfillDimensions({});
    await a.rebuildReports({ keys: 'scope', campaigns: 'all', daily: true });
    expect(await (a.planDelta as unknown as () => Promise<string>)()).toBe('untouched');
    expect(m.calls).toEqual([
      ['rowsMoved', 'clicks', 'rows', 'delta', 7], ['rowsMoved', 'clicks', 'tombstones', 'delta', 2],
      ['rowsMoved', 'impressions', 'rows', 'initial', 100],
      ['reportRebuilt', 1500, 12],
      ['rowsMoved', 'impressions', 'rows', 'backfill', 40], ['rowsMoved', 'clicks', 'rows', 'backfill', 4],
      ['rowsMoved', 'advertisers', 'rows', 'backfill', 1], ['rowsMoved', 'campaigns', 'rows', 'backfill', 2],
      ['reportRebuilt', 300, 5],
    ]);
  });
});
