import { describe, expect, it } from 'vitest';
import { parseReportFlags } from '../../../cli/handlers/report.ts';
import { formatCell, renderCsv, renderTable } from '../../../cli/report-output.ts';
import { dailyColumns, totalsColumns } from '../../../queries/reports/report-columns.ts';
import { typeRow } from '../../../queries/reports/report-rows.ts';
import { UsageError } from '../../../lib/errors.ts';

const raw = {
  day: '2026-11-20', campaign_id: 3, campaign_name: 'Spring, "Big" Sale', advertiser_id: null, advertiser_name: 'Acme',
  flight_day: '-2', impressions: '12345', clicks: '617', ctr: 0.04998, bid: '1.10', spend: '678.70',
};

describe('report output', () => {
  it('types values for machines: counts as numbers, money as exact strings', () => {
    expect(typeRow(raw, dailyColumns)).toEqual({
      day: '2026-11-20', campaign_id: 3, campaign_name: 'Spring, "Big" Sale', advertiser_id: null, advertiser_name: 'Acme',
      flight_day: -2, impressions: 12345, clicks: 617, ctr: 0.04998, bid: '1.10', spend: '678.70',
    });
  });

  it('formats cells for people', () => {
    const col = (key: string) => dailyColumns.find((c) => c.key === key)!;
    expect(formatCell(12345, col('impressions'))).toBe('12,345');
    expect(formatCell(0.04998, col('ctr'))).toBe('5.00%');
    expect(formatCell('678.70', col('spend'))).toBe('678.70');
    expect(formatCell(null, col('advertiser_id'))).toBe('—');
    expect(formatCell(1.23456, totalsColumns.find((c) => c.key === 'pacing')!)).toBe('1.23');
  });

  it('CSV quotes what needs quoting and keeps every column', () => {
    const csv = renderCsv([typeRow(raw, dailyColumns)], dailyColumns);
    expect(csv).toBe(
      'day,campaign_id,campaign_name,advertiser_id,advertiser_name,flight_day,impressions,clicks,ctr,bid,spend\n' +
      '2026-11-20,3,"Spring, ""Big"" Sale",,Acme,-2,12345,617,0.04998,1.10,678.70\n');
  });

  it('the table shows only its columns, without escape codes off a terminal', () => {
    const text = renderTable([typeRow(raw, dailyColumns)], dailyColumns, false);
    expect(text).toContain('Flight day');
    expect(text).not.toContain('Advertiser ID');
    expect(text).toMatch(/│ 2026-11-20 │\s+3 │ Spring, "Big" Sale │ Acme\s+│\s+-2 │\s+12,345 │\s+617 │ 5\.00% │ 1\.10 │ 678\.70 │/);
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe('report flags', () => {
  it('default to every day and every campaign, lifetime totals', () => {
    expect(parseReportFlags('totals', {})).toEqual({ kind: 'totals', dayFrom: '1900-01-01', dayTo: '2299-12-31', campaignId: 0, format: 'table', period: false });
    expect(parseReportFlags('totals', { from: '2026-11-01', csv: true })).toMatchObject({ dayFrom: '2026-11-01', format: 'csv', period: true });
    expect(parseReportFlags('daily', { campaign: '9', json: true })).toMatchObject({ campaignId: 9, format: 'json' });
  });

  it.each([
    ['monthly', {}, 'report'],
    ['daily', { to: '2026-02-29' }, '--to'],
    ['daily', { from: '2026-11-02', to: '2026-11-01' }, '--from'],
    ['daily', { campaign: '0' }, '--campaign'],
    ['daily', { campaign: '1e3' }, '--campaign'],
    ['totals', { json: true, csv: true }, '--json'],
  ])('%s %j is a usage error naming %s', (kind, flags, field) => {
    expect(() => parseReportFlags(kind, flags)).toThrow(UsageError);
    try {
      parseReportFlags(kind, flags);
    } catch (err) {
      expect((err as UsageError).field).toBe(field);
    }
  });
});
