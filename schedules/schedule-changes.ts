import type { ScheduleDescription, ScheduleOptions } from '@temporalio/client';
import type { SearchAttributePair, TypedSearchAttributes } from '@temporalio/common';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function attributeMap(attrs: TypedSearchAttributes | SearchAttributePair[] | undefined): Record<string, unknown> {
  const pairs = attrs === undefined ? [] : Array.isArray(attrs) ? attrs : attrs.getAll();
  return Object.fromEntries(pairs.map((p) => [p.key.name, p.value instanceof Date ? p.value.toISOString() : p.value]).sort());
}

/**
 * Fields where an existing schedule differs from the desired one (empty: nothing to do).
 * Pause state and note belong to operators and are never compared or overwritten.
 */
export function scheduleChanges(current: ScheduleDescription, desired: ScheduleOptions): string[] {
  const changes: string[] = [];
  const check = (field: string, a: unknown, b: unknown) => {
    if (!same(a, b)) changes.push(field);
  };
  const intervals = (current.spec.intervals ?? []).map((i) => ({ every: i.every, offset: i.offset }));
  const wanted = (desired.spec.intervals ?? []).map((i) => ({ every: Number(i.every), offset: Number(i.offset ?? 0) }));
  check('interval', intervals, wanted);
  check('calendars', (current.spec.calendars ?? []).length, 0); // cron strings arrive compiled into calendars
  const a = current.action;
  const d = desired.action;
  check('workflowType', a.workflowType, typeof d.workflowType === 'string' ? d.workflowType : d.workflowType.name);
  check('workflowId', a.workflowId, d.workflowId);
  check('taskQueue', a.taskQueue, d.taskQueue);
  check('args', a.args, d.args);
  check('memo', a.memo, d.memo);
  check('summary', a.staticSummary, d.staticSummary);
  check('searchAttributes', attributeMap(a.typedSearchAttributes), attributeMap(d.typedSearchAttributes as SearchAttributePair[] | undefined));
  check('overlap', current.policies.overlap, desired.policies?.overlap);
  check('catchupWindow', current.policies.catchupWindow, Number(desired.policies?.catchupWindow));
  check('pauseOnFailure', current.policies.pauseOnFailure, desired.policies?.pauseOnFailure ?? false);
  return changes;
}
