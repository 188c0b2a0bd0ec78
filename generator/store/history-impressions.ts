import type pg from 'pg';
import { copyFromText } from '../../lib/postgres/copy.ts';
import { HISTORY_COPY_COLUMNS } from '../history/copy-rows.ts';

/** Bulk-insert impressions with user and targeting columns, given as COPY text rows. */
export async function copyHistoryImpressions(client: pg.ClientBase, text: Iterable<string>): Promise<number> {
  return copyFromText(client, `COPY impressions ${HISTORY_COPY_COLUMNS} FROM STDIN`, text);
}
