import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClickHouseClient } from '@clickhouse/client';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Counts rows (newlines) of a text COPY stream as it passes through. */
class RowCounter extends Transform {
  rows = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows += 1;
    done(null, chunk);
  }
}

export interface CopyToClickHouseInput {
  /** A complete `COPY (SELECT ...) TO STDOUT` statement (text format). */
  readonly copySql: string;
  readonly table: string;
  readonly columns: readonly string[];
}

/**
 * Stream PostgreSQL's COPY text output straight into a ClickHouse TabSeparated insert:
 * both use the same escaping, rows never become JS objects, and backpressure keeps
 * memory flat whatever the size. Returns the number of rows moved.
 */
export async function copyToClickHouse(pg: Pool, clickhouse: ClickHouseClient, input: CopyToClickHouseInput): Promise<number> {
  const client = await pg.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const source = client.query(copyTo(input.copySql));
    const counter = new RowCounter();
    const piped = pipeline(source, counter);
    await Promise.all([
      piped,
      clickhouse.insert({
        table: input.table,
        values: counter,
        format: 'TabSeparated',
        columns: [...input.columns] as [string, ...string[]],
      }),
    ]);
    await client.query('COMMIT');
    return counter.rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Format a bigint for a COPY statement, which takes no bind parameters (digits only). */
export function sqlInt(value: bigint): string {
  if (typeof value !== 'bigint') throw new TypeError(`expected a bigint, got ${typeof value}`);
  return value.toString();
}
