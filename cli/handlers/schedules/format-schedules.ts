import Table from 'cli-table3';
import type { ScheduleStatus } from '../../../schedules/schedule-status.ts';

/** "2026-11-23 18:10:00Z (in 2m 5s)": UTC, plus how far from `now`. */
export function formatWhen(iso: string | null, now: Date): string {
  if (iso === null) return '';
  const at = new Date(iso);
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const span = Math.abs(seconds);
  const parts = span >= 86_400 ? [`${Math.floor(span / 86_400)}d`, `${Math.floor((span % 86_400) / 3600)}h`]
    : span >= 3600 ? [`${Math.floor(span / 3600)}h`, `${Math.floor((span % 3600) / 60)}m`]
    : span >= 60 ? [`${Math.floor(span / 60)}m`, `${span % 60}s`] : [`${span}s`];
  const relative = seconds >= 0 ? `in ${parts.join(' ')}` : `${parts.join(' ')} ago`;
  return `${at.toISOString().slice(0, 19).replace('T', ' ')}Z (${relative})`;
}

/** The `schedules list` table: one row per defined schedule. */
export function scheduleTable(statuses: readonly ScheduleStatus[], now = new Date()): string {
  const table = new Table({ head: ['schedule', 'workflow', 'state', 'every', 'overlap', 'next run (UTC)', 'last run (UTC)', 'note'] });
  for (const s of statuses) {
    const last = s.lastRun ? `${formatWhen(s.lastRun.startedAt, now)} ${s.lastRun.status}` : '';
    table.push([s.scheduleId, s.workflowType, s.state, s.every ?? '', s.overlap ?? '', formatWhen(s.nextRunAt, now), last, s.note ?? '']);
  }
  return table.toString();
}
