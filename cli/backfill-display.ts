import cliProgress from 'cli-progress';
import type { BackfillProgress } from '../workflows/backfill/backfill-progress.ts';
import type { BackfillResult } from '../workflows/backfill/backfill.ts';

/** Shows a backfill's progress as it is polled. */
export interface BackfillDisplay {
  update(progress: BackfillProgress): void;
  stop(): void;
}

const count = (n: number) => n.toLocaleString('en-US');
const phaseText: Record<BackfillProgress['phase'], string> = {
  checking: 'checking the campaign',
  dimensions: 'refreshing advertisers and campaigns',
  days: 'backfilling days',
  totals: 'rebuilding campaign totals',
  done: 'done',
};

/** One plain line for a progress snapshot (logs, pipes, CI). */
export function progressLine(p: BackfillProgress): string {
  const rows = `${count(p.rows.impressions)} impressions, ${count(p.rows.clicks)} clicks, ${count(p.rows.tombstones)} tombstones`;
  const now = p.currentDays.length > 0 ? `; working on ${p.currentDays.join(', ')}` : '';
  return `${p.workflowId}: ${phaseText[p.phase]}, ${p.daysDone}/${p.daysTotal} days, ${rows}${now}`;
}

/** A bar on a terminal; elsewhere a plain line whenever the phase or the days done change. */
export function createBackfillDisplay(writeLine: (line: string) => void, tty: boolean): BackfillDisplay {
  if (!tty) {
    let last = '';
    return {
      update(p) {
        const key = `${p.phase}|${p.daysDone}`;
        if (key !== last) writeLine(progressLine(p));
        last = key;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: 'backfill |{bar}| {value}/{total} days | {rows} rows | {status}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = {
        rows: count(p.rows.impressions + p.rows.clicks),
        status: p.currentDays.length > 0 ? p.currentDays.join(' ') : phaseText[p.phase],
      };
      if (!started) bar.start(p.daysTotal, p.daysDone, payload);
      else bar.update(p.daysDone, payload);
      started = true;
    },
    stop: () => (started ? bar.stop() : undefined),
  };
}

/** The summary printed when a backfill finished. */
export function describeBackfill(r: BackfillResult): string[] {
  const scope = r.campaignId === null ? 'all campaigns' : `campaign ${r.campaignId}`;
  const lines = [
    `Backfilled ${r.from}..${r.to} (${r.days} days, ${scope}) in ${(r.durationMs / 1000).toFixed(1)} s:`,
    `  re-extracted ${count(r.rows.impressions)} impressions and ${count(r.rows.clicks)} clicks; ` +
      `${count(r.rows.tombstones)} rows no longer in PostgreSQL were removed`,
    `  refreshed ${count(r.dimensions.advertisers)} advertisers and ${count(r.dimensions.campaigns)} campaigns` +
      (r.dimensions.tombstones > 0 ? ` (${count(r.dimensions.tombstones)} removed)` : ''),
    `  rebuilt the totals of ${count(r.totals.campaigns)} campaigns`,
  ];
  if (r.repricedCampaigns.length > 0) lines.push(`  repriced every day of campaigns ${r.repricedCampaigns.join(', ')} (their bid in ClickHouse was stale)`);
  lines.push(`Workflow ${r.workflowId}: see it in the Temporal UI.`);
  return lines;
}
