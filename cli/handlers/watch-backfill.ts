import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure, WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { UsageError } from '../../lib/errors.ts';
import { progressQuery } from '../../workflows/backfill/backfill-progress.ts';
import type { backfill, BackfillResult } from '../../workflows/backfill/backfill.ts';
import type { BackfillDisplay } from '../backfill-display.ts';

/** A failed backfill whose cause is bad input becomes a UsageError (exit 2). */
function explainFailure(err: unknown, workflowId: string): Error {
  if (!(err instanceof WorkflowFailedError)) return err instanceof Error ? err : new Error(String(err));
  let cause: unknown = err.cause;
  while (cause instanceof Error && !(cause instanceof ApplicationFailure) && cause.cause) cause = cause.cause;
  if (cause instanceof ApplicationFailure && cause.type === 'BadInput') return new UsageError(cause.message);
  const why = cause instanceof Error ? cause.message : 'see the Temporal UI';
  return new Error(`backfill ${workflowId} failed: ${why}`);
}

/**
 * Poll the workflow's `progress` query into `display` until the workflow closes, then
 * return its result. Only the watching stops on Ctrl-C: the backfill runs on the server.
 */
export async function watchBackfill(
  handle: WorkflowHandle<typeof backfill>,
  display: BackfillDisplay,
  pollMs: number,
): Promise<BackfillResult> {
  let closed = false;
  const result = handle.result().finally(() => (closed = true));
  const settled = result.then(() => {}, () => {});
  const poll = async () => {
    try {
      display.update(await handle.query(progressQuery));
    } catch {
      // No worker to answer yet, or the run just closed: the next poll (or the result) tells.
    }
  };
  try {
    while (!closed) {
      await poll();
      await Promise.race([sleep(pollMs), settled]);
    }
    await poll(); // the final numbers
  } finally {
    display.stop();
  }
  try {
    return await result;
  } catch (err) {
    throw explainFailure(err, handle.workflowId);
  }
}
