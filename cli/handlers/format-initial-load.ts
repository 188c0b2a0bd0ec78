import type { InitialLoadResult } from '../../workflows/pipeline/initial-load.ts';

/** Human lines summarising an initialLoad result (the JSON is in the Temporal UI). */
export function formatInitialLoad(r: InitialLoadResult): string[] {
  const lines: string[] = [];
  if (r.schemaApplied.length > 0) lines.push(`ClickHouse schema applied: ${r.schemaApplied.join(', ')}`);
  if (r.generated.generated) {
    const g = r.generated;
    lines.push(`Generated into the empty database (seed ${g.seed}): ${g.advertisers} advertisers, ${g.campaigns} campaigns, ${g.impressions} impressions, ${g.clicks} clicks`);
  }
  if (r.tables.length === 0) {
    lines.push('Every table was already loaded; nothing to do.');
    return lines;
  }
  const rows = Object.entries(r.rowsByTable).map(([t, n]) => `${t} ${n}`).join(', ');
  lines.push(`Loaded ${rows} in ${r.rangesLoaded} ranges below xid ${r.upperXid}.`);
  if (r.reports) lines.push(`Built ${r.reports.dailyRows} daily report rows for ${r.reports.campaigns} campaigns in ${r.reports.durationMs} ms.`);
  lines.push(`initialLoad took ${(r.durationMs / 1000).toFixed(1)} s.`);
  return lines;
}
