import fs from 'node:fs';
import path from 'node:path';

/** File the embedded stack writes into its state directory once its services answer. */
export const servicesFileName = 'services.json';

/** Addresses written by `adpipe services` / `adpipe up`. */
export interface ServicesFile {
  readonly pid: number;
  readonly databaseUrl: string;
  readonly clickhouseUrl: string;
  readonly temporalAddress: string;
  readonly temporalUiUrl: string;
}

/** Path of the address file in a state directory. */
export function servicesFileIn(stateDir: string): string {
  return path.join(stateDir, servicesFileName);
}

/** The address file's content if the stack that wrote it is still alive. */
export function readLiveServicesFile(stateDir: string): ServicesFile | undefined {
  const file = servicesFileIn(stateDir);
  if (!fs.existsSync(file)) return undefined;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ServicesFile;
  try {
    process.kill(data.pid, 0);
    return data;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? data : undefined; // alive, owned by another user
  }
}
