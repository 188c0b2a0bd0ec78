import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type pg from 'pg';
import { UsageError } from '../../lib/errors.ts';
import { backfillWorkflowId, type BackfillInput } from '../../core/inputs/backfill-input.ts';
import { backfill, type BackfillResult } from '../../workflows/backfill/backfill.ts';
import { runMetadata } from '../../schedules/run-metadata.ts';
import { createBackfillDisplay, describeBackfill } from '../backfill-display.ts';
import { startRun } from '../start-run.ts';
import { checkAttachFlags, parseBackfillFlags, type BackfillFlags } from './backfill-input.ts';
import type { ContextRunner } from './context-runner.ts';
import { withPipelineContext } from './pipeline-context.ts';
import type { Output } from './services.ts';
import { watchBackfill } from './watch-backfill.ts';

/** How the watching behaves; tests poll fast and never draw a bar. */
export interface WatchOptions {
  readonly withContext?: ContextRunner;
  readonly pollMs?: number;
  /** Draw a bar (default: when stderr is a terminal and output is not --json). */
  readonly tty?: boolean;
  readonly nowMs?: number;
}

async function ensureCampaignExists(pool: pg.Pool, campaignId: number): Promise<void> {
  const { rowCount } = await pool.query('SELECT 1 FROM campaign WHERE id = $1', [campaignId]);
  if (!rowCount) throw new UsageError(`--campaign: campaign ${campaignId} does not exist in PostgreSQL`, '--campaign');
}

/** Start the workflow; one with the same id still running is followed instead. */
async function startBackfill(client: Client, taskQueue: string, input: BackfillInput, io: Output): Promise<WorkflowHandle<typeof backfill>> {
  const scope = input.campaignId === undefined ? 'all campaigns' : `campaign ${input.campaignId}`;
  const metadata = runMetadata(backfill.name, `backfill of ${input.from}..${input.to}, ${scope}, started by \`adpipe backfill\``, {
    dateRange: `${input.from}..${input.to}`,
  });
  const { handle } = await startRun(client, backfill, input, { taskQueue, workflowId: backfillWorkflowId(input), metadata, notice: io.err });
  return handle;
}

/** A handle on an existing backfill run, or a UsageError naming --attach. */
async function existingBackfill(client: Client, workflowId: string): Promise<WorkflowHandle<typeof backfill>> {
  const handle = client.workflow.getHandle<typeof backfill>(workflowId);
  try {
    const run = await handle.describe();
    if (run.type !== backfill.name) throw new UsageError(`--attach: ${workflowId} is a ${run.type} workflow, not a backfill`, '--attach');
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new UsageError(`--attach: no workflow ${workflowId}`, '--attach');
    throw err;
  }
  return handle;
}

/**
 * `adpipe backfill`: check the flags (and the campaign) before starting anything, start
 * the backfill workflow (or follow one with --attach), show its progress, print a summary.
 */
export async function runBackfill(flags: BackfillFlags, io: Output, options: WatchOptions = {}): Promise<BackfillResult> {
  // Flags first: a typo must say so (exit 2) before any server is looked for.
  const attach = flags.attach === undefined ? undefined : checkAttachFlags(flags);
  const input = attach === undefined ? parseBackfillFlags(flags, options.nowMs) : undefined;
  return (options.withContext ?? withPipelineContext)(async (ctx) => {
    const { client } = await ctx.temporal();
    let handle: WorkflowHandle<typeof backfill>;
    if (attach !== undefined) handle = await existingBackfill(client, attach);
    else {
      if (input!.campaignId !== undefined) await ensureCampaignExists(ctx.pg(), input!.campaignId);
      handle = await startBackfill(client, ctx.config.taskQueue, input!, io);
    }
    io.err(`Following ${handle.workflowId}; Ctrl-C stops watching, not the backfill (re-attach: adpipe backfill --attach ${handle.workflowId}).`);
    const tty = options.tty ?? (process.stderr.isTTY === true && flags.json !== true);
    const result = await watchBackfill(handle, createBackfillDisplay(io.err, tty), options.pollMs ?? 1000);
    if (flags.json) io.out(JSON.stringify(result, null, 2));
    else for (const line of describeBackfill(result)) io.out(line);
    return result;
  });
}
