import type { Transform } from 'node:stream';
import zlib from 'node:zlib';

/** Response codings this server can produce. */
export type ResponseEncoding = 'gzip' | 'br';

/**
 * The coding to compress a response with: like ClickHouse, only when the request set
 * `enable_http_compression=1` and its Accept-Encoding allows one we produce.
 */
export function responseEncoding(enabled: boolean, acceptEncoding: string | undefined): ResponseEncoding | undefined {
  if (!enabled || acceptEncoding === undefined) return undefined;
  const offered = acceptEncoding
    .split(',')
    .map((item) => item.trim().split(';')[0]!.toLowerCase());
  return (['gzip', 'br'] as const).find((e) => offered.includes(e));
}

/** A compressor for `encoding`; `level` is ClickHouse's http_zlib_compression_level (default 3). */
export function createEncoder(encoding: ResponseEncoding, level = 3): Transform {
  if (encoding === 'br') return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  return zlib.createGzip({ level: Math.min(9, Math.max(1, level)) });
}
