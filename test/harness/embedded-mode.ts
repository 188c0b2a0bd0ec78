import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../lib/config.ts';
import { findFreePorts } from '../../services/ports.ts';
import { startEmbeddedStack } from '../../services/stack.ts';
import type { TestStack } from './context.ts';

/** A test stack and how to take it down. */
export interface StartedTestStack {
  readonly stack: TestStack;
  stop(): Promise<void>;
}

/** The same servers as `adpipe services`, on free ports in a fresh temp dir removed at stop. */
export async function startEmbeddedTestStack(log: (message: string) => void): Promise<StartedTestStack> {
  const config = loadConfig();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-test-'));
  fs.chmodSync(stateDir, 0o755); // mkdtemp makes it 700; as root PostgreSQL runs as "postgres" and must enter it
  const remove = () => fs.rmSync(stateDir, { recursive: true, force: true });
  try {
    const [postgres, clickhouse, temporal, temporalUi] = (await findFreePorts(4)) as [number, number, number, number];
    const embedded = await startEmbeddedStack({ config, stateDir, ports: { postgres, clickhouse, temporal, temporalUi }, log });
    const e = embedded.endpoints;
    return {
      stack: {
        mode: 'embedded',
        databaseUrl: e.databaseUrl,
        databaseUrlForClickhouse: e.databaseUrl,
        clickhouseUrl: e.clickhouseUrl,
        clickhouseUser: config.clickhouseUser,
        clickhousePassword: config.clickhousePassword,
        temporalAddress: e.temporalAddress,
        temporalNamespace: config.temporalNamespace,
        temporalUiUrl: e.temporalUiUrl,
        stateDir,
      },
      async stop() {
        await embedded.stop();
        remove();
      },
    };
  } catch (err) {
    remove();
    throw err;
  }
}
