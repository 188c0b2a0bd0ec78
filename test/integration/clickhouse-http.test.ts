import { ClickHouseError, ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowChunks } from '../../packages/chdb-http/src/insert-chunks.ts';
import { startClickHouseHttp, type ClickHouseHttp } from '@adpipe/chdb-http';
import { createRowsTable, row, rowCsv, rowObjects, rowTsv } from './clickhouse-http/fixtures.ts';
import { spawnMain } from './clickhouse-http/spawn-main.ts';

const PASSWORD = 'test-secret';
let dataDir: string;
let server: ClickHouseHttp;
let client: ClickHouseClient;

const connect = (extra: Parameters<typeof createClient>[0] = {}) =>
  createClient({ url: server.url, password: PASSWORD, log: { level: ClickHouseLogLevel.OFF }, ...extra });
const rows = async <T>(query: string, query_params?: Record<string, unknown>) =>
  (await client.query({ query, format: 'JSONEachRow', query_params })).json<T>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clickhouse-http-test-'));
  // Small insert chunks so every body crosses many chunk boundaries.
  server = await startClickHouseHttp({ dataDir, port: 0, password: PASSWORD, insertChunkBytes: 256 * 1024 });
  client = connect();
  await client.command({ query: 'CREATE DATABASE IF NOT EXISTS chhttp' });
});

