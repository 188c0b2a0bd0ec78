import type { Config } from './config.ts';
import { ConfigError } from './errors.ts';
import { readLiveServicesFile, type ServicesFile } from './services-file.ts';

export type { ServicesFile } from './services-file.ts';

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

/**
 * Servers from the environment; any that is unset comes from the running embedded
 * stack. Throws when neither is available, saying how to fix it.
 */
export function resolveEndpoints(config: Config, embedded: ServicesFile | undefined = readLiveServicesFile(config.stateDir)): Endpoints {
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
