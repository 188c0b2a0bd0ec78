import { describe, expect, it } from 'vitest';
import { sqlFragment, sqlIdentifiers, sqlTemplate } from '../../../lib/sql-template.ts';
import { factPull, pullLoad } from '../../../activities/pipeline/table-statements.ts';
import { keySelection } from '../../../activities/reports/report-keys.ts';

describe('SQL templates', () => {
  it('fills a report rebuild with a key selection, which ends on its own line', () => {
    const keys = sqlFragment('reports/keys/delta-campaigns.sql');
    expect(keys.endsWith('\n')).toBe(true);
    const sql = sqlTemplate('reports/rebuild-totals.sql', { keys });
    expect(sql).not.toContain('{{');
    expect(sql).toContain(`FROM (${keys})`);
  });

  it('refuses a slot without a value, and a value without a slot', () => {
    expect(() => sqlTemplate('reports/rebuild-totals.sql', {})).toThrow(/no value for the slot \{\{keys\}\}/);
    expect(() => sqlTemplate('reports/rebuild-totals.sql', { keys: 'SELECT 1\n', other: 'x' })).toThrow(/no slot \{\{other\}\}/);
  });

  it('takes identifiers, never values', () => {
    expect(sqlIdentifiers(['id', 'user_id'])).toBe('id, user_id');
    expect(() => sqlIdentifiers(["x'; DROP TABLE t"])).toThrow(TypeError);
  });

  it('one fact statement serves both fact tables, with each table\'s own columns', () => {
    const imp = factPull('pipeline/load-fact.sql', 'impressions');
    const clk = factPull('pipeline/load-fact.sql', 'clicks');
    expect(imp.query).toContain('(id, campaign_id, created_at, user_id, country, device_type, age_band, version, is_deleted)');
    expect(clk.query).toContain('(id, campaign_id, created_at, version, is_deleted)');
    expect([imp.tableParams, clk.tableParams]).toEqual([{ table: 'impressions', pg_table: 'impressions' }, { table: 'clicks', pg_table: 'clicks' }]);
  });

  it('one dimension statement serves both dimensions, reading their load views', () => {
    const c = pullLoad('campaigns');
    expect(c.query).toContain('SELECT id, name, bid, budget, start_date, end_date, advertiser_id, updated_at, created_at, {version:UInt64}, 0');
    expect(c.tableParams).toEqual({ table: 'campaigns', pg_view: 'campaign_load' });
    expect(pullLoad('advertisers').tableParams).toEqual({ table: 'advertisers', pg_view: 'advertiser_load' });
  });

  it('a delta and a backfill differ only in the keys they choose', () => {
    expect(keySelection({ versionLo: '1', versionHi: '2' })).toMatchObject({
      dailyKeys: 'reports/keys/delta-days.sql', params: { version_lo: '1', version_hi: '2' },
    });
    expect(keySelection({ keys: 'scope', campaigns: [3], daily: false })).toMatchObject({
      dailyKeys: null, totalsKeys: 'reports/keys/scope-campaigns.sql',
      params: { day_from: '1900-01-01', day_to: '2299-12-31', all_campaigns: 0, campaign_ids: [3] },
    });
  });
});
