import { ClickHouseHttpError } from './errors.ts';

/** The multipart boundary of a `multipart/form-data` content type, if it is one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) throw ClickHouseHttpError.of('BAD_ARGUMENTS', 'multipart/form-data without a boundary');
  return boundary;
}

/**
 * The named text fields of a multipart body: clickhouse-js moves `query` and long
 * `param_*` values there when they would not fit in a URL.
 */
export function parseMultipart(body: Buffer, boundary: string): Map<string, string> {
  const fields = new Map<string, string>();
  const text = body.toString('utf8');
  const delimiter = `--${boundary}`;
  for (const raw of text.split(delimiter).slice(1)) {
    if (raw.startsWith('--')) break; // closing delimiter
    const part = raw.replace(/^\r?\n/, '');
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw ClickHouseHttpError.of('BAD_ARGUMENTS', 'Malformed multipart/form-data body');
    const headers = part.slice(0, headerEnd);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) throw ClickHouseHttpError.of('BAD_ARGUMENTS', 'Multipart field without a name');
    if (/\bfilename="/i.test(headers)) {
      throw ClickHouseHttpError.of('BAD_ARGUMENTS', `External table '${name}' is not supported by this server`);
    }
    fields.set(name, part.slice(headerEnd + 4).replace(/\r\n$/, ''));
  }
  return fields;
}
