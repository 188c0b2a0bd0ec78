import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.ts';
import { ConfigError } from '../../lib/errors.ts';

describe('loadConfig', () => {
  it('gives laptop defaults with nothing set', () => {
    const config = loadConfig({ HOME: '/home/u' });
    expect(config).toMatchObject({
      databaseUrl: undefined,
      clickhouseUrl: undefined,
      temporalAddress: undefined,
      temporalNamespace: 'default',
      clickhouseDatabase: 'adpipe',
      ports: { postgres: 54329, clickhouse: 8123, temporal: 7233, temporalUi: 8233 },
      stateDir: path.resolve('.adpipe'),
      cacheDir: '/home/u/.cache/adpipe',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads ports, URLs and directories from the environment', () => {
    const config = loadConfig({
      ADPIPE_PG_PORT: '6000',
      ADPIPE_TEMPORAL_UI_PORT: '9000',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      TEMPORAL_ADDRESS: 'temporal:7233',
      ADPIPE_CACHE_DIR: '/c',
      XDG_CACHE_HOME: '/ignored',
    });
    expect(config.ports.postgres).toBe(6000);
    expect(config.ports.temporalUi).toBe(9000);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/x');
    expect(config.temporalAddress).toBe('temporal:7233');
    expect(config.cacheDir).toBe('/c');
  });

  it('treats empty URLs as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ', CLICKHOUSE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['ADPIPE_PG_PORT', 'abc'],
    ['ADPIPE_PG_PORT', '70000'],
    ['ADPIPE_CLICKHOUSE_PORT', '0'],
    ['ADPIPE_TEMPORAL_PORT', '1.5'],
    ['DATABASE_URL', 'mysql://x/y'],
    ['CLICKHOUSE_URL', 'localhost:8123'],
    ['TEMPORAL_ADDRESS', 'http://localhost:7233'],
    ['CLICKHOUSE_DATABASE', 'bad-name'],
    ['ADPIPE_EXTRACT_MODE', 'copy'],
  ])('names %s when it is %j', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ field: variable });
    expect((error as Error).message).toContain(variable);
  });
});
