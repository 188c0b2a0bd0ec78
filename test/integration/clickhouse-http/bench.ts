/**
 * Throughput of the embedded ClickHouse HTTP service, started exactly as the stack starts it:
 *   node --import tsx test/integration/clickhouse-http/bench.ts [rows]
 * Prints wall time, rows/s, CPU seconds of server and client, and the server's RSS.
 */
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { spawnMain } from './spawn-main.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = await mkdtemp(path.join(os.tmpdir(), 'clickhouse-http-bench-'));
const main = spawnMain(['--data-dir', dir, '--port', '0']);
const proc = async (pid: number) => {
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mb = (key: string) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)![1]) / 1024);
  return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, rss: mb('VmRSS'), peak: mb('VmHWM') };
};
try {
  const url = await main.listening;
  // main.ts relaunches itself with a larger libuv pool: measure the child that serves.
  const pid = Number((await readFile(`/proc/${main.child.pid}/task/${main.child.pid}/children`, 'utf8')).trim().split(/\s+/)[0]);
  const client = createClient({ url, request_timeout: 900_000, log: { level: ClickHouseLogLevel.OFF } });
  await client.command({
    query: "CREATE TABLE t (id UInt64, campaign_id UInt32, s String, ts DateTime64(6, 'UTC'), price Decimal(10, 2)) ENGINE = MergeTree ORDER BY id",
  });
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const before = await proc(pid);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const after = await proc(pid);
    console.log(`${label}: ${s.toFixed(2)} s = ${Math.round(N / s).toLocaleString('en')} rows/s | CPU server ${(after.cpu - before.cpu).toFixed(1)} s, ` +
      `client ${((c.user + c.system) / 1e6).toFixed(1)} s | server RSS ${after.rss} MB (peak ${after.peak} MB)`);
  };
  const object = (i: number) => ({ id: i, campaign_id: i % 1000, s: `row-${i}`, ts: '2024-01-01 00:00:00.123456', price: '12.34' });
  const bytes = (line: (i: number) => string) => Readable.from((function* () {
    let piece = '';
    for (let i = 0; i < N; i += 1) {
      piece += line(i);
      if (piece.length >= 65_536) { yield Buffer.from(piece); piece = ''; }
    }
    yield Buffer.from(piece);
  })(), { objectMode: false });
  const drain = async (rs: Readable) => { for await (const _ of rs); };

  await time('insert TabSeparated byte stream', () => client.insert({
    table: 't', format: 'TabSeparated', values: bytes((i) => `${i}\t${i % 1000}\trow-${i}\t2024-01-01 00:00:00.123456\t12.34\n`),
  }));
  await time('insert JSONEachRow byte stream (exec)', async () => drain((await client.exec({
    query: 'INSERT INTO t FORMAT JSONEachRow', values: bytes((i) => `${JSON.stringify(object(i))}\n`),
  })).stream));
  await time('insert JSONEachRow object stream', () => client.insert({
    table: 't', format: 'JSONEachRow', values: Readable.from((function* () { for (let i = 0; i < N; i += 1) yield object(i); })()),
  }));
  await time('INSERT INTO t SELECT ... FROM numbers() (in-engine)', () => client.command({
    query: "INSERT INTO t SELECT number, number % 1000, concat('row-', toString(number)), now64(6), 12.34 FROM numbers({n:UInt64})",
    query_params: { n: N },
  }));
  await time('SELECT JSONEachRow .stream() + row.json()', async () => {
    const rs = await client.query({ query: 'SELECT * FROM t LIMIT {n:UInt64}', format: 'JSONEachRow', query_params: { n: N } });
    for await (const batch of rs.stream()) for (const r of batch) r.json();
  });
  await time('SELECT TabSeparated .stream()', async () => {
    const rs = await client.query({ query: 'SELECT * FROM t LIMIT {n:UInt64}', format: 'TabSeparated', query_params: { n: N } });
    for await (const _ of rs.stream());
  });
  await client.close();
} finally {
  main.child.kill('SIGTERM');
  await main.exited;
  await rm(dir, { recursive: true, force: true });
}
