import fs from 'node:fs';
import path from 'node:path';

/** Layout of the embedded stack's state directory. */
export function stateLayout(stateDir: string) {
  return {
    postgresData: path.join(stateDir, 'postgres'),
    clickhouseData: path.join(stateDir, 'clickhouse'),
    temporalDb: path.join(stateDir, 'temporal.sqlite'),
    logs: path.join(stateDir, 'logs'),
    log: (service: string) => path.join(stateDir, 'logs', `${service}.log`),
  } as const;
}

/**
 * Throw unless every directory from `dir` up to / can be entered by another
 * user: as root, PostgreSQL runs as user "postgres" and must reach its data
 * and its binaries. `fix` says what the user can change instead of chmod.
 */
export function assertReachableByOtherUsers(dir: string, fix: string): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL cannot run as root, so it runs as user "postgres", which cannot enter ${d} ` +
          `(mode ${(mode & 0o777).toString(8)}). ${fix}, or \`chmod o+x ${d}\`.`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}
