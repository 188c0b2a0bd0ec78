import { addDays, daysBetween } from '../core/calendar.ts';

/** The two quantities forecast per series. */
export const metrics = ['impressions', 'reach'] as const;
export type Metric = (typeof metrics)[number];

/** One daily history: a campaign, or a targeting segment across all campaigns. */
export interface DailySeries {
  /** 'campaign:12' or 'segment:country=DE,device=mobile'. */
  readonly key: string;
  readonly kind: 'campaign' | 'segment';
  readonly campaignId: number;
  /** Canonical segment text ('' for campaigns; see segments.ts). */
  readonly segment: string;
  /** Date of values[0]. */
  readonly firstDay: string;
  readonly values: Readonly<Record<Metric, Float64Array>>;
}

/** One aggregated row as ClickHouse returns it. */
export interface DailyRow {
  readonly kind: 'campaign' | 'segment';
  readonly campaignId: number;
  readonly segment: string;
  readonly day: string;
  readonly impressions: number;
  readonly reach: number;
}

/** Stable key of a series. */
export function seriesKey(kind: 'campaign' | 'segment', campaignId: number, segment: string): string {
  return kind === 'campaign' ? `campaign:${campaignId}` : `segment:${segment}`;
}

/**
 * Dense daily series from sparse rows: each runs from its first day with impressions to
 * `lastDay`, days without rows are zeros (no traffic is information, not a gap).
 */
export function buildSeries(rows: readonly DailyRow[], lastDay: string): DailySeries[] {
  const grouped = new Map<string, DailyRow[]>();
  for (const r of rows) {
    if (r.impressions <= 0 || r.day > lastDay) continue;
    const key = seriesKey(r.kind, r.campaignId, r.segment);
    let list = grouped.get(key);
    if (list === undefined) grouped.set(key, (list = []));
    list.push(r);
  }
  const out: DailySeries[] = [];
  for (const [key, list] of grouped) {
    const firstDay = list.reduce((m, r) => (r.day < m ? r.day : m), list[0]!.day);
    const length = daysBetween(firstDay, lastDay) + 1;
    const impressions = new Float64Array(length);
    const reach = new Float64Array(length);
    for (const r of list) {
      const i = daysBetween(firstDay, r.day);
      impressions[i] = r.impressions;
      reach[i] = r.reach;
    }
    const { kind, campaignId, segment } = list[0]!;
    out.push({ key, kind, campaignId, segment, firstDay, values: { impressions, reach } });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Index of a date in a series (may be negative or past the end). */
export function indexOf(series: DailySeries, date: string): number {
  return daysBetween(series.firstDay, date);
}

/** Date of an index in a series. */
export function dateAt(series: DailySeries, index: number): string {
  return addDays(series.firstDay, index);
}
