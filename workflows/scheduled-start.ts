import { workflowInfo } from '@temporalio/workflow';
import { scheduledStartTimeKey } from '../core/search-attributes.ts';

/**
 * The instant this run stands for: the time its schedule was due when a schedule
 * started it (so a run caught up after an outage still covers its own slot), else the
 * run's start time. Both come from history, so replay sees the same value.
 */
export function runInstant(): { instant: Date; scheduledAt: Date | undefined } {
  const info = workflowInfo();
  const scheduledAt = info.typedSearchAttributes.get(scheduledStartTimeKey) ?? legacyScheduledStart(info.searchAttributes);
  return { instant: scheduledAt ?? info.startTime, scheduledAt };
}

/** Older servers send the attribute without type metadata: read the untyped map. */
function legacyScheduledStart(attrs: Record<string, unknown> | undefined): Date | undefined {
  const value = (attrs?.TemporalScheduledStartTime as unknown[] | undefined)?.[0];
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
