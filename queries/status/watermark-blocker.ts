import type { Pool } from 'pg';

/**
 * The oldest transaction still open with a transaction id: it is pg_snapshot_xmin, so no
 * delta can read past it until it commits or aborts (its rows, and every later one, wait).
 */
export interface WatermarkBlocker {
  /** Its transaction id: the upper bound every run uses until it ends. */
  readonly xid: string;
  /** Backend pid, or null for a prepared (two-phase) transaction. */
  readonly pid: number | null;
  /** Prepared transaction's gid, when it is one. */
  readonly preparedGid: string | null;
  /** When it started (UTC ISO), and for how long it has been open. */
  readonly since: string | null;
  readonly ageSeconds: number | null;
  readonly application: string | null;
  readonly user: string | null;
  readonly clientAddress: string | null;
  /** pg_stat_activity state, e.g. 'idle in transaction'. */
  readonly state: string | null;
}

interface Row {
  xid: string;
  pid: number | null;
  gid: string | null;
  since: Date | null;
  age: string | null;
  application: string | null;
  usr: string | null;
  client: string | null;
  state: string | null;
}

// Query text is left out on purpose: it may hold literals nobody should see in `status`.
// Sessions of other roles show NULL details unless the reader has pg_read_all_stats.
const sql = `
  SELECT * FROM (
    SELECT backend_xid::text AS xid, pid, NULL::text AS gid, xact_start AS since,
           extract(epoch FROM now() - xact_start)::text AS age, application_name AS application,
           usename::text AS usr, client_addr::text AS client, state, age(backend_xid) AS xid_age
    FROM pg_stat_activity WHERE backend_xid IS NOT NULL
    UNION ALL
    SELECT transaction::text, NULL, gid, prepared, extract(epoch FROM now() - prepared)::text,
           NULL, owner::text, NULL, 'prepared', age(transaction)
    FROM pg_prepared_xacts
  ) open_transactions
  ORDER BY xid_age DESC LIMIT 1`;

/** The transaction holding the watermark back, or undefined when none is open. */
export async function watermarkBlocker(pg: Pool): Promise<WatermarkBlocker | undefined> {
  const { rows } = await pg.query<Row>(sql);
  const r = rows[0];
  if (r === undefined) return undefined;
  return {
    xid: r.xid,
    pid: r.pid,
    preparedGid: r.gid,
    since: r.since?.toISOString() ?? null,
    ageSeconds: r.age === null ? null : Math.floor(Number(r.age)),
    application: r.application || null,
    user: r.usr,
    clientAddress: r.client,
    state: r.state,
  };
}
