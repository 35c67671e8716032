/**
 * Post-build step (after Pagefind): generates `sw.js` with Workbox. It precaches every file of the
 * built site (pages, CSS, icons, manifest and the whole Pagefind index), so after one visit a
 * reader can open any page, visited or not, and search, without a network.
 *
 * - Precache entries carry content revisions: a new build changes the revisions of what changed,
 *   the new worker takes over at once (skipWaiting + clientsClaim), fetches only what changed and
 *   deletes what the new build no longer has; cleanupOutdatedCaches removes caches of older
 *   Workbox versions.
 * - Every URL is relative to sw.js, so the same worker works under any base path.
 * - Query strings are ignored when matching the precache (`/search/?q=…` is `/search/index.html`;
 *   Pagefind adds cache-busting parameters to its own requests).
 * - A navigation to something that is not precached goes to the network; offline it gets the
 *   cached 404 page.
 *
 * Usage: tsx scripts/generate-service-worker.ts <dist>
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSW } from 'workbox-build';

export const CACHE_ID = 'changzheng-policy-library';

export async function generateServiceWorker(dist: string): Promise<{ count: number; size: number; warnings: string[] }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: ['**/*'],
    // The worker itself; files meant for crawlers, not readers.
    globIgnores: ['sw.js', 'sw.js.map', 'workbox-*.js', 'sitemap.xml', 'robots.txt'],
    swDest: join(dist, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    cacheId: CACHE_ID,
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    // Astro's assets and Pagefind's index chunks have content hashes in their names.
    dontCacheBustURLsMatching: /(^|\/)_astro\/|\.pf_(index|fragment|filter|meta)$/,
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '404.html' } },
      },
    ],
  });
  return { count, size, warnings };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: tsx scripts/generate-service-worker.ts <dist>');
  const { count, size, warnings } = await generateServiceWorker(dist);
  warnings.forEach((w) => console.warn(`service worker: ${w}`));
  console.log(`sw.js: precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
}
