import { startEmbeddedStack, type StackEndpoints } from '../../services/stack.ts';
import { waitForShutdownSignal } from '../../services/shutdown-signal.ts';
import { ensureTemporalCli } from '../../services/temporal-cli.ts';
import { redactUrl } from '../../lib/redact-url.ts';
import { shellQuote } from './env.ts';
import { configWithFlags, type StackFlags } from './services-config.ts';

/** Where handlers write; tests pass their own. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const stdio: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The addresses block `adpipe services` prints once everything answers. */
export function formatEndpoints(endpoints: StackEndpoints, namespace: string): string[] {
  return [
    `  PostgreSQL   ${redactUrl(endpoints.databaseUrl)}`, // the password: \`adpipe env\`
    `  ClickHouse   ${endpoints.clickhouseUrl}`,
    `  Temporal     ${endpoints.temporalAddress} (namespace ${namespace})`,
    `  Temporal UI  ${endpoints.temporalUiUrl}`,
  ];
}

/** `adpipe services`: start the embedded stack, print its addresses, run until a signal. */
export async function runServices(flags: StackFlags, io: Output = stdio): Promise<void> {
  const config = configWithFlags(flags);
  io.out(`Starting PostgreSQL, ClickHouse and Temporal (state in ${config.stateDir})…`);
  const started = Date.now();
  // No signal handlers while starting: a Ctrl-C must end a long Temporal CLI build at once
  // (default action), and the watchdog takes down whatever had started.
  const stack = await startEmbeddedStack({ config, log: (m) => io.out(`  ${m}`) });
  const stopped = waitForShutdownSignal((s) => io.err(`${s} again: exiting now; the servers are being killed`));
  io.out(`Embedded stack ready in ${((Date.now() - started) / 1000).toFixed(1)}s:`);
  for (const line of formatEndpoints(stack.endpoints, config.temporalNamespace)) io.out(line);
  const stateFlag = flags.stateDir === undefined ? '' : ` --state-dir ${shellQuote(flags.stateDir)}`;
  io.out(`Point psql, curl or the temporal CLI at it: eval "$(npm run --silent adpipe -- env${stateFlag})"`);
  io.out('Press Ctrl-C to stop.');
  const signal = await stopped;
  io.out(`${signal}: stopping the embedded stack…`);
  await stack.stop();
  io.out('Stopped.');
}

/** `adpipe services install-temporal`: find or build the Temporal CLI; prints its path. */
export async function installTemporal(flags: StackFlags, io: Output = stdio): Promise<void> {
  const config = configWithFlags(flags);
  const binary = await ensureTemporalCli({ cacheDir: config.cacheDir, log: io.err });
  io.out(binary);
}
