import { describe, expect, it } from 'vitest';
import { describeBackfill, progressLine } from '../../../cli/backfill-display.ts';
import { lastRunOf } from '../../../queries/status/last-run.ts';
import type { BackfillResult } from '../../../workflows/backfill/backfill.ts';

const advancedAt = new Date('2026-11-23T10:00:05.000Z');

describe('last run of a table (adpipe.watermarks.last_run)', () => {
  it('a trackDeltas run: its rows, and the duration from its recorded start', () => {
    const lastRun = {
      workflowId: 'track-deltas-2026-11-23T10:00:00Z', startedAt: '2026-11-23T10:00:01.500Z',
      loads: [{ table: 'clicks', rows: 12, tombstones: 1, durationMs: 300 }, { table: 'impressions', rows: 90, tombstones: 0, durationMs: 700 }],
      reports: { durationMs: 400 },
    };
    expect(lastRunOf('impressions', lastRun, advancedAt)).toEqual({
      kind: 'trackDeltas', workflowId: 'track-deltas-2026-11-23T10:00:00Z', startedAt: '2026-11-23T10:00:01.500Z',
      finishedAt: '2026-11-23T10:00:05.000Z', durationMs: 3500, rows: 90, tombstones: 0,
    });
  });

  it('runs recorded without a start time get an estimate: slowest load plus the rebuild', () => {
    const lastRun = { loads: [{ table: 'clicks', rows: 1, tombstones: 0, durationMs: 300 }, { table: 'campaigns', rows: 0, tombstones: 0, durationMs: 900 }], reports: null };
    expect(lastRunOf('clicks', lastRun, advancedAt)).toMatchObject({ kind: 'trackDeltas', durationMs: 900, rows: 1, startedAt: null });
  });

  it('the initial load, and what it cannot read', () => {
    expect(lastRunOf('clicks', { kind: 'initialLoad' }, advancedAt)).toMatchObject({ kind: 'initialLoad', durationMs: null, finishedAt: '2026-11-23T10:00:05.000Z' });
    expect(lastRunOf('clicks', null, advancedAt).kind).toBe('unknown');
    expect(lastRunOf('clicks', { something: 'else' }, advancedAt).kind).toBe('unknown');
  });
});

describe('backfill progress and summary text', () => {
  it('a plain progress line says the phase, the days and the rows', () => {
    expect(progressLine({
      workflowId: 'backfill-2026-11-01-2026-11-07', from: '2026-11-01', to: '2026-11-07', campaignId: null, phase: 'days',
      daysTotal: 7, daysDone: 3, currentDays: ['2026-11-04', '2026-11-05'], rows: { impressions: 120000, clicks: 6000, tombstones: 2 },
      startedAt: '2026-11-23T10:00:00.000Z',
    })).toBe('backfill-2026-11-01-2026-11-07: backfilling days, 3/7 days, 120,000 impressions, 6,000 clicks, 2 tombstones; working on 2026-11-04, 2026-11-05');
  });

  it('the summary names the scope, the rows and any repricing', () => {
    const result: BackfillResult = {
      workflowId: 'backfill-2026-11-01-2026-11-02-campaign-4', from: '2026-11-01', to: '2026-11-02', campaignId: 4, days: 2,
      rows: { impressions: 1500, clicks: 75, tombstones: 3 }, dimensions: { advertisers: 1, campaigns: 1, tombstones: 0 },
      repricedCampaigns: [4], totals: { reportVersion: '1', dailyRows: 0, campaigns: 1, durationMs: 5 }, durationMs: 4200,
    };
    const text = describeBackfill(result).join('\n');
    expect(text).toContain('Backfilled 2026-11-01..2026-11-02 (2 days, campaign 4) in 4.2 s:');
    expect(text).toContain('re-extracted 1,500 impressions and 75 clicks; 3 rows no longer in PostgreSQL were removed');
    expect(text).toContain('repriced every day of campaigns 4');
  });
});
