import type { ChdbNative } from './native.ts';

/**
 * The blocks of one engine stream. An async generator never runs `finally` while a fetch
 * is pending, so a cancel from an early `return()` waits for the fetch instead of freeing
 * the handle under it. `forget` reports whether the handle was still open.
 */
export async function* streamBlocks(
  native: ChdbNative,
  handle: unknown,
  track: <T>(p: Promise<T>) => Promise<T>,
  forget: () => boolean,
): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      let block;
      try {
        block = await track(native.StreamFetch(handle));
      } catch (err) {
        forget(); // a failed fetch has already released the handle
        throw err;
      }
      if (block.done) {
        forget(); // the engine freed the handle with its last block
        return;
      }
      yield block.bytes;
    }
  } finally {
    if (forget()) native.StreamCancel(handle); // still open: the consumer stopped early
  }
}
