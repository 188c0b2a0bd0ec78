import { Context } from '@temporalio/activity';

/** The running activity's context, or undefined when called outside Temporal (tests, CLI). */
export function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * Run `work` while heartbeating `details()` every few seconds, so a long single
 * ClickHouse statement still shows progress in the UI and a dead worker is noticed.
 */
export async function withHeartbeat<T>(details: () => unknown, work: () => Promise<T>, everyMs = 5_000): Promise<T> {
  const ctx = activityContext();
  if (ctx === undefined) return work();
  ctx.heartbeat(details());
  const timer = setInterval(() => ctx.heartbeat(details()), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
