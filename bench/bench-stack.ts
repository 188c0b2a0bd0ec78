import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../lib/config.ts';
import type { Endpoints } from '../lib/endpoints.ts';
import { findFreePorts } from '../services/ports.ts';
import { startEmbeddedStack } from '../services/stack.ts';

/** Servers for a benchmark run: from the environment, or an embedded stack in a temp dir. */
export async function benchStack(log: (m: string) => void): Promise<{ endpoints: Endpoints; stop(): Promise<void> }> {
  const config = loadConfig();
  if (config.databaseUrl && config.clickhouseUrl && config.temporalAddress) {
    return {
      endpoints: {
        databaseUrl: config.databaseUrl, clickhouseUrl: config.clickhouseUrl, clickhouseUser: config.clickhouseUser,
        clickhousePassword: config.clickhousePassword, clickhouseDatabase: 'adpipe_bench', temporalAddress: config.temporalAddress,
        temporalNamespace: config.temporalNamespace, databaseUrlForClickhouse: config.databaseUrlForClickhouse ?? config.databaseUrl,
      },
      stop: async () => {},
    };
  }
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-bench-'));
  fs.chmodSync(stateDir, 0o755);
  const [postgres, clickhouse, temporal, temporalUi] = await findFreePorts(4);
  const stack = await startEmbeddedStack({ config, stateDir, ports: { postgres, clickhouse, temporal, temporalUi }, log });
  return {
    endpoints: {
      databaseUrl: stack.endpoints.databaseUrl, clickhouseUrl: stack.endpoints.clickhouseUrl, clickhouseUser: config.clickhouseUser,
      clickhousePassword: config.clickhousePassword, clickhouseDatabase: 'adpipe_bench', temporalAddress: stack.endpoints.temporalAddress,
      temporalNamespace: config.temporalNamespace, databaseUrlForClickhouse: stack.endpoints.databaseUrl,
    },
    async stop() {
      await stack.stop();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
