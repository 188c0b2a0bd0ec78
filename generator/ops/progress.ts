/** Progress of a bulk insert, for a bar; `total` is known up front. */
export interface InsertProgress {
  readonly table: 'impressions' | 'clicks';
  readonly done: number;
  readonly total: number;
}

/** Receives progress while rows stream to the server. */
export type ProgressListener = (progress: InsertProgress) => void;

/** A per-chunk row counter that reports running totals for one table. */
export function progressCounter(
  listener: ProgressListener | undefined,
  table: InsertProgress['table'],
  total: number,
): ((rows: number) => void) | undefined {
  if (listener === undefined) return undefined;
  let done = 0;
  listener({ table, done, total });
  return (rows) => listener({ table, done: (done += rows), total });
}
