import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from './static-server.ts';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The usual fixture of a browser test file: the built site on a loopback static host and one
 * Chromium, started before the file's tests and closed after them. Read the fields inside tests.
 */
export function useSiteInBrowser(root: string, base = '/') {
  const fixture = {} as { site: Awaited<ReturnType<typeof serveStatic>>; browser: Browser };
  beforeAll(async () => {
    fixture.site = await serveStatic(root, base);
    fixture.browser = await launchChromium();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.site?.close();
  });
  return fixture;
}
