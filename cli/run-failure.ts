import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure, WorkflowFailedError } from '@temporalio/client';
import { isUsageFailure } from '../core/failures.ts';
import { UsageError } from '../lib/errors.ts';

/**
 * The ApplicationFailure at the root of a failed run: WorkflowFailedError → ActivityFailure
 * or ChildWorkflowFailure (any depth: backfill → backfillDay → activity) → ApplicationFailure.
 */
export function rootFailure(err: WorkflowFailedError): ApplicationFailure | undefined {
  let cause: unknown = err.cause;
  while (cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) cause = cause.cause;
  return cause instanceof ApplicationFailure ? cause : undefined;
}

/**
 * A failed run as the CLI reports it. Bad input and other usage failures (core/failures.ts)
 * become a UsageError carrying the workflow's own message (exit 2); any other failure an
 * Error naming the run (exit 1). Errors that are not run failures pass through.
 */
export function runFailure(err: unknown, run?: { readonly workflowId: string; readonly workflowType: string }): unknown {
  if (!(err instanceof WorkflowFailedError)) return err;
  const root = rootFailure(err);
  if (root !== undefined && isUsageFailure(root.type)) return new UsageError(root.message);
  const why = root?.message ?? err.cause?.message ?? 'see the Temporal UI';
  return new Error(run === undefined ? `workflow failed: ${why}` : `${run.workflowType} ${run.workflowId} failed: ${why}`);
}
