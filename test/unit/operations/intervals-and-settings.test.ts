import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../lib/errors.ts';
import { formatInterval, parseInterval } from '../../../schedules/intervals.ts';
import { scheduleSettings } from '../../../schedules/schedule-settings.ts';

describe('parseInterval', () => {
  it.each([['90s', 90_000], ['5m', 300_000], ['2h', 7_200_000], ['1d', 86_400_000], [' 3m ', 180_000]])('%j is %d ms', (text, ms) => {
    expect(parseInterval(text, '--x')).toBe(ms);
  });

  it.each(['5', '5 min', '1.5m', '-5m', '0s', '367d', ''])('rejects %j naming the field', (text) => {
    expect(() => parseInterval(text, '--track-deltas-every')).toThrow(UsageError);
    expect(() => parseInterval(text, '--track-deltas-every')).toThrow(/^--track-deltas-every must/);
  });

  it('formats the shortest exact unit', () => {
    expect([300_000, 90_000, 86_400_000, 7_200_000, 1_500].map(formatInterval)).toEqual(['5m', '90s', '1d', '2h', '1500ms']);
  });
});

describe('scheduleSettings', () => {
  it('defaults to the design: 3m, 5m, daily; sleeps up to 120 s', () => {
    expect(scheduleSettings({})).toEqual({
      everyMs: { 'generate-new-data': 180_000, 'track-deltas': 300_000, 'retrain-forecast': 86_400_000 },
      maxSleepSeconds: 120,
    });
  });

  it('takes variables, and flags over variables', () => {
    const env = { ADPIPE_TRACK_DELTAS_EVERY: '10m', ADPIPE_GENERATE_NEW_DATA_EVERY: '1h', ADPIPE_GENERATE_MAX_SLEEP_SECONDS: '30' };
    const s = scheduleSettings(env, { every: { 'generate-new-data': '2m' }, maxSleepSeconds: '5' });
    expect(s.everyMs).toMatchObject({ 'track-deltas': 600_000, 'generate-new-data': 120_000 });
    expect(s.maxSleepSeconds).toBe(5);
    expect(scheduleSettings(env).maxSleepSeconds).toBe(30);
  });

  it('names the variable or flag that is malformed', () => {
    expect(() => scheduleSettings({ ADPIPE_RETRAIN_FORECAST_EVERY: 'daily' })).toThrow(/^ADPIPE_RETRAIN_FORECAST_EVERY must/);
    expect(() => scheduleSettings({}, { every: { 'track-deltas': '5x' } })).toThrow(/^--track-deltas-every must/);
    expect(() => scheduleSettings({}, { maxSleepSeconds: '-1' })).toThrow(/^--max-sleep-seconds must/);
    expect(() => scheduleSettings({ ADPIPE_GENERATE_MAX_SLEEP_SECONDS: '9999' })).toThrow(/^ADPIPE_GENERATE_MAX_SLEEP_SECONDS must/);
  });
});
