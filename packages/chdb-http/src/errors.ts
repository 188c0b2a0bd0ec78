/** ClickHouse error codes this server raises itself (the engine brings its own). */
export const ErrorCode = {
  BAD_ARGUMENTS: 36,
  SYNTAX_ERROR: 62,
  UNKNOWN_COMPRESSION_METHOD: 89,
  UNKNOWN_SETTING: 115,
  REQUIRED_PASSWORD: 194,
  QUERY_IS_TOO_LARGE: 229,
  CANNOT_DECOMPRESS: 271,
  BAD_QUERY_PARAMETER: 457,
  AUTHENTICATION_FAILED: 516,
  UNKNOWN_EXCEPTION: 1002,
} as const;

type ErrorName = keyof typeof ErrorCode;

/** A failure as ClickHouse reports it: numeric code, symbolic name, message. */
export class ClickHouseHttpError extends Error {
  override readonly name = 'ClickHouseHttpError';
  readonly code: number;
  readonly type: string;
  /** `Code: n. DB::Exception: ... (TYPE)`, the body ClickHouse sends, without the version. */
  readonly text: string;
  constructor(code: number, type: string, message: string, text?: string) {
    super(message);
    this.code = code;
    this.type = type;
    this.text = text ?? `Code: ${code}. DB::Exception: ${message}. (${type})`;
  }

  /** An error of this server's own, by name. */
  static of(type: ErrorName, message: string): ClickHouseHttpError {
    return new ClickHouseHttpError(ErrorCode[type], type, message);
  }
}

const ENGINE_ERROR = /^Code: (\d+)\. DB::Exception: ([\s\S]*?)(?:\. \(([A-Z0-9_]+)\))?(?: \(version [^)]*\))?\s*$/;
// The raw-insert path wraps the engine's text once more: "Code: 108. DB::Exception: Code: 108. ...".
const NESTED = /^Code: (\d+)\. DB::Exception: (Code: \1\. DB::Exception: [\s\S]*)\. \([A-Z0-9_]+\)$/;

/** Map anything thrown while serving a request to a ClickHouse-shaped error. */
export function toClickHouseHttpError(err: unknown): ClickHouseHttpError {
  if (err instanceof ClickHouseHttpError) return err;
  let message = err instanceof Error ? err.message : String(err);
  message = message.replace(/^Failed to create connection for path '[^']*'/, '').trim();
  const nested = NESTED.exec(message);
  if (nested?.[2] !== undefined) message = nested[2];
  const match = ENGINE_ERROR.exec(message);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    const type = match[3] ?? 'UNKNOWN_EXCEPTION';
    // clickhouse-js only recognises an error whose text ends in "(TYPE)".
    const text = match[3] === undefined ? `${message.trim()}. (${type})` : message.replace(/ \(version [^)]*\)\s*$/, '').trim();
    return new ClickHouseHttpError(Number(match[1]), type, match[2], text);
  }
  return ClickHouseHttpError.of('UNKNOWN_EXCEPTION', message);
}

/** The response body for an error, as ClickHouse writes it. */
export function errorBody(err: ClickHouseHttpError, version: string): string {
  return `${err.text} (version ${version} (chdb))\n`;
}
