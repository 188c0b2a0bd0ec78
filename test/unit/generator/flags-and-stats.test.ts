import { describe, expect, it } from 'vitest';
import { usageOf } from '../support/offline-cli.ts';
import { UsageError } from '../../../lib/errors.ts';
import { intFlag, ratioFlag, seedFlag } from '../../../cli/commands/flag-parsers.ts';
import { withFlagNames } from '../../../cli/flag-names.ts';
import { requireInt, requireRatio } from '../../../generator/inputs.ts';
import { toStatsReport } from '../../../generator/stats-report.ts';


describe('flag parsers', () => {
  it('accept plain integers and ratios', () => {
    expect(intFlag('--count', 1)('12')).toBe(12);
    expect(intFlag('--campaigns', 0)('0')).toBe(0);
    expect(ratioFlag('--ctr')('0.25')).toBe(0.25);
    expect(ratioFlag('--ctr')('1')).toBe(1);
    expect(ratioFlag('--ctr')('.5')).toBe(0.5);
    expect(seedFlag('0')).toBe(0);
  });

  it('name the flag and quote the text on bad input', () => {
    expect(usageOf(() => intFlag('--count', 1)('abc'))).toEqual({ field: '--count', message: '--count must be a positive integer, got "abc"' });
    for (const bad of ['0', '-1', '1.5', '', ' 3', '12abc', '1e3']) expect(usageOf(() => intFlag('--count', 1)(bad)).field).toBe('--count');
    expect(usageOf(() => intFlag('--campaign-id', 1)('99999999999')).message).toContain('at most 2147483647');
    for (const bad of ['1.5', '-0.1', 'abc', '', 'NaN', 'Infinity', '0x1']) expect(usageOf(() => ratioFlag('--ratio')(bad)).field).toBe('--ratio');
    expect(usageOf(() => seedFlag('-1')).field).toBe('--seed');
  });
});

describe('input checks for programmatic callers', () => {
  // Domain code names the input field; the CLI renames it to the flag (withFlagNames).
  it('reject what the flags reject, naming the field', () => {
    expect(usageOf(() => requireInt(0, 'count', 1))).toEqual({ field: 'count', message: 'count: must be a positive integer, got 0' });
    expect(usageOf(() => requireInt(3e9, 'count', 1)).message).toBe('count: must be a positive integer (at most 2147483647), got 3000000000');
    expect(usageOf(() => requireInt(2.5, 'impressions', 0)).field).toBe('impressions');
    expect(usageOf(() => requireRatio(Number.NaN, 'ctr')).field).toBe('ctr');
    expect(requireInt(0, 'campaigns', 0)).toBe(0);
  });

  it('come back naming the flag through the CLI', async () => {
    const failure = await withFlagNames(async () => requireInt(0, 'campaignId', 1)).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(UsageError);
    expect(failure).toMatchObject({ field: '--campaign-id', message: '--campaign-id must be a positive integer, got 0' });
    const named = await withFlagNames(async () => requireInt(0, 'campaignId', 1), { campaignId: '--campaign' }).catch((err: unknown) => err);
    expect(named).toMatchObject({ field: '--campaign' });
  });
});

describe('toStatsReport', () => {
  it('sums campaigns plus facts without a campaign, with 0 CTR where nothing was shown', () => {
    const report = toStatsReport(
      { advertisers: '2', campaigns: '2', impressions_without_campaign: '5', clicks_without_campaign: '1' },
      [
        { id: 1, name: 'a', advertiser: 'x', impressions: '10', clicks: '2' },
        { id: 2, name: 'b', advertiser: null, impressions: '0', clicks: '0' },
      ],
    );
    expect(report).toMatchObject({ advertisers: 2, campaigns: 2, impressions: 15, clicks: 3, ctr: 0.2 });
    expect(report.perCampaign).toEqual([
      { id: 1, name: 'a', advertiser: 'x', impressions: 10, clicks: 2, ctr: 0.2 },
      { id: 2, name: 'b', advertiser: null, impressions: 0, clicks: 0, ctr: 0 },
    ]);
  });
});
