import type { ClickHouseClient } from '@clickhouse/client';
import type pg from 'pg';
import { createPgPool } from '../../lib/postgres/connect.ts';
import { createClickHouse } from '../../lib/clickhouse.ts';
import { loadConfig, type Config } from '../../lib/config.ts';
import { resolveEndpoints, type Endpoints } from '../../lib/endpoints.ts';
import { connectTemporal, type TemporalHandle } from '../../lib/temporal-client.ts';

/** Lazily opened connections for one CLI command; closed by withPipelineContext. */
export interface PipelineContext {
  readonly config: Config;
  readonly endpoints: Endpoints;
  pg(): pg.Pool;
  clickhouse(): ClickHouseClient;
  temporal(): Promise<TemporalHandle>;
}

/** Resolve servers (env or the embedded stack), run `fn`, close whatever it opened. */
export async function withPipelineContext<T>(fn: (ctx: PipelineContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const endpoints = resolveEndpoints(config);
  let pool: pg.Pool | undefined;
  let clickhouse: ClickHouseClient | undefined;
  let temporal: Promise<TemporalHandle> | undefined;
  try {
    return await fn({
      config,
      endpoints,
      pg: () => (pool ??= createPgPool(endpoints.databaseUrl, { applicationName: 'adpipe-cli' })),
      clickhouse: () => (clickhouse ??= createClickHouse(endpoints)),
      temporal: () => (temporal ??= connectTemporal(endpoints)),
    });
  } finally {
    await Promise.allSettled([pool?.end(), clickhouse?.close(), temporal?.then((t) => t.close())]);
  }
}
