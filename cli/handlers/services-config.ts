import { loadConfig, type Config } from '../../lib/config.ts';

/** Flags shared by `adpipe services` and `adpipe env`; they override ADPIPE_* variables. */
export interface StackFlags {
  readonly pgPort?: number;
  readonly clickhousePort?: number;
  readonly temporalPort?: number;
  readonly temporalUiPort?: number;
  readonly stateDir?: string;
}

/** The config with flags applied on top of the environment (flags win). */
export function configWithFlags(flags: StackFlags, env: NodeJS.ProcessEnv = process.env): Config {
  const overrides: Record<string, number | string | undefined> = {
    ADPIPE_PG_PORT: flags.pgPort,
    ADPIPE_CLICKHOUSE_PORT: flags.clickhousePort,
    ADPIPE_TEMPORAL_PORT: flags.temporalPort,
    ADPIPE_TEMPORAL_UI_PORT: flags.temporalUiPort,
    ADPIPE_STATE_DIR: flags.stateDir,
  };
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) merged[name] = String(value);
  return loadConfig(merged);
}
