import Table from 'cli-table3';
import type { InsertBatchResult, StatsReport } from '../../generator/index.ts';

// Human-readable output of the generator commands; `--json` prints the results as-is.

const count = (n: number) => n.toLocaleString('en-US');
const percent = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
// Colour only on a terminal: piped output must not carry escape codes.
const style = () => (process.stdout.isTTY ? {} : { style: { head: [], border: [] } });

/** Printed after every generating command so the run can be repeated. */
export function seedNote(seed: number): string {
  return `seed ${seed}; rerun with --seed ${seed} to reproduce`;
}

/** One-paragraph summary of a batch. */
export function describeBatch(r: InsertBatchResult, elapsedMs: number): string {
  return (
    `Created ${count(r.advertisers)} advertisers, ${count(r.campaigns)} campaigns, ` +
    `${count(r.impressions)} impressions and ${count(r.clicks)} clicks in ${seconds(elapsedMs)}.\n` +
    `${seedNote(r.seed)}\n`
  );
}

/** Totals and a per-campaign table (first `limit` campaigns by id when given). */
export function renderStats(report: StatsReport, limit?: number): string {
  const totals = new Table({ head: ['Advertisers', 'Campaigns', 'Impressions', 'Clicks', 'Overall CTR'], ...style() });
  totals.push([count(report.advertisers), count(report.campaigns), count(report.impressions), count(report.clicks), percent(report.ctr)]);
  const shown = limit === undefined ? report.perCampaign : report.perCampaign.slice(0, limit);
  const perCampaign = new Table({
    head: ['ID', 'Campaign', 'Advertiser', 'Impressions', 'Clicks', 'CTR'],
    colAligns: ['right', 'left', 'left', 'right', 'right', 'right'],
    ...style(),
  });
  for (const c of shown) {
    perCampaign.push([c.id, c.name, c.advertiser ?? '—', count(c.impressions), count(c.clicks), percent(c.ctr)]);
  }
  const more = report.perCampaign.length - shown.length;
  return (
    `${totals.toString()}\n` +
    (shown.length > 0 ? `${perCampaign.toString()}\n` : 'No campaigns.\n') +
    (more > 0 ? `… ${count(more)} more campaigns (raise --limit, or use --json)\n` : '')
  );
}
