import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { ClickHouseHttpError } from './errors.ts';

function decoderFor(encoding: string): Transform | undefined {
  switch (encoding) {
    case '':
    case 'identity':
    case 'none':
      return undefined;
    case 'gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'zstd':
      // zstd joined node:zlib in Node 22.15; older Nodes answer as for any unknown method.
      if ('createZstdDecompress' in zlib) return (zlib as unknown as { createZstdDecompress(): Transform }).createZstdDecompress();
  }
  throw ClickHouseHttpError.of('UNKNOWN_COMPRESSION_METHOD', `Unknown compression method '${encoding}'`);
}

/**
 * The request body with its Content-Encoding undone. The request itself is never
 * destroyed from here: a handler that stops early lets Node drain it, so the client
 * still reads the error response instead of a reset connection.
 */
export function decodedBody(req: IncomingMessage): Readable {
  // A client that resets mid-body must not become an uncaught 'error'; readers see it anyway.
  req.on('error', () => {});
  const decoder = decoderFor(String(req.headers['content-encoding'] ?? '').trim().toLowerCase());
  if (decoder === undefined) return req;
  req.on('error', (err) => decoder.destroy(err));
  decoder.on('error', () => req.unpipe(decoder));
  return req.pipe(decoder);
}

/** Read a whole body, refusing more than `limit` bytes. */
export async function readAll(body: Readable, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > limit) throw ClickHouseHttpError.of('QUERY_IS_TOO_LARGE', `Request body exceeds ${limit} bytes`);
    parts.push(part);
  }
  return Buffer.concat(parts, size);
}

/** Map a failure of the decoder to ClickHouse's error, leaving others as they are. */
export function asBodyError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return ClickHouseHttpError.of('CANNOT_DECOMPRESS', `Cannot decompress request body: ${(err as Error).message}`);
  }
  return err;
}
