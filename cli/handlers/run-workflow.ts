import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { InitialLoadInput, InitialLoadResult } from '../../workflows/initial-load.ts';
import type { TrackDeltasInput, TrackDeltasResult } from '../../workflows/track-deltas.ts';
import type { GenerateNewDataInput, GenerateNewDataResult } from '../../workflows/generate-new-data.ts';
import { manualRunMetadata } from './manual-run-metadata.ts';
import { registerSearchAttributes } from '../../worker/register-search-attributes.ts';
import { UsageError } from '../../lib/errors.ts';

/** Workflows `adpipe run` starts, by their CLI name. */
export const runnableWorkflows = {
  'initial-load': { type: 'initialLoad', workflowId: () => 'initial-load' },
  'track-deltas': { type: 'trackDeltas', workflowId: () => `track-deltas-manual-${new Date().toISOString()}` },
  'generate-new-data': { type: 'generateNewData', workflowId: () => `generate-new-data-manual-${new Date().toISOString()}` },
} as const;
export type RunnableWorkflow = keyof typeof runnableWorkflows;

export function parseWorkflowName(name: string): RunnableWorkflow {
  if (!(name in runnableWorkflows)) {
    throw new UsageError(`unknown workflow "${name}"; expected one of ${Object.keys(runnableWorkflows).join(', ')}`, 'workflow');
  }
  return name as RunnableWorkflow;
}

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
