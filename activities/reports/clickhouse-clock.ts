import type { ClickHouseClient } from '@clickhouse/client';

/**
 * ClickHouse's clock in microseconds, as a report row version. One clock for every
 * worker, read right before the rows a version covers are read: of two overlapping
 * rebuilds, the one that read later writes the higher version and wins.
 */
export async function clickhouseClock(clickhouse: ClickHouseClient): Promise<string> {
  const rows = await clickhouse
    .query({ query: 'SELECT toString(toUnixTimestamp64Micro(now64(6))) AS v', format: 'JSONEachRow' })
    .then((r) => r.json<{ v: string }>());
  return rows[0]!.v;
}
