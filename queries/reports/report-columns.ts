/** How a report column's value is typed in JSON and shown in a table. */
export type ColumnKind = 'int' | 'money' | 'percent' | 'ratio' | 'text';

/**
 * One column of a report: the SQL output name (the JSON key), how its value is typed,
 * and for views people read (the CLI table, the dashboard) its header and whether the
 * compact table shows it.
 */
export interface ReportColumn {
  readonly key: string;
  readonly header: string;
  readonly kind: ColumnKind;
  readonly inTable: boolean;
}

const col = (key: string, header: string, kind: ColumnKind, inTable = true): ReportColumn => ({ key, header, kind, inTable });

/** `report totals`: lifetime KPIs (sql/queries/report-totals.sql). */
export const totalsColumns: readonly ReportColumn[] = [
  col('campaign_id', 'ID', 'int'),
  col('campaign_name', 'Campaign', 'text'),
  col('advertiser_id', 'Advertiser ID', 'int', false),
  col('advertiser_name', 'Advertiser', 'text'),
  col('bid', 'Bid', 'money'),
  col('budget', 'Budget', 'money'),
  col('start_date', 'Start', 'text', false),
  col('end_date', 'End', 'text', false),
  col('impressions', 'Impressions', 'int'),
  col('clicks', 'Clicks', 'int'),
  col('ctr', 'CTR', 'percent'),
  col('spend', 'Spend', 'money'),
  col('remaining_budget', 'Remaining', 'money'),
  col('budget_utilisation', 'Used', 'percent', false),
  col('budget_status', 'Budget status', 'text', false),
  col('bids_affordable', 'Bids affordable', 'int', false),
  col('bids_remaining', 'Bids remaining', 'int', false),
  col('ecpm', 'eCPM', 'money', false),
  col('ecpc', 'eCPC', 'money', false),
  col('flight_days', 'Flight days', 'int', false),
  col('days_elapsed', 'Days elapsed', 'int', false),
  col('days_remaining', 'Days remaining', 'int', false),
  col('daily_budget_norm', 'Daily norm', 'money', false),
  col('daily_budget_used', 'Daily used', 'money', false),
  col('daily_budget_status', 'Daily status', 'text', false),
  col('pacing', 'Pacing', 'ratio'),
  col('flight_status', 'Flight', 'text', false),
  col('status', 'Status', 'text'),
];

/** `report totals --from --to`: activity summed over a period (sql/queries/report-period.sql). */
export const periodColumns: readonly ReportColumn[] = [
  col('campaign_id', 'ID', 'int'),
  col('campaign_name', 'Campaign', 'text'),
  col('advertiser_id', 'Advertiser ID', 'int', false),
  col('advertiser_name', 'Advertiser', 'text'),
  col('period_from', 'From', 'text', false),
  col('period_to', 'To', 'text', false),
  col('days_active', 'Days', 'int'),
  col('impressions', 'Impressions', 'int'),
  col('clicks', 'Clicks', 'int'),
  col('ctr', 'CTR', 'percent'),
  col('spend', 'Spend', 'money'),
  col('ecpm', 'eCPM', 'money'),
  col('ecpc', 'eCPC', 'money'),
];

/** `report daily` (sql/queries/report-daily.sql). */
export const dailyColumns: readonly ReportColumn[] = [
  col('day', 'Day', 'text'),
  col('campaign_id', 'ID', 'int'),
  col('campaign_name', 'Campaign', 'text'),
  col('advertiser_id', 'Advertiser ID', 'int', false),
  col('advertiser_name', 'Advertiser', 'text'),
  col('flight_day', 'Flight day', 'int'),
  col('impressions', 'Impressions', 'int'),
  col('clicks', 'Clicks', 'int'),
  col('ctr', 'CTR', 'percent'),
  col('bid', 'Bid', 'money'),
  col('spend', 'Spend', 'money'),
];
