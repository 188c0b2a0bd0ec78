import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** What one request asks for, read from its URL, headers and (multipart) form fields. */
export interface QueryRequest {
  readonly queryId: string;
  /** SQL from the `query` URL parameter; the body then carries data or the rest of the SQL. */
  readonly urlQuery: string | undefined;
  readonly database: string | undefined;
  readonly defaultFormat: string | undefined;
  /** ClickHouse settings to apply to this request only. */
  readonly settings: Map<string, string>;
  /** `{name:Type}` values in ClickHouse's text form (multipart fields may add more). */
  readonly params: Record<string, string>;
  /** Buffer the whole result so a late error still gets a proper status. */
  readonly waitEndOfQuery: boolean;
  readonly compressResponse: boolean;
  readonly compressionLevel: number | undefined;
}

// URL parameters the HTTP layer consumes; everything else is a ClickHouse setting.
const HTTP_ONLY = new Set([
  'query', 'query_id', 'session_id', 'session_timeout', 'session_check', 'default_format', 'database',
  'user', 'password', 'quota_key', 'buffer_size', 'wait_end_of_query', 'enable_http_compression',
  'http_zlib_compression_level', 'http_native_compression_disable_checksumming_on_decompress',
  'send_progress_in_http_headers', 'http_headers_progress_interval_ms', 'http_response_buffer_size',
  'compress', 'decompress', 'role', 'stacktrace', 'add_http_cors_header', 'http_write_exception_in_output_format',
  'http_exception_tagging', 'query_kind', 'client_protocol_version', 'http_response_headers',
]);

const isOn = (v: string | null | undefined) => v !== null && v !== undefined && v !== '' && v !== '0' && v !== 'false';
const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Read a request's URL parameters and ClickHouse headers. */
export function parseQueryRequest(search: URLSearchParams, headers: IncomingHttpHeaders): QueryRequest {
  const settings = new Map<string, string>();
  const params: Record<string, string> = {};
  for (const [key, value] of search) {
    if (key.startsWith('param_')) params[key.slice('param_'.length)] = value;
    else if (!HTTP_ONLY.has(key)) settings.set(key, value);
  }
  const level = search.get('http_zlib_compression_level');
  return {
    queryId: search.get('query_id') || randomUUID(),
    urlQuery: search.get('query') ?? undefined,
    database: search.get('database') || header(headers, 'x-clickhouse-database') || undefined,
    defaultFormat: search.get('default_format') || header(headers, 'x-clickhouse-format') || undefined,
    settings,
    params,
    waitEndOfQuery: isOn(search.get('wait_end_of_query')),
    compressResponse: isOn(search.get('enable_http_compression')),
    compressionLevel: level ? Number(level) : undefined,
  };
}
