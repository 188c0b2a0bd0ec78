import { describe, expect, it } from 'vitest';
import { asUsageError, flagName } from '../../../cli/handlers/query-usage.ts';
import { exitCodeFor } from '../../../cli/run-main.ts';
import { UsageError } from '../../../lib/errors.ts';
import { checkCampaignId } from '../../../queries/campaign-reference.ts';
import { checkForecastDays } from '../../../queries/forecast/published-forecast.ts';
import { NotFoundError, NotReadyError, QueryInputError } from '../../../queries/query-errors.ts';
import { checkReportQuery } from '../../../queries/reports/report-query.ts';

const failure = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
};

describe('report queries are checked before anything is read', () => {
  it('fill in the defaults: every day Date32 holds, every campaign, lifetime totals', () => {
    expect(checkReportQuery({ report: 'totals' })).toEqual({ kind: 'totals', dayFrom: '1900-01-01', dayTo: '2299-12-31', campaignId: 0, period: false });
    expect(checkReportQuery({ report: 'totals', to: '2026-11-30', campaignId: 7 })).toEqual({
      kind: 'totals', dayFrom: '1900-01-01', dayTo: '2026-11-30', campaignId: 7, period: true,
    });
  });

  it.each([
    [{ report: 'weekly' as 'daily' }, 'report', 'unknown report "weekly"; expected totals or daily'],
    [{ report: 'daily' as const, from: '2026-02-30' }, 'from', 'from must be a date written YYYY-MM-DD, got "2026-02-30"'],
    [{ report: 'daily' as const, to: '26-11-01' }, 'to', 'to must be a date written YYYY-MM-DD, got "26-11-01"'],
    [{ report: 'daily' as const, from: '2026-11-02', to: '2026-11-01' }, 'from', 'from 2026-11-02 is after to 2026-11-01'],
    [{ report: 'daily' as const, campaignId: 0 }, 'campaignId', 'campaignId must be a positive integer, got 0'],
    [{ report: 'daily' as const, campaignId: 1.5 }, 'campaignId', 'campaignId must be a positive integer, got 1.5'],
    [{ report: 'daily' as const, campaignId: 2 ** 32 }, 'campaignId', 'campaignId must be a positive integer, got 4294967296'],
  ])('%j: a QueryInputError naming %s by its domain name', (query, field, message) => {
    const err = failure(() => checkReportQuery(query));
    expect(err).toBeInstanceOf(QueryInputError);
    expect(err).toMatchObject({ field, message });
  });

  it('forecast days and campaign ids have one rule each', () => {
    expect(checkForecastDays(14)).toBe(14);
    expect(failure(() => checkForecastDays(15))).toMatchObject({ field: 'days', message: 'days must be an integer from 1 to 14, got 15' });
    expect(checkCampaignId(4_294_967_295)).toBe(4_294_967_295);
    expect(failure(() => checkCampaignId(-3))).toMatchObject({ field: 'campaignId' });
  });
});

describe('query errors for the CLI', () => {
  it('name the flag instead of the field, in the message and as the field, and exit 2', () => {
    const unknown = new NotFoundError('campaignId', (n) => `${n('campaignId')}: no campaign 5 in ClickHouse`);
    expect(unknown).toBeInstanceOf(QueryInputError); // an API maps it to 404, other input errors to 400
    expect(unknown.message).toBe('campaignId: no campaign 5 in ClickHouse');
    const usage = asUsageError(unknown);
    expect(usage).toBeInstanceOf(UsageError);
    expect(usage).toMatchObject({ field: '--campaign', message: '--campaign: no campaign 5 in ClickHouse' });
    expect(exitCodeFor(usage)).toBe(2);
    const order = asUsageError(failure(() => checkReportQuery({ report: 'daily', from: '2026-11-02', to: '2026-11-01' })));
    expect(order).toMatchObject({ field: '--from', message: '--from 2026-11-02 is after --to 2026-11-01' });
  });

  it('leave every other error alone: nothing to read yet is a failure (exit 1), not bad usage', () => {
    const notReady = new NotReadyError('no forecasts yet');
    expect(asUsageError(notReady)).toBe(notReady);
    expect(exitCodeFor(asUsageError(notReady))).toBe(1);
    expect(flagName('segment')).toBe('--segment');
    expect(flagName('somethingElse')).toBe('somethingElse');
  });
});
