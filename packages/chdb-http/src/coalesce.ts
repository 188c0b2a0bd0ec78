import type { Readable } from 'node:stream';

/**
 * A byte stream re-cut into pieces of at least `min` bytes (the last may be smaller).
 * clickhouse-js sends an object-stream insert as one HTTP chunk per row; iterating the
 * request directly costs a promise and a tiny Buffer per row, which showed up as half the
 * server's CPU. Gathering 'data' events costs neither. The stream is paused, never
 * destroyed, when the consumer stops early, so an error can still be answered.
 */
export async function* coalesce(stream: Readable, min: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const onData = (piece: Buffer) => {
    parts.push(piece);
    size += piece.length;
    if (size >= min) {
      stream.pause();
      wake?.();
    }
  };
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  const onError = (err: Error) => {
    failure = err;
    wake?.();
  };
  // 'close' without 'end' is a client that went away mid-body.
  const onClose = () => onError(new Error('request body ended before it was complete'));
  stream.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  try {
    for (;;) {
      if (size < min && !ended && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (failure !== undefined && !ended) throw failure;
      if (size > 0) {
        const piece = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
        parts = [];
        size = 0;
        yield piece;
      }
      if (ended) return;
      stream.resume();
    }
  } finally {
    stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    stream.pause();
  }
}
