import { readLiveServicesFile } from '../../services/services-file.ts';
import type { ServicesFile } from '../../lib/endpoints.ts';
import { configWithFlags, type StackFlags } from './services-config.ts';

/** Quote for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `export` lines for the adpipe variables and the libpq ones psql reads. */
export function envLines(services: ServicesFile, namespace: string): string[] {
  const pg = new URL(services.databaseUrl);
  const vars: [string, string][] = [
    ['DATABASE_URL', services.databaseUrl],
    ['CLICKHOUSE_URL', services.clickhouseUrl],
    ['TEMPORAL_ADDRESS', services.temporalAddress], // also read by the temporal CLI
    ['TEMPORAL_NAMESPACE', namespace],
    ['PGHOST', pg.hostname],
    ['PGPORT', pg.port],
    ['PGUSER', decodeURIComponent(pg.username)],
    ['PGPASSWORD', decodeURIComponent(pg.password)],
    ['PGDATABASE', pg.pathname.slice(1)],
  ];
  return [
    `# adpipe embedded stack (pid ${services.pid}); Temporal UI: ${services.temporalUiUrl}`,
    ...vars.map(([name, value]) => `export ${name}=${shellQuote(value)}`),
  ];
}

/** `adpipe env`: print export lines for the running embedded stack, or fail saying none runs. */
export function printEnv(flags: StackFlags, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const config = configWithFlags(flags);
  const services = readLiveServicesFile(config.stateDir);
  if (!services) {
    throw new Error(`no embedded stack is running from ${config.stateDir}; start one with \`adpipe services\` (or \`npm start\`)`);
  }
  for (const line of envLines(services, config.temporalNamespace)) out(line);
}
