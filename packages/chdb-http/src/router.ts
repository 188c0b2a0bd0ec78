import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClickHouseHttpError } from './errors.ts';
import { handleQuery, type QueryDeps } from './handle-query.ts';
import { sendError } from './response.ts';

const ok = (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': 4 }).end('Ok.\n');

/** The request listener: health checks, the query endpoint, 404 for anything else. */
export function createRouter(deps: QueryDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    // Health checks answer without credentials, as on a ClickHouse server.
    if (url.pathname === '/ping') return void ok(res);
    if (url.pathname !== '/') {
      const body = `There is no handle ${url.pathname}\n\nUse / or /ping for health checks.\n`;
      return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=UTF-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
    }
    if (method !== 'GET' && method !== 'POST') {
      return sendError(res, ClickHouseHttpError.of('BAD_ARGUMENTS', `HTTP method ${method} is not supported`), deps.engine.version);
    }
    // `GET /` with no query is ClickHouse's liveness answer too.
    if (method !== 'POST' && !url.searchParams.has('query')) return void ok(res);
    await handleQuery(deps, req, res, url);
  };
}
