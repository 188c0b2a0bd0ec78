import type { CampaignCountsRow, TableCountsRow } from './store/stats.ts';

/** Delivery of one campaign. */
export interface CampaignStats {
  readonly id: number;
  readonly name: string;
  readonly advertiser: string | null;
  readonly impressions: number;
  readonly clicks: number;
  /** clicks / impressions, 0 without impressions. */
  readonly ctr: number;
}

/** What `adpipe stats` shows: table counts, overall CTR, and per-campaign delivery. */
export interface StatsReport {
  readonly advertisers: number;
  readonly campaigns: number;
  readonly impressions: number;
  readonly clicks: number;
  readonly ctr: number;
  readonly perCampaign: readonly CampaignStats[];
}

/** CTR as design §5 defines it: clicks / impressions, 0 where there are none. */
export function ctr(clicks: number, impressions: number): number {
  return impressions > 0 ? clicks / impressions : 0;
}

/** Turn the raw counts into the report; totals are the per-campaign sums plus orphans. */
export function toStatsReport(tables: TableCountsRow, rows: readonly CampaignCountsRow[]): StatsReport {
  const perCampaign = rows.map((r) => {
    const impressions = Number(r.impressions);
    const clicks = Number(r.clicks);
    return { id: r.id, name: r.name, advertiser: r.advertiser, impressions, clicks, ctr: ctr(clicks, impressions) };
  });
  const impressions = perCampaign.reduce((s, c) => s + c.impressions, Number(tables.impressions_without_campaign));
  const clicks = perCampaign.reduce((s, c) => s + c.clicks, Number(tables.clicks_without_campaign));
  return {
    advertisers: Number(tables.advertisers),
    campaigns: Number(tables.campaigns),
    impressions,
    clicks,
    ctr: ctr(clicks, impressions),
    perCampaign,
  };
}
