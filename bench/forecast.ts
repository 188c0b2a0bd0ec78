// npm run bench:forecast — the forecasting model's cost: training time and memory for
// 100 campaigns × 90 days (in process, then through ClickHouse as the workflow does it),
// the cost of publishing forecasts, and the latency of reading one forecast.
// BENCH_FORECAST_CAMPAIGNS / BENCH_FORECAST_DAYS change the size; BENCH_FORECAST_MODEL_ONLY=1
// skips the servers.
import Table from 'cli-table3';
import { createActivities } from '../activities/index.ts';
import { readForecast } from '../cli/handlers/forecast/read-forecast.ts';
import { weekday } from '../core/calendar.ts';
import { holdoutFor } from '../forecast/evaluate.ts';
import { originState } from '../forecast/features.ts';
import { loadPredictor, trainModel } from '../forecast/model.ts';
import { insertHistory } from '../generator/index.ts';
import { migrate } from '../lib/migrate.ts';
import { withPgTransaction } from '../lib/postgres/transaction.ts';
import { syntheticHistory } from '../test/unit/forecast/synthetic-history.ts';
import { createActivityDeps } from '../worker/activity-deps.ts';
import { benchStack } from './bench-stack.ts';
import { startRssSampler } from './rss-sampler.ts';

const campaigns = Number(process.env.BENCH_FORECAST_CAMPAIGNS ?? 100);
const days = Number(process.env.BENCH_FORECAST_DAYS ?? 90);
const log = (m: string) => process.stderr.write(`${m}\n`);
const rows: [string, string][] = [];
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function latency(times: number, fn: () => Promise<unknown>): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return `p50 ${percentile(ms, 0.5).toFixed(1)} ms, p95 ${percentile(ms, 0.95).toFixed(1)} ms (${times} calls)`;
}

/** The model alone: synthetic series in memory, no I/O. */
function modelOnly(rss: ReturnType<typeof startRssSampler>): void {
  const h = syntheticHistory({ seed: 1, campaigns, days, today: '2026-03-01' });
  const trainEnd = holdoutFor(h.lastDay).origin;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  rss.reset();
  const ms: number[] = [];
  let model = trainModel(h.series, trainEnd);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    model = trainModel(h.series, trainEnd);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  rows.push([`train, in process (${campaigns} campaigns × ${days} days, ${model.metrics.impressions.samples.toLocaleString('en')} rows per metric)`,
    `${ms[1]!.toFixed(0)} ms (median of 3); heap +${mb(process.memoryUsage().heapUsed - heapBefore)}, peak RSS ${rss.peakMb()} MB`]);
  rows.push(['stored model size (JSON)', `${JSON.stringify(model).length.toLocaleString('en')} bytes`]);
  const p = loadPredictor(model);
  const t0 = performance.now();
  for (const s of h.series) {
    const state = originState(s.values.impressions, s.values.impressions.length - 1, weekday(s.firstDay))!;
    for (let d = 1; d <= 14; d++) p.predict('impressions', state, d);
  }
  rows.push(['predict 14 days, per campaign (in process)', `${((performance.now() - t0) / h.series.length * 1000).toFixed(0)} µs`]);
}

/** As the workflow does it: PostgreSQL → initial load → ClickHouse → train, publish, read. */
async function throughServers(rss: ReturnType<typeof startRssSampler>): Promise<void> {
  const stack = await benchStack(log);
  const owned = createActivityDeps({ ...stack.endpoints, clickhouseDatabase: 'adpipe_bench_forecast' }, { extractMode: 'pull' });
  try {
    await migrate({ databaseUrl: stack.endpoints.databaseUrl });
    await owned.deps.clickhouseServer.command({ query: 'DROP DATABASE IF EXISTS adpipe_bench_forecast' });
    const acts = createActivities(owned.deps);
    await acts.applyOlapSchema();
    log(`generating ${campaigns} campaigns × ${days} days in PostgreSQL…`);
    const t0 = performance.now();
    const history = await withPgTransaction(owned.deps.pg, (tx) => insertHistory(tx, { campaigns, days, seed: 1, scale: 0.25 }));
    rows.push([`adpipe history: ${history.impressions.toLocaleString('en')} impressions`, `${((performance.now() - t0) / 1000).toFixed(1)} s`]);
    const plan = await acts.planInitialLoad({ loadId: 'bench-forecast', rangeSize: 1_000_000 });
    for (const r of plan.ranges) await acts.loadInitialRange({ loadId: 'bench-forecast', upperXid: plan.upperXid, ...r });
    await acts.finishInitialLoad({ tables: plan.tables, upperXid: plan.upperXid });
    rss.reset();
    const t1 = performance.now();
    const trained = await acts.trainForecastCandidate({ runId: 'bench', asOf: history.lastDay, historyDays: 120, seed: 1, ridge: 1, maxSamples: 60_000 });
    rows.push([`trainForecastCandidate (read ClickHouse history, ${trained.series.campaigns} campaigns + ${trained.series.segments} segments, train, score)`,
      `${((performance.now() - t1) / 1000).toFixed(2)} s; peak RSS ${rss.peakMb()} MB; hold-out WAPE ${(trained.candidate.score! * 100).toFixed(1)}% vs seasonal naive ${(trained.baselines.seasonalNaive.score! * 100).toFixed(1)}%`]);
    await acts.recordForecastDecision({ version: trained.version, promoted: true, previousVersion: 0, reason: 'bench' });
    const t2 = performance.now();
    const published = await acts.publishForecasts({ asOf: history.lastDay, days: 14, historyDays: 120 });
    rows.push([`publishForecasts (${published.campaigns} campaigns + ${published.segments} segments × 14 days)`, `${((performance.now() - t2) / 1000).toFixed(2)} s`]);
    const id = history.plan.profiles[0]!.id;
    rows.push(['adpipe forecast --campaign (read from ClickHouse)', await latency(30, () => readForecast(owned.deps.clickhouse, { campaignId: id, days: 14 }))]);
    rows.push(['adpipe forecast --segment country=DE,device=mobile', await latency(30, () => readForecast(owned.deps.clickhouse, { segment: { country: 'DE', device: 'mobile' }, days: 14 }))]);
  } finally {
    await owned.close();
    await stack.stop();
  }
}

const rss = startRssSampler();
try {
  modelOnly(rss);
  if (process.env.BENCH_FORECAST_MODEL_ONLY !== '1') await throughServers(rss);
} finally {
  rss.stop();
}
const table = new Table({ head: ['measurement', 'result'] });
for (const r of rows) table.push(r);
process.stdout.write(`${table.toString()}\nnode ${process.version}, ${new Date().toISOString()}\n`);