afterAll(async () => {
  await client?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('queries', () => {
  it('answers /ping and GET / like ClickHouse, without credentials', async () => {
    expect(await client.ping()).toEqual({ success: true });
    expect(await (await fetch(`${server.url}/ping`)).text()).toBe('Ok.\n');
    expect(await (await fetch(`${server.url}/`)).text()).toBe('Ok.\n');
  });

  it('returns every common format through json(), text() and stream()', async () => {
    const sql = 'SELECT number AS n, toString(number) AS s FROM numbers(3)';
    const q = (format: 'JSONEachRow' | 'JSON' | 'JSONCompactEachRow' | 'CSV' | 'CSVWithNames' | 'TabSeparated' | 'TabSeparatedWithNames') =>
      client.query({ query: sql, format });
    expect(await (await q('JSONEachRow')).json()).toEqual([{ n: 0, s: '0' }, { n: 1, s: '1' }, { n: 2, s: '2' }]);
    expect(((await (await q('JSON')).json()) as { data: unknown[] }).data).toHaveLength(3);
    expect(await (await q('JSONCompactEachRow')).json()).toEqual([[0, '0'], [1, '1'], [2, '2']]);
    expect(await (await q('CSV')).text()).toBe('0,"0"\n1,"1"\n2,"2"\n');
    expect(await (await q('CSVWithNames')).text()).toBe('"n","s"\n0,"0"\n1,"1"\n2,"2"\n');
    expect(await (await q('TabSeparated')).text()).toBe('0\t0\n1\t1\n2\t2\n');
    expect(await (await q('TabSeparatedWithNames')).text()).toBe('n\ts\n0\t0\n1\t1\n2\t2\n');
    const streamed: unknown[] = [];
    for await (const batch of (await q('JSONEachRow')).stream()) for (const r of batch) streamed.push(r.json());
    expect(streamed).toHaveLength(3);
  });

  it('streams large results block by block without repeating header rows', async () => {
    const rs = await client.query({ query: 'SELECT number AS n FROM numbers(300000)', format: 'CSVWithNames' });
    expect(rs.response_headers['transfer-encoding']).toBe('chunked');
    const lines = (await rs.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(300_001);
    expect(lines.filter((l) => l === '"n"')).toHaveLength(1);
    let count = 0;
    let sum = 0;
    const big = await client.query({ query: 'SELECT number AS n FROM numbers(500000)', format: 'JSONEachRow' });
    for await (const batch of big.stream()) for (const r of batch) { count += 1; sum += r.json<{ n: number }>().n; }
    expect([count, sum]).toEqual([500_000, (499_999 * 500_000) / 2]);
  });

  it('binds {name:Type} parameters server-side, never splicing them into SQL', async () => {
    const params = {
      s: "it's a \\ back\tslash\nand ' OR 1=1 --",
      a: ["x'y", 'z\\w', 'plain'],
      big: 18446744073709551615n,
      when: '2024-05-06 07:08:09.123456',
      none: null,
    };
    const [r] = await rows<Record<string, unknown>>(
      'SELECT {s:String} AS s, {a:Array(String)} AS a, toString({big:UInt64}) AS big, ' +
        "toString({when:DateTime64(6, 'UTC')}) AS when, {none:Nullable(String)} AS none",
      params,
    );
    expect(r).toEqual({ ...params, big: '18446744073709551615' });
  });

  it('applies clickhouse_settings and the database to one request only', async () => {
    const limited = connect({ database: 'chhttp', clickhouse_settings: { max_threads: 1, output_format_json_quote_64bit_integers: 1 } });
    const [first] = await (await limited.query({
      query: "SELECT toString(getSetting('max_threads')) AS t, currentDatabase() AS db, toUInt64(7) AS u", format: 'JSONEachRow',
    })).json<Record<string, unknown>>();
    expect(first).toEqual({ t: '1', db: 'chhttp', u: '7' });
    await client.command({ query: 'SET max_threads = 1' }); // a SET in SQL must not outlive its request either
    const [plain] = await rows<Record<string, unknown>>("SELECT getSetting('max_threads') = 1 AS one, currentDatabase() AS db");
    expect(plain).toEqual({ one: os.availableParallelism() > 1 ? 0 : 1, db: 'default' });
    await limited.close();
  });

  it('runs DDL and INSERT ... SELECT, reporting written rows', async () => {
    await client.command({ query: createRowsTable('chhttp.copy') });
    const r = await client.command({
      query: 'INSERT INTO chhttp.copy SELECT number, number % 7, {label:String}, now64(6), 1.5 FROM numbers({n:UInt32})',
      query_params: { label: 'copied', n: 1234 },
    });
    expect(r.summary?.written_rows).toBe('1234');
    const exec = await client.exec({ query: 'SELECT count() FROM chhttp.copy FORMAT TabSeparated' });
    let text = '';
    for await (const chunk of exec.stream) text += chunk;
    expect(text).toBe('1234\n');
  });
});

describe('inserts', () => {
  beforeAll(async () => {
    await client.command({ query: createRowsTable('chhttp.rows') });
  });
  // Aggregates in ClickHouse against the same aggregates of the generated rows.
  const stats = async (from: number, to: number) => {
    const [r] = await rows<Record<string, string | number>>(
      'SELECT count() AS c, toString(sum(id)) AS ids, toString(sum(length(label))) AS len, toString(sum(price)) AS money ' +
        'FROM chhttp.rows WHERE id >= {from:UInt64} AND id < {to:UInt64}',
      { from, to },
    );
    let ids = 0, len = 0, cents = 0;
    for (let i = from; i < to; i += 1) {
      const x = row(i);
      ids += i;
      len += Buffer.byteLength(x.label);
      cents += Math.round(Number(x.price) * 100);
    }
    expect(r).toEqual({ c: to - from, ids: String(ids), len: String(len), money: String(cents / 100) });
  };

  it('takes JSONEachRow arrays and object streams', async () => {
    await client.insert({ table: 'chhttp.rows', values: Array.from({ length: 1000 }, (_, i) => row(i)), format: 'JSONEachRow' });
    await client.insert({ table: 'chhttp.rows', values: rowObjects(1000, 100_000), format: 'JSONEachRow' });
    await stats(0, 100_000);
  });

  it('takes TabSeparated, CSV and WithNames bodies, and a column list', async () => {
    const before = process.memoryUsage().rss;
    await client.insert({ table: 'chhttp.rows', values: rowTsv(100_000, 400_000), format: 'TabSeparated' });
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
    await client.insert({ table: 'chhttp.rows', values: Readable.from([rowCsv(400_000, 405_000)], { objectMode: false }), format: 'CSV' });
    await client.insert({ table: 'chhttp.rows', values: Readable.from([rowCsv(405_000, 410_000, true)], { objectMode: false }), format: 'CSVWithNames' });
    await stats(100_000, 410_000);
    await client.insert({ table: 'chhttp.rows', values: [{ id: 999_999_999, label: 'partial' }], format: 'JSONEachRow', columns: ['id', 'label'] });
    expect(await rows('SELECT campaign_id, label FROM chhttp.rows WHERE id = 999999999')).toEqual([{ campaign_id: 0, label: 'partial' }]);
  });

  it('cuts multi-line JSON rows only between rows', async () => {
    const pretty = Array.from({ length: 6000 }, (_, i) => JSON.stringify(row(430_000 + i), null, 2)).join('\n');
    const r = await client.exec({ query: 'INSERT INTO chhttp.rows FORMAT JSONEachRow', values: Readable.from([pretty], { objectMode: false }) });
    await r.stream.toArray();
    await stats(430_000, 436_000);
  });

  it('accepts gzip request bodies and gzips responses on request', async () => {
    const gz = connect({ compression: { request: true, response: true } });
    await gz.insert({ table: 'chhttp.rows', values: rowTsv(410_000, 430_000), format: 'TabSeparated' });
    const rs = await gz.query({ query: 'SELECT * FROM chhttp.rows WHERE id >= 410000 AND id < 430000', format: 'JSONEachRow' });
    expect(rs.response_headers['content-encoding']).toBe('gzip');
    expect(await rs.json()).toHaveLength(20_000);
    await gz.close();
    await stats(410_000, 430_000);
  });

  it('parses ISO timestamps with date_time_input_format=best_effort', async () => {
    await client.insert({
      table: 'chhttp.rows',
      values: [{ id: 1_000_000_001, campaign_id: 1, label: 'iso', ts: '2024-03-04T05:06:07.654321Z', price: 1 }],
      format: 'JSONEachRow',
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
    expect(await rows('SELECT toString(ts) AS ts FROM chhttp.rows WHERE id = 1000000001')).toEqual([{ ts: '2024-03-04 05:06:07.654321' }]);
  });
});

describe('errors', () => {
  it('carries ClickHouse codes for syntax, unknown table, bad parameters and bad data', async () => {
    await expect(client.query({ query: 'SELEC 1', format: 'JSONEachRow' })).rejects.toMatchObject({ code: '62', type: 'SYNTAX_ERROR' });
    await expect(client.query({ query: 'SELECT * FROM chhttp.nope' })).rejects.toMatchObject({ code: '60', type: 'UNKNOWN_TABLE' });
    await expect(client.query({ query: 'SELECT {x:UInt8}', query_params: { x: 'abc' } })).rejects.toMatchObject({ code: '457' });
    await expect(client.query({ query: 'SELECT {y:UInt8}' })).rejects.toMatchObject({ code: '456' });
    await expect(client.query({ query: 'SELECT 1', clickhouse_settings: { no_such_setting: 1 } as never })).rejects.toMatchObject({ code: '115' });
    await expect(client.insert({ table: 'chhttp.rows', values: [{ id: 'x' }], format: 'JSONEachRow' })).rejects.toBeInstanceOf(ClickHouseError);
    const readonly = await fetch(`${server.url}/?query=${encodeURIComponent('INSERT INTO chhttp.rows (id) VALUES (1)')}`, {
      headers: { 'X-ClickHouse-Key': PASSWORD },
    });
    expect(readonly.headers.get('x-clickhouse-exception-code')).toBe('164'); // GET runs read-only, as on ClickHouse
    const raw = await fetch(`${server.url}/?query=SELEC+1`, { headers: { 'X-ClickHouse-Key': PASSWORD } });
    expect([raw.status, raw.headers.get('x-clickhouse-exception-code')]).toEqual([400, '62']);
    expect(await raw.text()).toMatch(/^Code: 62\. DB::Exception: .*\(SYNTAX_ERROR\) \(version .*\)\n$/s);
  });

  it('reports an error raised mid-stream through the stream', async () => {
    // One thread and a late row: the first blocks (and the 200 status) go out before the failure.
    const rs = await client.query({
      query: 'SELECT throwIf(number = 800000) AS x FROM numbers(1000000)',
      format: 'JSONEachRow',
      clickhouse_settings: { max_threads: 1, max_block_size: '65536' },
    });
    await expect((async () => { for await (const _ of rs.stream()) { /* drain */ } })()).rejects.toMatchObject({ code: '395' });
  });

  it('cancels a streamed query when its client goes away, and keeps serving', async () => {
    const started = Date.now();
    const rs = await client.query({ query: 'SELECT number FROM numbers(100000000)', format: 'JSONEachRow' });
    for await (const _ of rs.stream()) break; // first batch, then the socket is destroyed
    rs.close();
    expect(await rows('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('requires the password', async () => {
    const anonymous = await fetch(`${server.url}/?query=SELECT+1`);
    expect([anonymous.status, anonymous.headers.get('x-clickhouse-exception-code')]).toEqual([401, '194']);
    const wrong = createClient({ url: server.url, password: 'wrong', log: { level: ClickHouseLogLevel.OFF } });
    await expect(wrong.query({ query: 'SELECT 1' })).rejects.toMatchObject({ code: '516', type: 'AUTHENTICATION_FAILED' });
    await wrong.close();
    const viaParams = await fetch(`${server.url}/?query=SELECT+2&user=default&password=${PASSWORD}`);
    expect(await viaParams.text()).toBe('2\n');
  });
});

describe('concurrency', () => {
  it('serves 50 parallel parameterised queries alongside inserts', async () => {
    await client.command({ query: createRowsTable('chhttp.parallel') });
    const queries = Array.from({ length: 50 }, async (_, i) => {
      const [r] = await rows<{ v: number; w: string; c: string }>(
        'SELECT {v:UInt32} AS v, {w:String} AS w, toString(count()) AS c FROM numbers(100000) WHERE number % 50 = {v:UInt32}',
        { v: i, w: `w${i}` },
      );
      expect(r).toEqual({ v: i, w: `w${i}`, c: '2000' });
    });
    const inserts = Array.from({ length: 10 }, (_, i) =>
      client.insert({ table: 'chhttp.parallel', values: rowObjects(i * 5000, (i + 1) * 5000), format: 'JSONEachRow' }));
    await Promise.all([...queries, ...inserts]);
    expect(await rows('SELECT count() AS c, uniqExact(id) AS u FROM chhttp.parallel')).toEqual([{ c: 50_000, u: 50_000 }]);
  });
});

describe('row chunking', () => {
  const chunks = async (text: string, split: 'lines' | 'csv' | 'json', headerRows = 0) => {
    const out: string[] = [];
    const pieces = Readable.from(Buffer.from(text).toString().match(/[\s\S]{1,7}/g)!.map((p) => Buffer.from(p)));
    for await (const c of rowChunks(pieces, { split, headerRows, chunkBytes: 16 })) out.push(c.toString());
    return out;
  };
  it('cuts only between rows and repeats header rows', async () => {
    const csv = await chunks('a,b\n1,"x\ny"\n2,"p""\nq"\n3,z\n', 'csv', 1);
    for (const c of csv) expect(c.startsWith('a,b\n')).toBe(true);
    expect(csv.map((c) => c.slice(4)).join('')).toBe('1,"x\ny"\n2,"p""\nq"\n3,z\n');
    const json = await chunks('{"a":\n 1}\n{"a": [\n2]}\n{"a":3}\n', 'json');
    expect(json.length).toBeGreaterThan(1);
    for (const c of json) expect(() => JSON.parse(`[${c.trim().replace(/\}\s*\n\s*\{/g, '},{')}]`)).not.toThrow();
    expect(json.join('')).toBe('{"a":\n 1}\n{"a": [\n2]}\n{"a":3}\n');
    expect(await chunks('1\t2\n3\t4\n\n', 'lines')).toEqual(['1\t2\n3\t4\n\n']);
  });
});

describe('process and persistence', () => {
  it('main.ts prints its address, serves, and exits 0 on SIGTERM', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clickhouse-http-main-'));
    const main = spawnMain(['--data-dir', dir, '--port', '0'], { CLICKHOUSE_PASSWORD: 'p' });
    try {
      const url = await main.listening;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const c = createClient({ url, password: 'p' });
      expect(await (await c.query({ query: 'SELECT 40 + 2 AS x', format: 'JSONEachRow' })).json()).toEqual([{ x: 42 }]);
      await c.close();
    } finally {
      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('main.ts exits 1 at once when its port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clickhouse-http-busy-'));
    try {
      const main = spawnMain(['--data-dir', dir, '--port', String((blocker.address() as net.AddressInfo).port)]);
      expect(await main.exited).toBe(1);
      expect(main.stderr()).toMatch(/already in use/);
    } finally {
      blocker.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps data in the data directory across restarts', async () => {
    await client.close();
    await server.close();
    server = await startClickHouseHttp({ dataDir, port: 0, password: PASSWORD });
    client = connect();
    expect(await rows('SELECT count() AS c FROM chhttp.copy')).toEqual([{ c: 1234 }]);
  });
});
