import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, type Account } from './auth.ts';
import type { Engine, EngineConnection } from './engine.ts';
import { ClickHouseHttpError, toClickHouseHttpError } from './errors.ts';
import type { Limiter } from './limiter.ts';
import { paramsPrelude, preludeSql } from './prelude.ts';
import { readStatement } from './read-statement.ts';
import { asBodyError, decodedBody } from './request-body.ts';
import { parseQueryRequest, type QueryRequest } from './request-params.ts';
import { queryHeaders, sendError, summaryHeader } from './response.ts';
import { responseEncoding } from './response-encoding.ts';
import { runInsert } from './run-insert.ts';
import { runQuery } from './run-query.ts';
import { insertDataFormat, statementKind } from './sql-shape.ts';

/** What the query endpoint needs from the server. */
export interface QueryDeps {
  readonly engine: Engine;
  readonly account: Account;
  readonly limiter: Limiter;
  readonly maxQueryBytes: number;
  readonly insertChunkBytes: number;
  readonly log: (msg: string, attrs: Record<string, unknown>) => void;
}

/** Serve one query or insert on `/`, answering errors as ClickHouse does. */
export async function handleQuery(deps: QueryDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const request = parseQueryRequest(url.searchParams, req.headers);
  const headers = queryHeaders(request.queryId, deps.engine.timezone);
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  try {
    authenticate(deps.account, req.headers, url.searchParams);
    if (['compress', 'decompress'].some((p) => url.searchParams.get(p) === '1')) {
      throw ClickHouseHttpError.of('BAD_ARGUMENTS', "ClickHouse's native compression (compress/decompress=1) is not supported; use Content-Encoding");
    }
    // As on ClickHouse, GET is for reading: it runs with readonly=2 unless told otherwise.
    if (req.method !== 'POST' && !request.settings.has('readonly')) request.settings.set('readonly', '2');
    const body = decodedBody(req);
    const dataFormat = request.urlQuery === undefined ? undefined : insertDataFormat(request.urlQuery);
    const sql = dataFormat === undefined ? await readStatement(req, body, request, deps.maxQueryBytes) : request.urlQuery!;
    const release = await deps.limiter.acquire();
    try {
      if (aborted.signal.aborted) return;
      const conn = deps.engine.connect();
      try {
        await prepare(conn, request, dataFormat !== undefined || statementKind(sql) === 'insert');
        if (dataFormat === undefined) {
          await runQuery({
            conn, sql, defaultFormat: request.defaultFormat ?? 'TabSeparated', params: request.params,
            waitEndOfQuery: request.waitEndOfQuery, res, signal: aborted.signal, headers, version: deps.engine.version,
            encoding: responseEncoding(request.compressResponse, req.headers['accept-encoding']),
            compressionLevel: request.compressionLevel,
          });
        } else {
          const written = await runInsert(conn, sql, dataFormat, body, deps.insertChunkBytes);
          const summary = summaryHeader({ readRows: written.rows, readBytes: written.bytes, writtenRows: written.rows, writtenBytes: written.bytes });
          res.writeHead(200, { ...headers, 'Content-Length': 0, 'X-ClickHouse-Summary': summary }).end();
        }
      } finally {
        conn.close();
      }
    } finally {
      release();
    }
  } catch (err) {
    const error = toClickHouseHttpError(asBodyError(err));
    // Discard whatever of the body is left, so the connection stays usable for the next request.
    if (!req.complete) req.unpipe().resume();
    if (!aborted.signal.aborted) deps.log('query failed', { queryId: request.queryId, code: error.code, error: error.message });
    if (res.headersSent) res.destroy();
    else sendError(res, error, deps.engine.version, headers);
  }
}

// Each request runs on a fresh connection, so its database and settings cannot leak.
// INSERTs run through the engine's raw-insert entry, which reports rows written but takes
// no bound map: their {name:Type} values are set on the connection instead.
async function prepare(conn: EngineConnection, request: QueryRequest, paramsBySet: boolean): Promise<void> {
  const statements = [preludeSql(request.database, request.settings)];
  if (paramsBySet) statements.push(paramsPrelude(request.params));
  const sql = statements.filter((s) => s !== undefined).join('; ');
  if (sql !== '') await conn.query(sql, 'TabSeparated', {});
}
