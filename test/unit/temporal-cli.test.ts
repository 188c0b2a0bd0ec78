import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFailureMessage, ensureTemporalCli, findOnPath, TemporalCliError } from '../../services/temporal-cli.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-unit-'));
  dirs.push(d);
  return d;
}
function fakeBinary(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\necho fake\n', { mode: 0o755 });
  return file;
}

describe('ensureTemporalCli', () => {
  it('prefers a temporal on PATH', async () => {
    const bin = tempDir();
    const onPath = fakeBinary(path.join(bin, 'temporal'));
    expect(findOnPath('temporal', `/nonexistent:${bin}`)).toBe(onPath);
    expect(await ensureTemporalCli({ cacheDir: tempDir(), log: () => {}, env: { PATH: bin } })).toBe(onPath);
  });

  it('uses the cached binary without building', async () => {
    const cacheDir = tempDir();
    const cached = fakeBinary(path.join(cacheDir, 'bin', 'temporal'));
    const log: string[] = [];
    expect(await ensureTemporalCli({ cacheDir, log: (m) => log.push(m), env: { PATH: '/nonexistent' } })).toBe(cached);
    expect(log).toEqual([]);
  });

  it('says Go is missing when it cannot build', async () => {
    const cacheDir = tempDir();
    const error = await ensureTemporalCli({ cacheDir, log: () => {}, env: { PATH: '/nonexistent' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporalCliError);
    expect((error as Error).message).toMatch(/Go is not installed/);
    expect(fs.existsSync(path.join(cacheDir, 'temporal-build.lock'))).toBe(false);
  });

  it('explains a build that failed for want of network', () => {
    const message = buildFailureMessage('m@v1', 1, ['go: m@v1: Get "https://proxy/m/@v/v1.info": dial tcp: lookup proxy: no such host'], { GOPROXY: 'https://proxy' });
    expect(message).toMatch(/cannot reach the Go module proxy \(GOPROXY=https:\/\/proxy\)/);
    expect(message).toContain('no such host');
  });
});

describe('buildFailureMessage', () => {
  it('recognises a Go told not to download', () => {
    const message = buildFailureMessage('m@v1', 1, ['go: m@v1: module lookup disabled by GOPROXY=off'], {}, '/c/bin/temporal');
    expect(message).toMatch(/configured not to download modules.*\/c\/bin\/temporal/);
  });
});
