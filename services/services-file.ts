import fs from 'node:fs';
import { servicesFileIn, type ServicesFile } from '../lib/services-file.ts';

export { readLiveServicesFile, servicesFileIn } from '../lib/services-file.ts';

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
