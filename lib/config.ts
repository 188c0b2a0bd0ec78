import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.ts';

/** Ports the embedded stack listens on (loopback only). */
export interface EmbeddedPorts {
  readonly postgres: number;
  readonly clickhouse: number;
  readonly temporal: number;
  readonly temporalUi: number;
}

/** Where adpipe finds its servers and keeps its state; built once, frozen. */
export interface Config {
  /** Explicit server URLs; undefined means "use the embedded stack". */
  readonly databaseUrl: string | undefined;
  readonly clickhouseUrl: string | undefined;
  readonly clickhouseUser: string;
  readonly clickhousePassword: string;
  readonly clickhouseDatabase: string;
  readonly temporalAddress: string | undefined;
  readonly temporalNamespace: string;
  readonly taskQueue: string;
  /** Directory holding the embedded stack's data and its address file. */
  readonly stateDir: string;
  /** Directory caching big downloads/builds (the Temporal CLI), outside the repo. */
  readonly cacheDir: string;
  readonly ports: EmbeddedPorts;
  /** DATABASE_URL as ClickHouse must see it for postgresql() pulls (differs in Docker). */
  readonly databaseUrlForClickhouse: string | undefined;
  /** How rows move: ClickHouse pulls via postgresql(), or the worker streams COPY output. */
  readonly extractMode: 'pull' | 'stream';
}

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be an integer`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback);

const url = (name: string, protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .refine(
      (v) => v === undefined || (URL.canParse(v) && protocols.includes(new URL(v).protocol)),
      { message: `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    );

const EnvSchema = z.object({
  DATABASE_URL: url('DATABASE_URL', ['postgres:', 'postgresql:']),
  CLICKHOUSE_URL: url('CLICKHOUSE_URL', ['http:', 'https:']),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'CLICKHOUSE_DATABASE must be a plain identifier')
    .default('adpipe'),
  TEMPORAL_ADDRESS: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .refine((v) => v === undefined || /^[^\s:/]+:\d{1,5}$/.test(v), {
      message: 'TEMPORAL_ADDRESS must be host:port, e.g. localhost:7233',
    }),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  ADPIPE_TASK_QUEUE: z.string().min(1).default('adpipe'),
  ADPIPE_STATE_DIR: z.string().default('.adpipe'),
  ADPIPE_CACHE_DIR: z.string().optional(),
  ADPIPE_PG_PORT: port('ADPIPE_PG_PORT', 54329),
  ADPIPE_CLICKHOUSE_PORT: port('ADPIPE_CLICKHOUSE_PORT', 8123),
  ADPIPE_TEMPORAL_PORT: port('ADPIPE_TEMPORAL_PORT', 7233),
  ADPIPE_TEMPORAL_UI_PORT: port('ADPIPE_TEMPORAL_UI_PORT', 8233),
  ADPIPE_PG_URL_FOR_CLICKHOUSE: url('ADPIPE_PG_URL_FOR_CLICKHOUSE', ['postgres:', 'postgresql:']),
  ADPIPE_EXTRACT_MODE: z.enum(['pull', 'stream'], { error: 'ADPIPE_EXTRACT_MODE must be "pull" or "stream"' }).default('pull'),
});

function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME ?? path.join(env.HOME ?? '/tmp', '.cache');
  return path.join(base, 'adpipe');
}

/** Build the config from an environment; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${variable}: ${issue.message}`, variable);
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    clickhouseUrl: e.CLICKHOUSE_URL,
    clickhouseUser: e.CLICKHOUSE_USER,
    clickhousePassword: e.CLICKHOUSE_PASSWORD,
    clickhouseDatabase: e.CLICKHOUSE_DATABASE,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.ADPIPE_TASK_QUEUE,
    stateDir: path.resolve(e.ADPIPE_STATE_DIR),
    cacheDir: path.resolve(e.ADPIPE_CACHE_DIR ?? defaultCacheDir(env)),
    ports: Object.freeze({
      postgres: e.ADPIPE_PG_PORT,
      clickhouse: e.ADPIPE_CLICKHOUSE_PORT,
      temporal: e.ADPIPE_TEMPORAL_PORT,
      temporalUi: e.ADPIPE_TEMPORAL_UI_PORT,
    }),
    databaseUrlForClickhouse: e.ADPIPE_PG_URL_FOR_CLICKHOUSE,
    extractMode: e.ADPIPE_EXTRACT_MODE,
  });
}
