// The same mapping as ClickHouse's src/Server/HTTP/exceptionCodeToHTTPStatus.cpp, by number.
const BAD_REQUEST = new Set([
  36, 427, 6, 25, 26, 38, 41, 72, 441, 675, 676, 27, 376, 15, 44, 37, 123, 8, 167, 168, 223, 62, 117, 53, 321,
]);
const NOT_FOUND = new Set([60, 46, 47, 50, 56, 81, 115, 152, 63, 73, 336, 78, 511]);
const FORBIDDEN = new Set([192, 193, 516, 512, 497]);
const SERVICE_UNAVAILABLE = new Set([209, 76, 439]);

/** The HTTP status ClickHouse answers with for an exception code. */
export function httpStatusFor(code: number): number {
  if (code === 194) return 401; // REQUIRED_PASSWORD
  if (FORBIDDEN.has(code)) return 403;
  if (BAD_REQUEST.has(code)) return 400;
  if (NOT_FOUND.has(code)) return 404;
  if (code === 229) return 413; // QUERY_IS_TOO_LARGE
  if (code === 48) return 501; // NOT_IMPLEMENTED
  if (SERVICE_UNAVAILABLE.has(code)) return 503;
  if (code === 381) return 411; // HTTP_LENGTH_REQUIRED
  if (code === 159) return 408; // TIMEOUT_EXCEEDED
  if (code === 779) return 415; // UNSUPPORTED_MEDIA_TYPE
  return 500;
}
