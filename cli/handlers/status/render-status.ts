import Table from 'cli-table3';
import type { PipelineStatus } from '../../../queries/status/gather-status.ts';
import type { LastRun } from '../../../queries/status/last-run.ts';

const utc = (iso: string | null) => (iso === null ? '' : `${iso.slice(0, 19).replace('T', ' ')}Z`);
const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number | null) => (ms === null ? '' : `${(ms / 1000).toFixed(1)} s`);

function describeRun(run: LastRun | null): [string, string, string] {
  if (run === null) return ['never', '', ''];
  const loaded = run.rows === null ? '' : `${count(run.rows)} rows, ${count(run.tombstones ?? 0)} deletes`;
  return [`${utc(run.finishedAt)} ${run.kind}`, seconds(run.durationMs), loaded];
}

/** `adpipe status` for people: tables, schedules, workers. */
export function renderStatus(s: PipelineStatus, colour: boolean): string[] {
  // Escape codes only on a terminal: piped output and logs stay plain.
  const style = colour ? { compact: true } : { compact: true, head: [], border: [] };
  const tables = new Table({
    head: ['table', 'watermark (xid)', 'rows behind', 'deletes behind', 'last run (UTC)', 'took', 'it loaded'],
    colAligns: ['left', 'right', 'right', 'right', 'left', 'right', 'right'],
    style,
  });
  for (const t of s.tables) tables.push([t.table, t.watermark ?? 'not loaded', count(t.rowsBehind), count(t.deletesBehind), ...describeRun(t.lastRun)]);
  const lines = [tables.toString(), `Snapshot xmin ${s.snapshotXmin}: a delta started now reads transaction ids below it.`];
  if (s.temporalError !== null) {
    lines.push(`Temporal: unreachable (${s.temporalError}); schedules and workers unknown.`);
    return lines;
  }
  const schedules = new Table({ head: ['schedule', 'state', 'every', 'next run (UTC)', 'last run', 'note'], style });
  for (const x of s.schedules ?? []) {
    const last = x.lastRun ? `${utc(x.lastRun.startedAt)} ${x.lastRun.status}` : '';
    schedules.push([x.scheduleId, x.state, x.every ?? '', utc(x.nextRunAt), last, x.note ?? '']);
  }
  lines.push(schedules.toString());
  const w = s.workers!;
  const polled = (g: typeof w.workflowPollers, what: string) => `${g.count} ${what} poller${g.count === 1 ? '' : 's'}`;
  lines.push(w.healthy
    ? `Workers on task queue "${w.taskQueue}": ${polled(w.workflowPollers, 'workflow')}, ${polled(w.activityPollers, 'activity')}, last poll ${utc(w.activityPollers.lastPollAt)}.`
    : `Workers on task queue "${w.taskQueue}": NONE polling (${polled(w.workflowPollers, 'workflow')}, ${polled(w.activityPollers, 'activity')}); start one with \`adpipe worker\`.`);
  return lines;
}
