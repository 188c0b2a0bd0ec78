import type { Client } from '@temporalio/client';
import type { WorkflowResultType } from '@temporalio/common';
import type { z } from 'zod';
import { generateNewDataInput } from '../../core/inputs/generate-new-data-input.ts';
import { initialLoadInput } from '../../core/inputs/initial-load-input.ts';
import { retrainForecastInput } from '../../core/inputs/retrain-forecast-input.ts';
import { trackDeltasInput } from '../../core/inputs/track-deltas-input.ts';
import { UsageError } from '../../lib/errors.ts';
import { retrainForecast } from '../../workflows/forecast/retrain-forecast.ts';
import { generateNewData } from '../../workflows/generate/generate-new-data.ts';
import { initialLoad } from '../../workflows/pipeline/initial-load.ts';
import { trackDeltas } from '../../workflows/pipeline/track-deltas.ts';
import { flagOf, parseFlagInput } from '../flag-names.ts';
import { executeRun, type OneInputWorkflow } from '../start-run.ts';
import { cliName, manualWorkflowId, type RunnableWorkflow } from '../workflow-names.ts';
import { manualRunMetadata } from './manual-run-metadata.ts';
import { withPipelineContext } from './pipeline-context.ts';
import type { Output } from './services.ts';

/** How a run started by hand is named and described. */
export interface ManualRunOptions {
  /** The command, for the run's summary in the Temporal UI (default `adpipe run`). */
  readonly command?: string;
  /** The fields the user gave, for the summary (default: the input). */
  readonly asked?: unknown;
  readonly notice?: (line: string) => void;
}

/** Run a workflow by hand and wait for its result: the manual id and summary; a run already going is followed. */
export async function executeManualRun<W extends OneInputWorkflow>(
  client: Client, taskQueue: string, workflow: W, input: Parameters<W>[0], options: ManualRunOptions = {},
): Promise<WorkflowResultType<W>> {
  const metadata = manualRunMetadata(workflow.name, options.asked ?? input, options.command);
  return executeRun(client, workflow, input, { taskQueue, workflowId: manualWorkflowId(cliName(workflow.name)), metadata, notice: options.notice });
}

/** A run of `adpipe run`, checked and ready to start. */
type PreparedRun = (client: Client, taskQueue: string, notice: (line: string) => void) => Promise<unknown>;

/** One runnable workflow: the schema its flags fill, and how a checked input starts it. */
function runnable<S extends z.ZodObject, W extends OneInputWorkflow>(schema: S, workflow: W & ((input: z.output<S>) => Promise<unknown>)) {
  return {
    schema,
    prepare: (asked: Record<string, unknown>): PreparedRun => {
      const input = parseFlagInput(schema, asked);
      return (client, taskQueue, notice) => executeManualRun(client, taskQueue, workflow, input, { asked, notice });
    },
  };
}

const runnables = {
  'initial-load': runnable(initialLoadInput, initialLoad),
  'track-deltas': runnable(trackDeltasInput, trackDeltas),
  'generate-new-data': runnable(generateNewDataInput, generateNewData),
  'retrain-forecast': runnable(retrainForecastInput, retrainForecast),
} satisfies Record<RunnableWorkflow, unknown>;

/** Check `run`'s flags against the workflow's input schema: a flag of another workflow, or a bad value, exits 2. */
export function prepareRun(name: RunnableWorkflow, flags: Readonly<Record<string, unknown>>): PreparedRun {
  const { schema, prepare } = runnables[name];
  const asked = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  const stray = Object.keys(asked).find((field) => !(field in schema.shape));
  if (stray !== undefined) throw new UsageError(`${flagOf(stray)} does not apply to ${name}`, flagOf(stray));
  return prepare(asked);
}

/** `adpipe run <workflow>`: check the flags, run it on the configured servers, print its result as JSON. */
export async function runWorkflowCommand(name: RunnableWorkflow, flags: Readonly<Record<string, unknown>>, io: Output): Promise<void> {
  const run = prepareRun(name, flags); // before looking for servers: bad flags exit 2 at once
  await withPipelineContext(async (ctx) => {
    const { client } = await ctx.temporal();
    io.out(JSON.stringify(await run(client, ctx.config.taskQueue, io.err), null, 2));
  });
}
