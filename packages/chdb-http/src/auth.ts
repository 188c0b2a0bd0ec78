import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ClickHouseHttpError } from './errors.ts';

/** The one account this server knows. */
export interface Account {
  readonly user: string;
  readonly password: string;
}

interface Credentials {
  readonly user: string;
  readonly password: string;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Where ClickHouse looks for credentials: its own headers, Basic auth, then URL parameters.
function credentialsOf(headers: IncomingHttpHeaders, search: URLSearchParams): Credentials | undefined {
  const user = first(headers['x-clickhouse-user']);
  const key = first(headers['x-clickhouse-key']);
  if (user !== undefined || key !== undefined) return { user: user ?? 'default', password: key ?? '' };
  const authorization = first(headers.authorization);
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? { user: decoded, password: '' } : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (search.has('user') || search.has('password')) {
    return { user: search.get('user') || 'default', password: search.get('password') ?? '' };
  }
  return undefined;
}

// Compare digests so the time taken says nothing about the password.
const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** Throw ClickHouse's authentication error unless the request carries the account's credentials. */
export function authenticate(account: Account, headers: IncomingHttpHeaders, search: URLSearchParams): void {
  const given = credentialsOf(headers, search);
  if (given === undefined) {
    if (account.password === '') return; // like a server whose `default` user has no password
    throw ClickHouseHttpError.of('REQUIRED_PASSWORD', `${account.user}: Authentication failed: password is required`);
  }
  if (given.user === account.user && sameSecret(given.password, account.password)) return;
  throw ClickHouseHttpError.of(
    'AUTHENTICATION_FAILED',
    `${given.user}: Authentication failed: password is incorrect, or there is no user with such name`,
  );
}
