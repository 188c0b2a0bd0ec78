import type { Server } from 'node:net';

/** Thrown when the server cannot bind its address (e.g. the port is taken). */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

/** Bind `server`, turning EADDRINUSE and friends into one clear error instead of a hang. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const where = `${host}:${port}`;
      const message =
        err.code === 'EADDRINUSE' ? `port ${where} is already in use`
        : err.code === 'EACCES' ? `no permission to listen on ${where}`
        : `cannot listen on ${where}: ${err.message}`;
      reject(new ListenError(message, err.code));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, exclusive: true });
  });
}
