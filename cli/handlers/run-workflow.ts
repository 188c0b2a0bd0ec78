import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { InitialLoadInput, InitialLoadResult } from '../../workflows/pipeline/initial-load.ts';
import type { TrackDeltasInput, TrackDeltasResult } from '../../workflows/pipeline/track-deltas.ts';
import type { GenerateNewDataInput, GenerateNewDataResult } from '../../workflows/generate/generate-new-data.ts';
import { manualRunMetadata } from './manual-run-metadata.ts';
import { registerSearchAttributes } from '../../worker/register-search-attributes.ts';
import { runnableWorkflows, type RunnableWorkflow } from '../workflow-names.ts';
import { withPipelineContext } from './pipeline-context.ts';

export { parseWorkflowName, runnableWorkflows, type RunnableWorkflow } from '../workflow-names.ts';

/**
 * Start a workflow and wait for its result. A workflow with the same id already running
 * (initial-load started by `up`, say) is attached to instead of started twice.
 */
export async function executeWorkflow(
  client: Client,
  taskQueue: string,
  name: RunnableWorkflow,
  input: InitialLoadInput | TrackDeltasInput | GenerateNewDataInput,
): Promise<InitialLoadResult | TrackDeltasResult | GenerateNewDataResult> {
  const spec = runnableWorkflows[name];
  const workflowId = spec.workflowId();
  await registerSearchAttributes(client.connection, client.options.namespace); // a server lacking them rejects the start
  try {
    const handle = await client.workflow.start(spec.type, { taskQueue, workflowId, args: [input], ...manualRunMetadata(spec.type, input) });
    return await handle.result();
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return client.workflow.getHandle(workflowId).result();
  }
}

/** `adpipe run <workflow>`: run it on the configured servers and print its result as JSON. */
export async function runWorkflowCommand(
  name: RunnableWorkflow,
  input: InitialLoadInput | TrackDeltasInput | GenerateNewDataInput,
  out: (line: string) => void,
): Promise<void> {
  await withPipelineContext(async (ctx) => {
    const temporal = await ctx.temporal();
    out(JSON.stringify(await executeWorkflow(temporal.client, ctx.config.taskQueue, name, input), null, 2));
  });
}
