import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/browser/chromium.ts';

export { launchChromium };
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from '../../tools/static-server.ts';

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
