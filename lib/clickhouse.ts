import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import type { Endpoints } from './endpoints.ts';

/** A ClickHouse client for adpipe's database (or none, for CREATE DATABASE). */
export function createClickHouse(
  endpoints: Pick<Endpoints, 'clickhouseUrl' | 'clickhouseUser' | 'clickhousePassword' | 'clickhouseDatabase'>,
  options: { withDatabase?: boolean } = {},
): ClickHouseClient {
  return createClient({
    url: endpoints.clickhouseUrl,
    username: endpoints.clickhouseUser,
    password: endpoints.clickhousePassword,
    database: options.withDatabase === false ? undefined : endpoints.clickhouseDatabase,
    request_timeout: 30 * 60_000, // a full report rebuild on a large history runs for minutes
    // The client warns that long timeouts need progress headers behind load balancers;
    // adpipe talks to ClickHouse directly, so only errors are worth a log line.
    log: { level: ClickHouseLogLevel.ERROR },
    clickhouse_settings: {
      session_timezone: 'UTC',
      output_format_json_quote_64bit_integers: 1,
      output_format_json_quote_decimals: 1, // money stays exact when read as JSON
    },
  });
}
