/** A PostgreSQL server as ClickHouse's postgresql() table function takes it. */
export interface PgAddress {
  readonly address: string;
  readonly database: string;
  readonly user: string;
  readonly password: string;
  readonly schema: string;
}

/** Split a postgres:// URL into postgresql() arguments. */
export function pgAddressFromUrl(url: string, schema = 'public'): PgAddress {
  const u = new URL(url);
  const host = u.hostname === 'localhost' ? '127.0.0.1' : u.hostname;
  return Object.freeze({
    address: `${host}:${u.port || '5432'}`,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(u.username) || 'postgres',
    password: decodeURIComponent(u.password),
    schema,
  });
}

/** postgresql() arguments as ClickHouse query parameters. */
export function pgAddressParams(pg: PgAddress): Record<string, string> {
  return {
    pg_address: pg.address,
    pg_database: pg.database,
    pg_user: pg.user,
    pg_password: pg.password,
    pg_schema: pg.schema,
  };
}
