import type { Page } from 'playwright-core';

/**
 * Waits until the page's service worker is activated and controls the page (Workbox precaches during
 * install, so an active worker has the whole precache), then reports what is cached.
 */
export async function waitForServiceWorker(page: Page): Promise<{ scope: string; caches: string[]; precached: string[] }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    // Activation (where Workbox deletes what the new build no longer has) finishes after claiming.
    const worker = navigator.serviceWorker.controller!;
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    const names = await caches.keys();
    const precache = names.find((n) => n.includes('-precache-'));
    const precached = precache ? (await (await caches.open(precache)).keys()).map((r) => r.url) : [];
    return { scope: registration.scope, caches: names, precached };
  });
}
