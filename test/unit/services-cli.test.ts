import { describe, expect, it } from 'vitest';
import { configWithFlags } from '../../cli/handlers/services-config.ts';
import { envLines, shellQuote } from '../../cli/handlers/env.ts';
import { parseListening } from '../../services/embedded-clickhouse.ts';
import { adpipeSearchAttributes } from '../../core/search-attributes.ts';
import { devServerArgs } from '../../services/temporal-dev-server.ts';
import { uniqueDatabaseName, withDatabase } from '../harness/databases.ts';

describe('adpipe services / env pieces', () => {
  it('lets flags override ADPIPE_* variables', () => {
    const config = configWithFlags({ pgPort: 6001, stateDir: '/s' }, { ADPIPE_PG_PORT: '6000', ADPIPE_CLICKHOUSE_PORT: '9123' });
    expect(config.ports).toMatchObject({ postgres: 6001, clickhouse: 9123 });
    expect(config.stateDir).toBe('/s');
  });

  it('prints shell-safe export lines', () => {
    expect(shellQuote('abc:1/2')).toBe('abc:1/2');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const lines = envLines(
      { pid: 1, databaseUrl: 'postgres://postgres:s3cret@127.0.0.1:5555/adpipe', clickhouseUrl: 'http://127.0.0.1:8123', temporalAddress: '127.0.0.1:7233', temporalUiUrl: 'http://127.0.0.1:8233' },
      'default',
    );
    expect(lines).toEqual(expect.arrayContaining([
      'export DATABASE_URL=postgres://postgres:s3cret@127.0.0.1:5555/adpipe',
      'export CLICKHOUSE_URL=http://127.0.0.1:8123',
      'export TEMPORAL_ADDRESS=127.0.0.1:7233',
      'export PGPORT=5555',
      'export PGPASSWORD=s3cret',
      'export PGDATABASE=adpipe',
    ]));
  });

  it('reads the ClickHouse service readiness line only', () => {
    expect(parseListening('{"listening":"http://127.0.0.1:8123"}')).toBe('http://127.0.0.1:8123');
    expect(parseListening('loading chdb…')).toBeUndefined();
    expect(parseListening('{"level":"info"}')).toBeUndefined();
  });

  it('registers every adpipe search attribute with the dev server', () => {
    const args = devServerArgs({ binary: 'temporal', stateDir: '/s', port: 1, uiPort: 2 });
    for (const [name, kind] of Object.entries(adpipeSearchAttributes)) expect(args).toContain(`${name}=${kind}`);
    expect(args).toEqual(expect.arrayContaining(['--ip', '127.0.0.1', '--db-filename', '/s/temporal.sqlite']));
  });

  it('makes unique plain database names', () => {
    const a = uniqueDatabaseName('Pipe-Line');
    expect(a).toMatch(/^pipe_line_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(uniqueDatabaseName('x')).not.toBe(uniqueDatabaseName('x'));
    expect(withDatabase('postgres://u:p@h:1/adpipe?sslmode=disable', 'db2')).toBe('postgres://u:p@h:1/db2?sslmode=disable');
  });
});
