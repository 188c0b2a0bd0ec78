import type pg from 'pg';
import { copyFromText } from '../../lib/postgres/copy.ts';

/** The two fact tables the generator writes. */
export type FactTableName = 'impressions' | 'clicks';

// Only these two statements are ever built: the table name comes from the union above.
const COPY_SQL: Record<FactTableName, string> = {
  impressions: 'COPY impressions (campaign_id, created_at) FROM STDIN',
  clicks: 'COPY clicks (campaign_id, created_at) FROM STDIN',
};

/**
 * Bulk-insert fact rows given as COPY text (see copy-text.ts). Plain COPY: id, the
 * adpipe_xid default and the foreign key behave exactly as for INSERT.
 */
export async function copyFacts(
  client: pg.ClientBase,
  table: FactTableName,
  text: Iterable<string> | AsyncIterable<string>,
): Promise<number> {
  return copyFromText(client, COPY_SQL[table], text);
}
