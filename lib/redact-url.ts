/**
 * A URL fit to print: its password replaced by "***" (user, host, port, path and
 * parameters kept, so it still says where). Text that is not a URL comes back unchanged.
 */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const u = new URL(url);
  if (u.password !== '') u.password = '***';
  for (const key of [...u.searchParams.keys()]) {
    if (/^(password|pass|pwd|secret|token)$/i.test(key)) u.searchParams.set(key, '***');
  }
  return u.toString();
}
