/**
 * Names shared by the service worker (src/lib/postbuild/generate-service-worker.ts) and the /offline/ page,
 * which saves the rest of the site into the same runtime caches the worker reads.
 */
export const CACHE_ID = 'changzheng-policy-library';
export const PAGES_CACHE = `${CACHE_ID}-pages`;
export const FILES_CACHE = `${CACHE_ID}-files`;
export const OFFLINE_MANIFEST = 'offline-manifest.json';

/** `offline-manifest.json`: every file the first visit does not precache, with its size. */
export interface OfflineManifest {
  /** Pages (as their directory URL, relative to the base, with their title) and other files. */
  files: Array<{ url: string; size: number; title?: string }>;
  size: number;
  /** Every page, precached or not, in reading order (文件 first, then the site's kinds): [url, title, kind label]; lists what is saved by title. */
  pages?: Array<[url: string, title: string, kind: string]>;
}
