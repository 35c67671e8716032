/**
 * The service worker, written with Workbox's modules and bundled at build time by
 * src/lib/postbuild/generate-service-worker.ts, which puts the precache list and the offline page's address
 * in front of it (PRECACHE_MANIFEST, OFFLINE_FALLBACK).
 *
 * - The first visit precaches a fixed set (shell, offline page, search core, first listing pages);
 *   entries carry content revisions, so a new build fetches only what changed, takes over at once
 *   (skipWaiting + clientsClaim) and drops what it no longer has; older Workbox caches are removed.
 * - Pages are cached as they are read, network first, so a reader online always gets the current
 *   page; offline, a page never read gets the offline page, which lists what is saved.
 * - Search index shards and fragments, filter data and the offline manifest are cached as they are
 *   loaded; /offline/ saves the rest into the same caches.
 * - Query strings are ignored when matching the precache (`/search/?q=…` is `/search/index.html`)
 *   and when saving or finding a read page (`?highlight=…` from a search result is the same page).
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheFallbackPlugin, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { CACHE_ID, FILES_CACHE, PAGES_CACHE } from '../lib/offline/offline-caches.ts';

declare const PRECACHE_MANIFEST: PrecacheEntry[];
declare const OFFLINE_FALLBACK: string;
// The worker's global scope, as far as this file uses it (the project's types are the DOM's).
declare const self: { skipWaiting(): Promise<void> };

setCacheNameDetails({ prefix: CACHE_ID });
void self.skipWaiting();
clientsClaim();

precacheAndRoute(PRECACHE_MANIFEST, { directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// A page is saved under its address without the query: pages are static, and a query only tells
// the page's script something (`?highlight=` from a search result, `?q=` on /search/), so a page
// opened from a result is the saved page, offline too.
const pageWithoutQuery = {
  cacheKeyWillBeUsed: async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (!url.search) return request;
    url.search = '';
    return url.href;
  },
};
registerRoute(
  ({ request }) => request.mode === 'navigate',
  new NetworkFirst({
    cacheName: PAGES_CACHE,
    networkTimeoutSeconds: 6,
    plugins: [pageWithoutQuery, new PrecacheFallbackPlugin({ fallbackURL: OFFLINE_FALLBACK })],
  }),
);
registerRoute(({ request, sameOrigin }) => sameOrigin && request.method === 'GET', new StaleWhileRevalidate({ cacheName: FILES_CACHE }));
