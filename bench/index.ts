// npm run bench — throughput and memory of adpipe's loads against this machine's own
// baselines, measured in the same run on the same rows. Sizes: BENCH_ROWS (history,
// default 2,000,000 impressions), BENCH_DELTA (default 1,000,000), BENCH_BIG_HISTORY
// (ClickHouse history for the rebuild test, default 10,000,000).
import fs from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import { createActivities, type Activities } from '../activities/index.ts';
import { pgAddressParams } from '../activities/pipeline/pg-address.ts';
import { migrate } from '../lib/migrate.ts';
import { runVersionRange } from '../core/versions.ts';
import { createActivityDeps } from '../worker/activity-deps.ts';
import { benchStack } from './bench-stack.ts';
import { copyBaseline } from './copy-baseline.ts';
import { seedHistory, seedDelta, inflateClickHouseHistory } from './seed.ts';
import { startRssSampler } from './rss-sampler.ts';
import { timed, type Figure } from './figures.ts';

const rows = Number(process.env.BENCH_ROWS ?? 2_000_000);
const delta = Number(process.env.BENCH_DELTA ?? 1_000_000);
const bigHistory = Number(process.env.BENCH_BIG_HISTORY ?? 10_000_000);
const log = (m: string) => process.stderr.write(`${m}\n`);

async function trackDeltasOnce(acts: Activities) {
  const plan = await acts.planDelta({});
  const t0 = performance.now();
  const loads = await Promise.all(plan.tables.map((t) => acts.loadDelta({ ...t, toXid: plan.toXid })));
  const loadMs = performance.now() - t0;
  const v = runVersionRange(BigInt(plan.toXid));
  const reports = await acts.rebuildReports({ versionLo: v.lo.toString(), versionHi: v.hi.toString() });
  await acts.advanceWatermarks({ toXid: plan.toXid, tables: plan.tables, summary: {} });
  return { rows: loads.reduce((n, l) => n + l.rows + l.tombstones, 0), loadMs, rebuildMs: reports.durationMs, dailyRows: reports.dailyRows };
}

async function main(): Promise<void> {
  const stack = await benchStack(log);
  const rss = startRssSampler();
  const figures: Figure[] = [];
  const owned = createActivityDeps(stack.endpoints, { extractMode: 'pull' });
  const streamOwned = createActivityDeps({ ...stack.endpoints, clickhouseDatabase: 'adpipe_bench_stream' }, { extractMode: 'stream' });
  const { pg, clickhouse, clickhouseServer } = owned.deps;
  try {
    await migrate({ databaseUrl: stack.endpoints.databaseUrl });
    for (const db of ['adpipe_bench', 'adpipe_bench_stream']) await clickhouseServer.command({ query: `DROP DATABASE IF EXISTS ${db}` });
    const acts = createActivities(owned.deps);
    const streamActs = createActivities(streamOwned.deps);
    await acts.applyOlapSchema();
    await streamActs.applyOlapSchema();
    log(`seeding ${rows} impressions (+5% clicks) in PostgreSQL…`);
    await seedHistory(pg, rows);

    rss.reset();
    figures.push(await timed('bare COPY impressions TO STDOUT (machine baseline)', rows, () => copyBaseline(pg), rss));

    await clickhouse.command({ query: 'CREATE TABLE unsafe_impressions AS impressions' });
    figures.push(await timed("unsafe: ClickHouse postgresql() with id > max(id)", rows, async () => {
      await clickhouse.command({
        query: `INSERT INTO unsafe_impressions (id, campaign_id, created_at, user_id, country, device_type, age_band, version, is_deleted)
                SELECT id, ifNull(campaign_id, 0), created_at, user_id, country, device_type, age_band, 0, 0
                FROM postgresql({pg_address:String}, {pg_database:String}, 'impressions', {pg_user:String}, {pg_password:String}, {pg_schema:String})
                WHERE id > {max_id:Int64}`,
        query_params: { ...pgAddressParams(owned.deps.pgForClickhouse), max_id: 0 },
      });
    }, rss));

    const plan = await acts.planInitialLoad({ loadId: 'bench', rangeSize: Math.max(100_000, Math.ceil(rows / 8)) });
    const impressionRanges = plan.ranges.filter((r) => r.table === 'impressions');
    figures.push(await timed('adpipe initial load, impressions (pull, 2 ranges at once)', rows, async () => {
      const queue = [...impressionRanges];
      await Promise.all([0, 1].map(async () => {
        for (let r = queue.shift(); r; r = queue.shift()) await acts.loadInitialRange({ loadId: 'bench', upperXid: plan.upperXid, ...r });
      }));
    }, rss));
    const streamPlan = await streamActs.planInitialLoad({ loadId: 'bench-stream', rangeSize: rows + 1 });
    figures.push(await timed('adpipe initial load, impressions (stream: COPY through the worker)', rows, async () => {
      for (const r of streamPlan.ranges.filter((x) => x.table === 'impressions')) {
        await streamActs.loadInitialRange({ loadId: 'bench-stream', upperXid: streamPlan.upperXid, ...r });
      }
    }, rss));
    for (const r of plan.ranges.filter((x) => x.table !== 'impressions')) await acts.loadInitialRange({ loadId: 'bench', upperXid: plan.upperXid, ...r });
    figures.push(await timed('initial report build (all days, all campaigns)', rows, () => acts.rebuildReports({ versionLo: '0', versionHi: (2n ** 64n - 1n).toString() }), rss));
    await acts.finishInitialLoad({ tables: plan.tables, upperXid: plan.upperXid });

    log(`inserting a delta of ${delta} impressions…`);
    await seedDelta(pg, delta);
    rss.reset();
    const d = await trackDeltasOnce(acts);
    figures.push({ name: `trackDeltas load of a ${delta.toLocaleString('en')}-row delta (pull)`, rows: d.rows, ms: d.loadMs, peakRssMb: rss.peakMb() });
    figures.push({ name: '  …and its report rebuild', rows: d.rows, ms: d.rebuildMs, peakRssMb: rss.peakMb() });

    await seedDelta(pg, 10_000);
    const small = await trackDeltasOnce(acts);
    figures.push({ name: `report rebuild after a 10k-row delta (history ${(rows + delta).toLocaleString('en')})`, rows: small.rows, ms: small.rebuildMs, peakRssMb: rss.peakMb() });
    log(`inflating ClickHouse history to ${bigHistory} impressions…`);
    await inflateClickHouseHistory(clickhouse, bigHistory);
    await seedDelta(pg, 10_000);
    const big = await trackDeltasOnce(acts);
    figures.push({ name: `report rebuild after a 10k-row delta (history ${bigHistory.toLocaleString('en')})`, rows: big.rows, ms: big.rebuildMs, peakRssMb: rss.peakMb() });
  } finally {
    rss.stop();
    await streamOwned.close();
    await owned.close();
    await stack.stop();
  }
  report(figures);
}

function report(figures: Figure[]): void {
  const table = new Table({ head: ['measurement', 'rows', 'seconds', 'rows/s', 'vs COPY', 'peak RSS MB'] });
  const copyRate = figures[0]!.rows / (figures[0]!.ms / 1000);
  for (const f of figures) {
    const rate = f.rows / (f.ms / 1000);
    table.push([f.name, f.rows.toLocaleString('en'), (f.ms / 1000).toFixed(2), Math.round(rate).toLocaleString('en'), (rate / copyRate).toFixed(2), f.peakRssMb]);
  }
  process.stdout.write(`${table.toString()}\n`);
  const out = path.join('bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), rows, delta, bigHistory, figures }, null, 2));
}

await main();
