import type { ScheduleDescription, ScheduleOptions } from '@temporalio/client';
import { TypedSearchAttributes, type SearchAttributePair } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { scheduleDefinition } from '../../../schedules/definitions.ts';
import { desiredSchedule } from '../../../schedules/desired-schedule.ts';
import { scheduleChanges } from '../../../schedules/schedule-changes.ts';
import { scheduleSettings } from '../../../schedules/schedule-settings.ts';

/** What describe() returns for a schedule created from `options` (durations in ms, attributes typed). */
function described(options: ScheduleOptions): ScheduleDescription {
  const a = options.action;
  return {
    scheduleId: options.scheduleId,
    spec: { intervals: options.spec.intervals!.map((i) => ({ every: Number(i.every), offset: Number(i.offset ?? 0) })), calendars: [] },
    action: {
      type: 'startWorkflow', workflowType: a.workflowType as string, workflowId: a.workflowId!, taskQueue: a.taskQueue,
      args: JSON.parse(JSON.stringify(a.args)), memo: a.memo, staticSummary: a.staticSummary,
      typedSearchAttributes: new TypedSearchAttributes(a.typedSearchAttributes as SearchAttributePair[]),
    },
    policies: { overlap: options.policies!.overlap!, catchupWindow: Number(options.policies!.catchupWindow), pauseOnFailure: false },
    state: { paused: false },
  } as unknown as ScheduleDescription;
}

describe('scheduleChanges', () => {
  const settings = scheduleSettings({});
  const target = { taskQueue: 'adpipe' };
  const deltas = desiredSchedule(scheduleDefinition('track-deltas'), settings, target);

  it('finds nothing to change in a schedule created from the same definition', () => {
    expect(scheduleChanges(described(deltas), deltas)).toEqual([]);
  });

  it('names each field that differs', () => {
    const slower = desiredSchedule(scheduleDefinition('track-deltas'), scheduleSettings({ ADPIPE_TRACK_DELTAS_EVERY: '15m' }), target);
    expect(scheduleChanges(described(deltas), slower)).toEqual(['interval']);
    const elsewhere = desiredSchedule(scheduleDefinition('track-deltas'), settings, { taskQueue: 'other' });
    expect(scheduleChanges(described(deltas), elsewhere)).toEqual(['taskQueue']);
    const generate = desiredSchedule(scheduleDefinition('generate-new-data'), settings, target);
    const longerSleep = desiredSchedule(scheduleDefinition('generate-new-data'), scheduleSettings({}, { maxSleepSeconds: '60' }), target);
    expect(scheduleChanges(described(generate), longerSleep)).toEqual(['args', 'memo', 'summary']);
    const skipping = described(generate);
    (skipping.policies as { overlap: string }).overlap = 'SKIP';
    expect(scheduleChanges(skipping, generate)).toEqual(['overlap']);
  });

  it('gives track-deltas overlap SKIP and every schedule a stable id and run name', () => {
    expect(deltas.policies?.overlap).toBe('SKIP');
    expect(deltas.scheduleId).toBe('track-deltas');
    expect(deltas.action.workflowId).toBe('track-deltas');
    expect(desiredSchedule(scheduleDefinition('track-deltas'), settings, { ...target, idPrefix: 't1-' }).scheduleId).toBe('t1-track-deltas');
  });
});
