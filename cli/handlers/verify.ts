import Table from 'cli-table3';
import { reconcile } from '../../queries/verify/reconcile.ts';
import type { ContextRunner } from './context-runner.ts';
import { withPipelineContext } from './pipeline-context.ts';
import type { Output } from './services.ts';

/** `adpipe verify`: compare reports with PostgreSQL; true when they agree exactly. */
export async function runVerify(opts: { json?: boolean; limit?: number }, io: Output, withContext: ContextRunner = withPipelineContext): Promise<boolean> {
  return withContext(async (ctx) => {
    const result = await reconcile(ctx.pg(), ctx.clickhouse());
    if (opts.json) {
      io.out(JSON.stringify(result, null, 2));
      return result.differences.length === 0;
    }
    io.out(`Checked ${result.dailyKeys} (campaign, day) pairs and ${result.campaigns} campaigns.`);
    const { impressions, clicks } = result.unloadable;
    if (impressions + clicks > 0) {
      io.out(`Left out: ${impressions} impressions and ${clicks} clicks ClickHouse cannot store (listed by \`adpipe status\`).`);
    }
    if (result.differences.length === 0) {
      io.out('Reports match PostgreSQL exactly.');
      return true;
    }
    const table = new Table({ head: ['report', 'campaign', 'day', 'field', 'PostgreSQL', 'ClickHouse'] });
    for (const d of result.differences.slice(0, opts.limit ?? 50)) {
      table.push([d.scope, d.campaignId, d.day ?? '', d.field, d.postgres, d.clickhouse]);
    }
    io.out(table.toString());
    io.out(`${result.differences.length} difference(s). If a run is in progress or rows were written since the last trackDeltas, run it and verify again.`);
    return false;
  });
}
