import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { WorkflowResultType } from '@temporalio/common';
import type { RunMetadata } from '../schedules/run-metadata.ts';
import { registerSearchAttributes } from '../worker/register-search-attributes.ts';
import { runFailure } from './run-failure.ts';

/** A workflow adpipe starts: one input object, a result. */
// `any` as in Temporal's own Workflow type: a workflow's input type is its own business.
export type OneInputWorkflow = (input: any) => Promise<any>;

/** Where and how to start a run. */
export interface StartRunOptions {
  readonly taskQueue: string;
  readonly workflowId: string;
  /** Kind, table and date range as search attributes, and a summary for the UI (schedules/run-metadata.ts). */
  readonly metadata: RunMetadata;
  /** Told what the CLI did beyond starting: attached to a running run, started without search attributes. */
  readonly notice?: (line: string) => void;
}

/** A started (or attached-to) run. */
export interface StartedRun<W extends OneInputWorkflow> {
  readonly handle: WorkflowHandle<W>;
  /** True when a run with the same id was already going and this one follows it. */
  readonly attached: boolean;
}

/**
 * The one way the CLI starts a workflow: by its function (a rename fails the typecheck),
 * after making sure the server knows adpipe's search attributes, tagged with them and a
 * summary. A run with the same id still going is attached to instead of started twice.
 */
export async function startRun<W extends OneInputWorkflow>(
  client: Client, workflow: W, input: Parameters<W>[0], options: StartRunOptions,
): Promise<StartedRun<W>> {
  const { metadata } = options;
  const registration = await registerSearchAttributes(client.connection, client.options.namespace);
  // A server that lacks the attributes rejects a start carrying them: start with the memo and summary only.
  if (registration.error !== undefined) options.notice?.(`note: could not register adpipe's search attributes (${registration.error}); starting without them`);
  const tags = registration.error === undefined ? metadata : { memo: metadata.memo, staticSummary: metadata.staticSummary };
  try {
    const args = [input] as unknown as Parameters<W>; // W takes exactly this one input
    const handle = await client.workflow.start<W>(workflow, { taskQueue: options.taskQueue, workflowId: options.workflowId, args, ...tags });
    return { handle, attached: false };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    options.notice?.(`${options.workflowId} is already running: following it.`);
    return { handle: client.workflow.getHandle<W>(options.workflowId), attached: true };
  }
}

/** The result of a run; a failure comes back as the CLI reports it (see run-failure.ts). */
export async function runResult<W extends OneInputWorkflow>(handle: WorkflowHandle<W>, workflowType: string): Promise<WorkflowResultType<W>> {
  try {
    return await handle.result();
  } catch (err) {
    throw runFailure(err, { workflowId: handle.workflowId, workflowType });
  }
}

/** startRun, then wait for the result. */
export async function executeRun<W extends OneInputWorkflow>(
  client: Client, workflow: W, input: Parameters<W>[0], options: StartRunOptions,
): Promise<WorkflowResultType<W>> {
  const { handle } = await startRun(client, workflow, input, options);
  return runResult(handle, workflow.name);
}
