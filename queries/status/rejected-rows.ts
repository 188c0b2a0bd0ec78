import type { ClickHouseClient } from '@clickhouse/client';

/** Rows of one table the loads could not store as they are, by what was done with them. */
export interface RejectedRowsGroup {
  readonly table: string;
  /** 'skipped' (not in ClickHouse, not in reports) or 'nulled' (loaded, some fields NULL). */
  readonly action: string;
  readonly rows: number;
  /** One of the reasons, to show what is wrong. */
  readonly exampleReason: string;
  readonly exampleId: string;
  /** When the newest of them was recorded (UTC ISO). */
  readonly lastRecordedAt: string;
}

/** Current rejected rows (source rows still wrong), grouped per table and action. */
export async function rejectedRowsSummary(clickhouse: ClickHouseClient): Promise<RejectedRowsGroup[]> {
  const rows = await clickhouse
    .query({
      query: `SELECT table_name, action, count() AS rows, argMax(reason, recorded_at) AS reason,
                     toString(argMax(id, recorded_at)) AS id,
                     formatDateTime(max(recorded_at), '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS last
              FROM rejected_rows_current GROUP BY table_name, action ORDER BY table_name, action`,
      format: 'JSONEachRow',
    })
    .then((r) => r.json<{ table_name: string; action: string; rows: string; reason: string; id: string; last: string }>());
  return rows.map((r) => ({
    table: r.table_name,
    action: r.action,
    rows: Number(r.rows),
    exampleReason: r.reason,
    exampleId: r.id,
    lastRecordedAt: r.last,
  }));
}
