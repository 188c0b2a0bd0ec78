import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../services/file-lock.ts';

describe('withFileLock', () => {
  const lock = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-lock-')), 'x.lock');

  it('runs holders one after the other and cleans up', async () => {
    const file = lock();
    const events: string[] = [];
    const job = (name: string) =>
      withFileLock(file, async () => {
        events.push(`${name}+`);
        await sleep(50);
        events.push(`${name}-`);
      }, { pollMs: 10 });
    await Promise.all([job('a'), job('b')]);
    expect(events.join(' ')).toMatch(/^(a\+ a- b\+ b-|b\+ b- a\+ a-)$/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const file = lock();
    fs.writeFileSync(file, '999999999');
    expect(await withFileLock(file, async () => 'ran')).toBe('ran');
  });

  it('tells who it waits for', async () => {
    const file = lock();
    fs.writeFileSync(file, String(process.ppid)); // a live process that will not release it
    const waited: number[] = [];
    const attempt = withFileLock(file, async () => 'ran', { pollMs: 10, onWait: (pid) => waited.push(pid) });
    await sleep(50);
    fs.rmSync(file);
    expect(await attempt).toBe('ran');
    expect(waited).toEqual([process.ppid]);
  });
});
