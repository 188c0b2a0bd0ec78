import { ClickHouseHttpError } from './errors.ts';

const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// A ClickHouse string literal: only the backslash and the quote can end or bend it.
const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const identifier = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;

/**
 * Statements that give a fresh engine connection the request's default database and
 * settings. Each request gets its own connection, so nothing leaks into the next one.
 * Values go in as quoted literals: ClickHouse converts a string to any setting's type,
 * just as it does for settings sent as URL parameters.
 */
export function preludeSql(database: string | undefined, settings: ReadonlyMap<string, string>): string | undefined {
  const statements: string[] = [];
  if (database !== undefined && database !== 'default') statements.push(`USE ${identifier(database)}`);
  if (settings.size > 0) {
    const assignments = [...settings].map(([name, value]) => {
      if (!SETTING_NAME.test(name)) throw ClickHouseHttpError.of('UNKNOWN_SETTING', `Unknown setting '${name}'`);
      return `${name} = ${literal(value)}`;
    });
    statements.push(`SET ${assignments.join(', ')}`);
  }
  return statements.length > 0 ? statements.join('; ') : undefined;
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `SET param_x = '...'` for a statement run where no bound map can be passed. The engine
 * still binds the text by the placeholder's type; the literal only carries it verbatim.
 */
export function paramsPrelude(params: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(params);
  if (entries.length === 0) return undefined;
  const assignments = entries.map(([name, value]) => {
    if (!PARAM_NAME.test(name)) throw ClickHouseHttpError.of('BAD_QUERY_PARAMETER', `Invalid query parameter name '${name}'`);
    return `param_${name} = ${literal(value)}`;
  });
  return `SET ${assignments.join(', ')}`;
}
