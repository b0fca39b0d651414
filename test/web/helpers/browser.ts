// Test helper: launches Debian's chromium through playwright-core with a fresh profile. When chromium is
// missing the browser tests fail under CI (CI=true) and are skipped with the reason elsewhere.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.SIGHTLINE_CHROMIUM ?? '/usr/bin/chromium';

/** null when the browser can run; otherwise why not (the test skips, or fails under CI). */
export function browserUnavailable(): string | null {
  return existsSync(CHROMIUM) ? null : `chromium not found at ${CHROMIUM} (apt-get install chromium)`;
}

export async function launch(opts: { downloads?: boolean; width?: number; height?: number } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sightline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: opts.downloads ?? true,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
