/**
 * A function that loads its module on first call. Command files declare every command
 * up front; loading every handler (Temporal, ClickHouse, PostgreSQL clients) just to
 * print `--help` took seconds, so handlers load only when their command runs.
 */
export function lazyFn<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): M[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never {
  const call = async (...args: unknown[]) => {
    const fn = (await load())[name] as (...a: unknown[]) => unknown;
    return fn(...args);
  };
  return call as never;
}
