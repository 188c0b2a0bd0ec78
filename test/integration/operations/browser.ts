import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); .ci/run installs it. */
export const chromiumPath = '/usr/bin/chromium';

/** A headless Chromium with a fresh profile, and how to close it (profile removed). */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adpipe-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1440, height: 1000 },
      // Quiet and self-contained: no GPU, no network chatter of its own, no first-run UI.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return {
      context,
      async close() {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
