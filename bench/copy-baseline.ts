import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Bare `COPY ... TO STDOUT` of the impressions, bytes discarded: the read limit of this machine. */
export async function copyBaseline(pg: Pool): Promise<number> {
  const client = await pg.connect();
  try {
    let bytes = 0;
    for await (const chunk of client.query(copyTo('COPY (SELECT id, campaign_id, created_at FROM impressions) TO STDOUT'))) {
      bytes += (chunk as Buffer).length;
    }
    return bytes;
  } finally {
    client.release();
  }
}
