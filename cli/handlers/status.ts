import { readStatus } from '../../queries/status/read-status.ts';
import type { ContextRunner } from './context-runner.ts';
import { withPipelineContext } from './pipeline-context.ts';
import type { Output } from './services.ts';
import { healthLines } from './status/render-health.ts';
import { renderStatus } from './status/render-status.ts';

/**
 * `adpipe status`: per table watermark, rows and deletes behind, last run and its
 * duration; schedules; workers polling the task queue; what holds the watermark back.
 */
export async function runStatus(opts: { json?: boolean }, io: Output, withContext: ContextRunner = withPipelineContext): Promise<void> {
  await withContext(async (ctx) => {
    const report = await readStatus({
      pg: ctx.pg(),
      clickhouse: ctx.clickhouse(),
      temporal: { client: async () => (await ctx.temporal()).client, namespace: ctx.config.temporalNamespace, taskQueue: ctx.config.taskQueue },
    });
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else for (const line of [...renderStatus(report, process.stdout.isTTY === true), ...healthLines(report.health)]) io.out(line);
  });
}
