import fs from 'node:fs';
import path from 'node:path';
import { servicesFileName, type ServicesFile } from '../lib/endpoints.ts';

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
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? data : undefined;
  }
}

/** Write the address file atomically (readers never see half of it); mode 600: it holds a password. */
export function writeServicesFile(stateDir: string, data: ServicesFile): void {
  const file = servicesFileIn(stateDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Remove the address file if this process wrote it. */
export function removeServicesFile(stateDir: string): void {
  const file = servicesFileIn(stateDir);
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ServicesFile;
    if (data.pid === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // already gone or unreadable: nothing of ours to remove
  }
}
