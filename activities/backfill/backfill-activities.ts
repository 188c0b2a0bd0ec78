import { sqlFile } from '../../lib/sql-files.ts';
import type { ActivityDeps } from '../index.ts';
import { backfillFactDay } from './reextract-fact-day.ts';
import { refreshDimensions, type DimensionRefresh } from './refresh-dimensions.ts';
import { badInput } from '../../core/failures.ts';
import type { BackfillDayInput } from '../../core/inputs/backfill-day-input.ts';
import { classifyClickHouseError } from '../failures.ts';
import { withHeartbeat } from '../heartbeat.ts';
import { currentSnapshotXmin } from '../../lib/postgres/state/snapshot-xmin.ts';


/** What re-extracting one day wrote. */
export interface BackfillDayLoad {
  readonly day: string;
  /** The snapshot xmin its version came from (V = 2·xmin). */
  readonly xmin: string;
  readonly impressions: number;
  readonly clicks: number;
  readonly tombstones: number;
  readonly durationMs: number;
}

export function createBackfillActivities(deps: ActivityDeps) {
  return {
    /** Fail for good when the campaign does not exist in PostgreSQL; returns its advertiser. */
    async checkBackfillCampaign(input: { campaignId: number }): Promise<{ advertiserId: number | null }> {
      const { rows } = await deps.pg.query<{ advertiser_id: number | null }>('SELECT advertiser_id FROM campaign WHERE id = $1', [input.campaignId]);
      if (rows.length === 0) throw badInput('campaignId', `campaign ${input.campaignId} does not exist`);
      return { advertiserId: rows[0]!.advertiser_id };
    },

    /** Reload advertisers and campaigns (all, or one campaign and its advertiser). */
    async refreshBackfillDimensions(input: { campaignId?: number; advertiserId?: number | null }): Promise<DimensionRefresh & { xmin: string }> {
      const xmin = await currentSnapshotXmin(deps.db);
      const refreshed = await withHeartbeat(() => ({ refreshing: 'advertisers and campaigns', ...input }), () => refreshDimensions(deps, { ...input, xmin }));
      return { ...refreshed, xmin: String(xmin) };
    },

    /** Campaigns whose report rows carry another bid than the campaign now has (or no campaign). */
    async findMispricedCampaigns(input: { campaignId?: number }): Promise<{ campaignIds: number[] }> {
      try {
        const rows = await deps.clickhouse
          .query({ query: sqlFile('backfill/mispriced-campaigns.sql'), query_params: { campaign_id: input.campaignId ?? 0 }, format: 'JSONEachRow' })
          .then((r) => r.json<{ campaign_id: number }>());
        return { campaignIds: rows.map((r) => Number(r.campaign_id)) };
      } catch (err) {
        classifyClickHouseError(err, 'finding campaigns to reprice');
      }
    },

    /** Re-extract one UTC day of impressions and clicks with a fresh version. */
    async reextractDay(input: BackfillDayInput): Promise<BackfillDayLoad> {
      const started = Date.now();
      const xmin = await currentSnapshotXmin(deps.db);
      const campaignId = input.campaignId ?? 0;
      let stage = 'impressions';
      return withHeartbeat(
        () => ({ day: input.day, stage, elapsedMs: Date.now() - started }),
        async () => {
          const imp = await backfillFactDay(deps, { table: 'impressions', day: input.day, campaignId, xmin });
          stage = 'clicks';
          const clk = await backfillFactDay(deps, { table: 'clicks', day: input.day, campaignId, xmin });
          return {
            day: input.day, xmin: String(xmin), impressions: imp.rows, clicks: clk.rows,
            tombstones: imp.tombstones + clk.tombstones, durationMs: Date.now() - started,
          };
        },
      );
    },
  };
}
