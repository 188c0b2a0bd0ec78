import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../lib/config.ts';
import { dockerAvailable, startContainersTestStack } from './containers-mode.ts';
import type { StackMode, TestStack } from './context.ts';
import { startEmbeddedTestStack, type StartedTestStack } from './embedded-mode.ts';

const log = (message: string) => console.log(`[harness] ${message}`);

/** Servers named by DATABASE_URL, CLICKHOUSE_URL and TEMPORAL_ADDRESS; nothing to stop. */
function envStack(): StartedTestStack {
  const config = loadConfig();
  const stack: TestStack = {
    mode: 'env',
    databaseUrl: config.databaseUrl!,
    databaseUrlForClickhouse: config.databaseUrlForClickhouse ?? config.databaseUrl,
    clickhouseUrl: config.clickhouseUrl!,
    clickhouseUser: config.clickhouseUser,
    clickhousePassword: config.clickhousePassword,
    temporalAddress: config.temporalAddress!,
    temporalNamespace: config.temporalNamespace,
  };
  return { stack, stop: async () => {} };
}

/** env when all three URLs are set, else testcontainers when Docker answers, else embedded. */
async function chooseMode(): Promise<StackMode> {
  const forced = process.env.ADPIPE_TEST_STACK;
  if (forced === 'env' || forced === 'testcontainers' || forced === 'embedded') return forced;
  const { DATABASE_URL, CLICKHOUSE_URL, TEMPORAL_ADDRESS } = process.env;
  if (DATABASE_URL && CLICKHOUSE_URL && TEMPORAL_ADDRESS) return 'env';
  return (await dockerAvailable()) ? 'testcontainers' : 'embedded';
}

/** Vitest global setup for the integration project: provides `stack`, returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mode = await chooseMode();
  const started = Date.now();
  log(`mode: ${mode}${mode === 'env' ? ' (DATABASE_URL, CLICKHOUSE_URL, TEMPORAL_ADDRESS)' : ''}`);
  const running =
    mode === 'env' ? envStack() : mode === 'testcontainers' ? await startContainersTestStack(log) : await startEmbeddedTestStack(log);
  const s = running.stack;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s: PostgreSQL ${new URL(s.databaseUrl).host}, ClickHouse ${s.clickhouseUrl}, Temporal ${s.temporalAddress}`);
  project.provide('stack', s);
  return async () => {
    await running.stop();
    log(`${mode} stack stopped`);
  };
}
