import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ClickHouseHttpError } from './errors.ts';
import { multipartBoundary, parseMultipart } from './multipart.ts';
import { readAll } from './request-body.ts';
import type { QueryRequest } from './request-params.ts';
import { isEmptySql } from './sql-shape.ts';

/**
 * The full SQL of a request whose body is not insert data: like ClickHouse, the `query`
 * URL parameter followed by the body. A multipart body contributes its `query` field and
 * its `param_*` fields instead.
 */
export async function readStatement(req: IncomingMessage, body: Readable, request: QueryRequest, limit: number): Promise<string> {
  const raw = await readAll(body, limit);
  let bodySql = raw.toString('utf8');
  const boundary = multipartBoundary(req.headers['content-type']);
  if (boundary !== undefined) {
    const fields = parseMultipart(raw, boundary);
    bodySql = fields.get('query') ?? '';
    for (const [name, value] of fields) {
      if (name.startsWith('param_')) request.params[name.slice('param_'.length)] = value;
    }
  }
  const sql = [request.urlQuery, bodySql].filter((part) => part !== undefined && part !== '').join('\n');
  if (isEmptySql(sql)) throw ClickHouseHttpError.of('SYNTAX_ERROR', 'Empty query');
  return sql;
}
