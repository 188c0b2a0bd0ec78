import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { ConfigError } from './errors.ts';

/** Resolved addresses of the three servers a component talks to. */
export interface Endpoints {
  readonly databaseUrl: string;
  readonly clickhouseUrl: string;
  readonly clickhouseUser: string;
  readonly clickhousePassword: string;
  readonly clickhouseDatabase: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  /** Temporal Web UI, when known (embedded stack). */
  readonly temporalUiUrl?: string | undefined;
  /** DATABASE_URL as seen from ClickHouse, for postgresql() pulls. */
  readonly databaseUrlForClickhouse: string;
}

/** File the embedded stack writes once its services answer. */
export const servicesFileName = 'services.json';

/** Addresses written by `adpipe services` into the state directory. */
export interface ServicesFile {
  readonly pid: number;
  readonly databaseUrl: string;
  readonly clickhouseUrl: string;
  readonly temporalAddress: string;
  readonly temporalUiUrl: string;
}

export function servicesFilePath(config: Config): string {
  return path.join(config.stateDir, servicesFileName);
}

/** Read the embedded stack's address file, or undefined when none is running. */
export function readServicesFile(config: Config): ServicesFile | undefined {
  const file = servicesFilePath(config);
  if (!fs.existsSync(file)) return undefined;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ServicesFile;
  try {
    process.kill(data.pid, 0);
  } catch {
    return undefined; // stale file from a stack that is gone
  }
  return data;
}

/**
 * Servers from the environment; any that is unset comes from the running embedded
 * stack. Throws when neither is available, saying how to fix it.
 */
export function resolveEndpoints(config: Config, embedded = readServicesFile(config)): Endpoints {
  const need = (value: string | undefined, variable: string, fromStack: string | undefined) => {
    const v = value ?? fromStack;
    if (v === undefined) {
      throw new ConfigError(
        `${variable} is not set and no embedded stack is running (state dir ${config.stateDir}); ` +
          'start one with `adpipe services` (or `npm start`), or set the variable',
        variable,
      );
    }
    return v;
  };
  const databaseUrl = need(config.databaseUrl, 'DATABASE_URL', embedded?.databaseUrl);
  return Object.freeze({
    databaseUrl,
    clickhouseUrl: need(config.clickhouseUrl, 'CLICKHOUSE_URL', embedded?.clickhouseUrl),
    clickhouseUser: config.clickhouseUser,
    clickhousePassword: config.clickhousePassword,
    clickhouseDatabase: config.clickhouseDatabase,
    temporalAddress: need(config.temporalAddress, 'TEMPORAL_ADDRESS', embedded?.temporalAddress),
    temporalNamespace: config.temporalNamespace,
    temporalUiUrl: config.temporalAddress ? undefined : embedded?.temporalUiUrl,
    databaseUrlForClickhouse: config.databaseUrlForClickhouse ?? databaseUrl,
  });
}
