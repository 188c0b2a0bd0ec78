import type { InitialDataSize } from '../../core/inputs/initial-load-input.ts';
import { insertBatch } from '../../generator/index.ts';
import { withPgTransaction } from '../../lib/postgres/transaction.ts';
import type { ActivityDeps } from '../index.ts';
import { checkSourceSchema } from '../pipeline/source-schema.ts';
import { faultPoint } from '../fault-point.ts';
import { withHeartbeat } from '../heartbeat.ts';

export interface GenerateIfEmptyResult {
  readonly generated: boolean;
  readonly seed?: number;
  readonly advertisers?: number;
  readonly campaigns?: number;
  readonly impressions?: number;
  readonly clicks?: number;
}

export function createGenerateActivities(deps: ActivityDeps) {
  return {
    /**
     * Generate an initial data set when the four tables are empty. The emptiness check
     * and the inserts share one transaction under an advisory lock, so a retried or
     * concurrent call never generates twice.
     */
    async generateIfEmpty(size: InitialDataSize): Promise<GenerateIfEmptyResult> {
      await faultPoint('generateIfEmpty');
      await checkSourceSchema(deps.pg); // never write into a database the pipeline cannot read
      const started = Date.now();
      return withHeartbeat(() => ({ elapsedMs: Date.now() - started }), () => withPgTransaction(deps.pg, async (tx) => {
        await tx.client.query(`SELECT pg_advisory_xact_lock(hashtext('adpipe.generateIfEmpty'))`);
        const { rows } = await tx.client.query<{ empty: boolean }>(
          `SELECT NOT (EXISTS (SELECT 1 FROM advertiser) OR EXISTS (SELECT 1 FROM campaign)
             OR EXISTS (SELECT 1 FROM impressions) OR EXISTS (SELECT 1 FROM clicks)) AS empty`,
        );
        if (!rows[0]!.empty) return { generated: false };
        const r = await insertBatch(tx, size);
        return { generated: true, seed: r.seed, advertisers: r.advertisers, campaigns: r.campaigns, impressions: r.impressions, clicks: r.clicks };
      }));
    },
  };
}
