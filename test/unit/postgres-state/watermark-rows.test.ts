import { describe, expect, it } from 'vitest';
import { toWatermark } from '../../../lib/postgres/state/watermarks.ts';

describe('stored watermark rows', () => {
  const updatedAt = new Date('2026-11-23T10:00:05.000Z');

  it('become Watermarks with exact 64-bit xids', () => {
    const lastRun = { kind: 'initialLoad' };
    expect(toWatermark({ table_name: 'clicks', xid: '9007199254740993', updated_at: updatedAt, age_seconds: 2.5, last_run: lastRun })).toEqual({
      table: 'clicks', xid: 9007199254740993n, updatedAt, ageSeconds: 2.5, lastRun,
    });
  });

  it('of tables the pipeline does not know are left out', () => {
    expect(toWatermark({ table_name: 'conversions', xid: '1', updated_at: updatedAt, age_seconds: 0, last_run: null })).toBeUndefined();
  });
});
