import { ApplicationFailure, WorkflowFailedError, type Client } from '@temporalio/client';
import { UsageError } from '../../../lib/errors.ts';
import { runMetadata } from '../../../schedules/run-metadata.ts';
import type { RetrainForecastInput, RetrainForecastResult } from '../../../workflows/forecast/retrain-forecast.ts';

/** Failure types that mean the request cannot work as asked: exit 2, as bad flags do. */
const usageFailures = new Set(['BadInput', 'TooLittleHistory']);

/** The ApplicationFailure at the bottom of a workflow failure, if any. */
function rootFailure(err: WorkflowFailedError): ApplicationFailure | undefined {
  let cause: unknown = err.cause;
  while (cause instanceof Error && !(cause instanceof ApplicationFailure) && cause.cause) cause = cause.cause;
  return cause instanceof ApplicationFailure ? cause : undefined;
}

/**
 * `adpipe retrain`: run retrainForecast and wait for its result. Bad input and too
 * little history come back as a UsageError carrying the workflow's own message.
 */
export async function runRetrain(client: Client, taskQueue: string, input: RetrainForecastInput): Promise<RetrainForecastResult> {
  const workflowId = `retrain-forecast-manual-${new Date().toISOString()}`;
  const meta = runMetadata('retrainForecast', `retrainForecast started by \`adpipe retrain\`${input.asOf ? ` as of ${input.asOf}` : ''}`);
  try {
    return await client.workflow.execute('retrainForecast', { taskQueue, workflowId, args: [input], ...meta });
  } catch (err) {
    if (!(err instanceof WorkflowFailedError)) throw err;
    const root = rootFailure(err);
    if (root !== undefined && usageFailures.has(root.type ?? '')) throw new UsageError(root.message);
    throw new Error(`retrainForecast ${workflowId} failed: ${root?.message ?? err.message}`);
  }
}
