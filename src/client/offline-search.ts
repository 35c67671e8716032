/**
 * The offline copy's search page (dist-offline, opened from disk): the online search page's own
 * code and search core (src/client/search-page.ts, src/lib/search/), with one difference: the
 * index files are loaded as plain <script> files, because fetch() does not work on file://.
 * scripts/build-offline.ts writes every index file as `offline/search-index/<path>.js`, a call to
 * `window.searchIndexFile(path, data)`, and bundles this file as a classic script.
 */
import type { Loader } from '../lib/search/search-core.ts';
import { startSearchPage } from './search-page.ts';

declare global {
  interface Window {
    searchIndexFile?: (path: string, data: unknown) => void;
  }
}

/** The site root, from this script's own URL (…/offline/offline-search.js). */
const root = new URL('../', (document.currentScript as HTMLScriptElement | null)?.src ?? location.href);

const waiting = new Map<string, Array<(data: unknown) => void>>();
window.searchIndexFile = (path, data) => {
  for (const resolve of waiting.get(path) ?? []) resolve(data);
  waiting.delete(path);
};

const load: Loader = (path) =>
  new Promise((resolve, reject) => {
    const first = !waiting.has(path);
    waiting.set(path, [...(waiting.get(path) ?? []), resolve]);
    if (!first) return;
    const script = document.createElement('script');
    script.src = new URL(`offline/search-index/${path.replace(/\.json$/, '.js')}`, root).href;
    script.onload = () => script.remove();
    script.onerror = () => {
      script.remove();
      waiting.delete(path);
      reject(new Error(`${path}: not in the offline copy`));
    };
    document.head.append(script);
  });

// Links from the search page (search/index.html) to a page's file.
startSearchPage({ load, href: (sitePath) => `../${sitePath}index.html`, offlinePage: null });
