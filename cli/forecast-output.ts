import Table from 'cli-table3';
import type { ModelSummary } from '../queries/forecast/forecast-models.ts';
import type { ForecastView } from '../queries/forecast/published-forecast.ts';
import type { RetrainForecastResult } from '../workflows/forecast/retrain-forecast.ts';
import type { Scored } from '../activities/forecast/forecast-training.ts';

// Human-readable output of `retrain` and `forecast`; `--json` prints results as they are.

const style = () => (process.stdout.isTTY ? {} : { style: { head: [], border: [] } });
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** The forecast of one campaign or segment: a row per day with its 80 % intervals. */
export function renderForecast(v: ForecastView): string {
  const t = new Table({ head: ['Day', 'Impressions', '80% interval', 'Reach', '80% interval'], colAligns: ['left', 'right', 'right', 'right', 'right'], ...style() });
  for (const d of v.days) {
    t.push([d.day, n(d.impressions), `${n(d.impressionsLower)}–${n(d.impressionsUpper)}`, n(d.reach), `${n(d.reachLower)}–${n(d.reachUpper)}`]);
  }
  return `Forecast for ${v.target} (model v${v.modelVersion}, history up to ${v.asOf})\n${t.toString()}\n`;
}

/** Trained models, newest first, with their hold-out WAPE next to the baselines'. */
export function renderModels(models: readonly ModelSummary[]): string {
  if (models.length === 0) return 'No models yet: run `adpipe retrain`.\n';
  const t = new Table({
    head: ['Version', 'Trained (UTC)', 'Hold-out', 'WAPE', 'Seasonal naive', '28-day mean', 'Decision', ''],
    colAligns: ['right', 'left', 'left', 'right', 'right', 'right', 'left', 'left'], ...style(),
  });
  for (const m of models) {
    t.push([`v${m.version}`, m.trainedAt.slice(0, 19), m.holdout, pct(m.wape), pct(m.seasonalNaiveWape), pct(m.trailingMeanWape), m.decision, m.current ? 'current' : '']);
  }
  return `${t.toString()}\nWAPE: mean of impressions and reach over the 7-day hold-out (--json: per metric and horizon, MAPE too).\n`;
}

function scoreRow(name: string, s: Scored): string[] {
  const h = (k: 'impressions' | 'reach') => s[k].byHorizon.map((x) => pct(x.wape)).join(' ');
  return [name, pct(s.score), pct(s.impressions.wape), pct(s.impressions.mape), h('impressions'), pct(s.reach.wape)];
}

/** What a retrain did: the decision and the hold-out numbers it rests on. */
export function describeRetrain(r: RetrainForecastResult): string {
  const t = new Table({ head: ['Hold-out ' + `${r.holdout.from}..${r.holdout.to}`, 'Score', 'Impr. WAPE', 'Impr. MAPE', 'Impr. WAPE by horizon 1..7', 'Reach WAPE'], ...style() });
  t.push(scoreRow(`new model v${r.trainedVersion}`, r.scores.candidate));
  if (r.scores.current !== null) t.push(scoreRow(`current v${r.scores.current.version}`, r.scores.current));
  t.push(scoreRow('seasonal naive', r.scores.seasonalNaive));
  t.push(scoreRow('28-day mean', r.scores.trailingMean));
  const published = r.forecasts.generation === null ? 'no forecasts published (no current model)'
    : `forecasts published with v${r.forecasts.modelVersion}: ${r.forecasts.campaigns} campaigns, ${r.forecasts.segments} segments`;
  return `${r.promoted ? 'PROMOTED' : 'NOT PROMOTED'}: ${r.reason}\n${t.toString()}\n${published}` +
    `${r.forecasts.skipped.length > 0 ? ` (${r.forecasts.skipped.length} active campaigns skipped: too little history)` : ''}\n`;
}
