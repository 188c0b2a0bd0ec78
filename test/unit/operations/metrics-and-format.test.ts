import { describe, expect, it } from 'vitest';
import { formatWhen, scheduleTable } from '../../../cli/handlers/schedules/format-schedules.ts';
import { manualRunMetadata } from '../../../cli/handlers/manual-run-metadata.ts';
import { ConfigError } from '../../../lib/errors.ts';
import { metricsConfig } from '../../../metrics/metrics-config.ts';

describe('metricsConfig', () => {
  it('serves on 127.0.0.1:9464 by default, elsewhere or not at all when asked', () => {
    expect(metricsConfig({})).toEqual({ enabled: true, host: '127.0.0.1', port: 9464 });
    expect(metricsConfig({ ADPIPE_METRICS_PORT: '9100', ADPIPE_METRICS_HOST: '0.0.0.0' })).toEqual({ enabled: true, host: '0.0.0.0', port: 9100 });
    expect(metricsConfig({ ADPIPE_METRICS_PORT: 'off' }).enabled).toBe(false);
  });

  it.each(['http', '70000', '-1', '9464x'])('rejects ADPIPE_METRICS_PORT=%s naming the variable', (port) => {
    expect(() => metricsConfig({ ADPIPE_METRICS_PORT: port })).toThrow(ConfigError);
    expect(() => metricsConfig({ ADPIPE_METRICS_PORT: port })).toThrow(/^ADPIPE_METRICS_PORT: /);
  });
});

describe('schedule list formatting', () => {
  const now = new Date('2026-11-23T18:00:00Z');
  it('prints UTC times with how far away they are', () => {
    expect(formatWhen('2026-11-23T18:02:05Z', now)).toBe('2026-11-23 18:02:05Z (in 2m 5s)');
    expect(formatWhen('2026-11-23T15:30:00Z', now)).toBe('2026-11-23 15:30:00Z (2h 30m ago)');
    expect(formatWhen('2026-11-25T19:00:00Z', now)).toBe('2026-11-25 19:00:00Z (in 2d 1h)');
    expect(formatWhen(null, now)).toBe('');
  });

  it('has a row per schedule, created or not', () => {
    const text = scheduleTable([
      { id: 'track-deltas', scheduleId: 'track-deltas', workflowType: 'trackDeltas', state: 'paused', note: 'upgrade', every: '5m', overlap: 'SKIP', nextRunAt: null, lastRun: { workflowId: 'w', runId: 'r', scheduledAt: '2026-11-23T17:55:00Z', startedAt: '2026-11-23T17:55:00Z', status: 'COMPLETED' }, running: 0, actionsTaken: 3, skippedOverlap: 0 },
      { id: 'retrain-forecast', scheduleId: 'retrain-forecast', workflowType: 'retrainForecast', state: 'not created', note: null, every: null, overlap: null, nextRunAt: null, lastRun: null, running: 0, actionsTaken: 0, skippedOverlap: 0 },
    ], now);
    expect(text).toMatch(/track-deltas.*paused.*5m.*SKIP.*5m 0s ago\) COMPLETED.*upgrade/);
    expect(text).toMatch(/retrain-forecast.*not created/);
  });
});

describe('manualRunMetadata', () => {
  it('tags the kind, a single table, and summarises the input', () => {
    const m = manualRunMetadata('trackDeltas', { tables: ['clicks'] });
    expect(m.typedSearchAttributes.map((p) => [p.key.name, p.value])).toEqual([['AdpipeWorkflowKind', 'trackDeltas'], ['AdpipeTable', 'clicks']]);
    expect(m.memo.summary).toBe('trackDeltas started by `adpipe run` with tables=clicks');
    expect(manualRunMetadata('generateNewData', { maxSleepSeconds: 5, seed: undefined }).staticSummary).toBe('generateNewData started by `adpipe run` with maxSleepSeconds=5');
    expect(manualRunMetadata('trackDeltas', { tables: ['clicks', 'impressions'] }).typedSearchAttributes).toHaveLength(1);
  });
});
