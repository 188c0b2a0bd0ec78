import { createTimestampFormatter } from './timestamp-text.ts';

/** One campaign's fact times (epoch microseconds) to write. */
export interface FactBatch {
  readonly campaignId: number;
  readonly times: Float64Array;
}

/** Bytes per yielded chunk: large enough to amortise stream overhead, small for memory. */
const CHUNK_CHARS = 256 * 1024;

/**
 * COPY text rows `campaign_id<TAB>created_at<LF>` for (campaign_id, created_at), in
 * chunks of ~256 KiB; `onRows` hears how many rows each chunk holds (for progress).
 * Lazy: a batch is only materialised when the consumer pulls it.
 */
export function* factCopyText(batches: Iterable<FactBatch>, onRows?: (rows: number) => void): Generator<string> {
  const format = createTimestampFormatter();
  let chunk = '';
  let rows = 0;
  for (const { campaignId, times } of batches) {
    const prefix = `${campaignId}\t`;
    for (let i = 0; i < times.length; i++) {
      chunk += `${prefix}${format(times[i]!)}\n`;
      rows++;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        onRows?.(rows);
        chunk = '';
        rows = 0;
      }
    }
  }
  if (chunk.length > 0) {
    yield chunk;
    onRows?.(rows);
  }
}
