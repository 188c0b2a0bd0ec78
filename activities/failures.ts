import { ClickHouseError } from '@clickhouse/client';
import { FailureType, nonRetryable } from '../core/failures.ts';

/**
 * ClickHouse codes that mean the schema or the statement is wrong (unknown table or
 * column, syntax, type mismatch): retrying cannot help. Anything else (network, server
 * restarting, PostgreSQL unreachable from ClickHouse) retries with backoff.
 */
const schemaErrorCodes = new Set(['16', '47', '53', '60', '62', '81']);

/** Turn a ClickHouse schema error into a non-retryable failure; rethrow others as they are. */
export function classifyClickHouseError(err: unknown, what: string): never {
  if (err instanceof ClickHouseError && schemaErrorCodes.has(err.code)) {
    throw nonRetryable(FailureType.OlapSchemaMismatch, `${what}: ${err.message} (ClickHouse code ${err.code}); ` +
      'apply the OLAP schema with `adpipe run initial-load`');
  }
  throw err;
}
