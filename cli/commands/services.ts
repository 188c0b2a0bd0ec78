import { InvalidArgumentError, type Command } from 'commander';
import type { StackFlags } from '../handlers/services-config.ts';
import { lazyFn } from '../lazy-fn.ts';

const printEnv = lazyFn(() => import('../handlers/env.ts'), 'printEnv');
const installTemporal = lazyFn(() => import('../handlers/services.ts'), 'installTemporal');
const runServices = lazyFn(() => import('../handlers/services.ts'), 'runServices');

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError('must be a port number (1-65535)');
  return port;
}

const servicesHelp = `
Ports (loopback only; a flag overrides its variable, which overrides the default):
  PostgreSQL    --pg-port           ADPIPE_PG_PORT           54329
  ClickHouse    --clickhouse-port   ADPIPE_CLICKHOUSE_PORT   8123   (HTTP interface)
  Temporal      --temporal-port     ADPIPE_TEMPORAL_PORT     7233   (gRPC frontend)
  Temporal UI   --temporal-ui-port  ADPIPE_TEMPORAL_UI_PORT  8233
A port already in use stops the start with an error naming the variable to change.

State (data of all three servers, logs/, services.json with the addresses) lives in
--state-dir or ADPIPE_STATE_DIR (default .adpipe) and survives restarts. The Temporal
CLI is taken from PATH or ADPIPE_CACHE_DIR/bin (default ~/.cache/adpipe/bin), and built
there with \`go install\` when missing (\`adpipe services install-temporal\` does only that).

Using servers you already run instead: set DATABASE_URL, CLICKHOUSE_URL (plus
CLICKHOUSE_USER / CLICKHOUSE_PASSWORD) and TEMPORAL_ADDRESS, and skip \`adpipe services\`;
every other command uses those. \`adpipe env\` prints them for a running embedded stack.
`;

/** Declares `services` (+ `services install-temporal`) and `env`. */
export function registerServiceCommands(program: Command): void {
  const services = program
    .command('services')
    .description('run embedded PostgreSQL, ClickHouse and the Temporal dev server until Ctrl-C')
    .option('--pg-port <port>', 'PostgreSQL port (ADPIPE_PG_PORT)', parsePort)
    .option('--clickhouse-port <port>', 'ClickHouse HTTP port (ADPIPE_CLICKHOUSE_PORT)', parsePort)
    .option('--temporal-port <port>', 'Temporal gRPC port (ADPIPE_TEMPORAL_PORT)', parsePort)
    .option('--temporal-ui-port <port>', 'Temporal Web UI port (ADPIPE_TEMPORAL_UI_PORT)', parsePort)
    .option('--state-dir <dir>', 'state directory (ADPIPE_STATE_DIR, default .adpipe)')
    .addHelpText('after', servicesHelp)
    .action((flags: StackFlags) => runServices(flags));
  services
    .command('install-temporal')
    .description('find or build (go install, cached) the Temporal CLI and print its path')
    .action(() => installTemporal({}));
  program
    .command('env')
    .description('print `export` lines (DATABASE_URL, CLICKHOUSE_URL, TEMPORAL_ADDRESS, PG*) for the running embedded stack')
    .option('--state-dir <dir>', 'state directory of the stack (ADPIPE_STATE_DIR, default .adpipe)')
    .addHelpText('after', '\nUse it as: eval "$(adpipe env)", then psql, curl "$CLICKHOUSE_URL/ping", temporal workflow list.')
    .action((flags: { stateDir?: string }) => printEnv(flags));
}
