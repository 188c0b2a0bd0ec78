import { healthLines, healthReport } from '../../queries/status/health-report.ts';
import type { ContextRunner } from './context-runner.ts';
import { withPipelineContext } from './pipeline-context.ts';
import type { Output } from './services.ts';
import { gatherStatus, type PipelineStatus } from '../../queries/status/gather-status.ts';
import { renderStatus } from './status/render-status.ts';

/** `adpipe status` as data: pipeline state plus the health report (why deltas wait, rejected rows). */
export type StatusReport = PipelineStatus & { readonly health: Awaited<ReturnType<typeof healthReport>> };

/**
 * `adpipe status`: per table watermark, rows and deletes behind, last run and its
 * duration; schedules; workers polling the task queue; what holds the watermark back.
 */
export async function runStatus(opts: { json?: boolean }, io: Output, withContext: ContextRunner = withPipelineContext): Promise<void> {
  await withContext(async (ctx) => {
    const status = await gatherStatus(ctx);
    const health = await healthReport(ctx.pg(), ctx.clickhouse()); // why deltas wait, what was not loaded
    const report: StatusReport = { ...status, health };
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else for (const line of [...renderStatus(status, process.stdout.isTTY === true), ...healthLines(health)]) io.out(line);
  });
}
