import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkflowHandle } from '@temporalio/client';
import { progressQuery } from '../../workflows/backfill/backfill-progress.ts';
import type { backfill, BackfillResult } from '../../workflows/backfill/backfill.ts';
import type { BackfillDisplay } from '../backfill-display.ts';
import { runResult } from '../start-run.ts';

/**
 * Poll the workflow's `progress` query into `display` until the workflow closes, then
 * return its result (a bad-input failure as a UsageError, exit 2). Only the watching stops
 * on Ctrl-C: the backfill runs on the server.
 */
export async function watchBackfill(
  handle: WorkflowHandle<typeof backfill>,
  display: BackfillDisplay,
  pollMs: number,
): Promise<BackfillResult> {
  let closed = false;
  const result = runResult(handle, 'backfill').finally(() => (closed = true));
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
  return result;
}
