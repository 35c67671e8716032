/**
 * Post-build step (after the search index): writes `sw.js` (src/client/service-worker.ts, Workbox
 * modules bundled with esbuild, with its precache list) and `offline-manifest.json`.
 *
 * Offline within a budget: the first visit precaches only the shell (CSS, JS, fonts, icons, the
 * manifest, the offline and 404 pages), the search index core and the first page of each listing
 * (home, /documents/, kind indexes): at most PRECACHE_BUDGET bytes whatever the corpus; the
 * build fails beyond it. Every other page is cached as it is read (network first, so a reader
 * online always gets the current page), and search index files as searches load them. The rest can
 * be saved at once from /offline/ (保存全部以便离线阅读), which reads `offline-manifest.json`
 * (every other file with its size), written here and loaded only on that page.
 *
 * - Precache entries carry content revisions: a new build changes the revisions of what changed,
 *   the new worker takes over at once (skipWaiting + clientsClaim), fetches only what changed and
 *   deletes what the new build no longer has; cleanupOutdatedCaches removes older Workbox caches.
 * - Every URL is relative to sw.js, so the same worker works under any base path.
 * - Query strings are ignored when matching the precache (`/search/?q=…` is `/search/index.html`).
 * - Offline, a page not saved gets the offline page (it lists what is saved), not a browser error.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';
import { site } from '../../config/site.config.ts';
import { OFFLINE_MANIFEST, type OfflineManifest } from '../offline/offline-caches.ts';
import { SHARE_DIR } from '../views/share-image.ts';
import type { BuiltPage } from './built-pages.ts';

export const OFFLINE_PAGE = 'offline/index.html';
/** The first visit's download, whatever the corpus. */
export const PRECACHE_BUDGET = 3 * 1024 * 1024;

/**
 * Not for readers: the worker itself, files meant for crawlers, and the link-preview pictures
 * (one per page, fetched by the apps a link is shared to, src/lib/postbuild/share-images.ts).
 */
const NEVER = ['sw.js', 'sitemap.xml', 'robots.txt', OFFLINE_MANIFEST, `${SHARE_DIR}/**`];

/**
 * What the first visit precaches. The search index core is its meta.json (counts, t2s map,
 * synonyms); its shards and fragments load on demand and are cached then.
 */
export function precachePatterns(kinds: readonly string[] = site.kinds.map((k) => k.id)): string[] {
  return [
    '_astro/**/*',
    'icons/**/*',
    '*.{svg,png,ico,webmanifest,woff2}',
    'index.html',
    '404.html',
    OFFLINE_PAGE,
    'search/index.html',
    'search-index/meta.json',
    // The first page of each listing; later pages (their number grows with the corpus) are cached
    // when read. One pattern, since Workbox reports a pattern that matches nothing.
    `{${['documents', ...kinds].join(',')}}/index.html`,
  ];
}

function allFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'));
}

/**
 * Every file a reader may want offline that the precache leaves out, with its size. `pages`: the
 * built pages as the post-build pass read them (their titles and sizes; other files are measured).
 */
export function offlineManifest(dist: string, precached: ReadonlySet<string>, pages: readonly BuiltPage[]): OfflineManifest {
  const never = new Set(NEVER);
  const pageOf = new Map(pages.map((p) => [p.file, p]));
  const files = allFiles(dist)
    .filter((f) => !precached.has(f) && !never.has(f) && !f.startsWith(`${SHARE_DIR}/`))
    .map((f) => {
      const page = pageOf.get(f);
      const size = page?.bytes ?? statSync(join(dist, f)).size;
      if (!(f.endsWith('/index.html') || f === 'index.html')) return { url: f, size };
      // A page is requested (and cached) by its directory URL, the address readers navigate to.
      return { url: f.slice(0, -'index.html'.length), size, title: page?.title };
    })
    .sort((a, b) => Number(b.title !== undefined) - Number(a.title !== undefined) || a.url.localeCompare(b.url));
  return { files, size: files.reduce((n, f) => n + f.size, 0), pages: pageList(pages) };
}

/** Kind label of a page by its section (the first part of its address): documents, the site's kinds, or 栏目. */
function pageKind(url: string): { label: string; rank: number } {
  const section = url.split('/')[0];
  if (section === 'documents' && url !== 'documents/' && !/^documents\/page\//.test(url)) return { label: site.documentsLabel, rank: 0 };
  const kind = site.kinds.findIndex((k) => k.id === section);
  if (kind >= 0 && url !== `${section}/` && !url.startsWith(`${section}/page/`)) return { label: site.kinds[kind].badge, rank: kind + 1 };
  return { label: '栏目', rank: site.kinds.length + 1 };
}

/**
 * Every readable page with its title and kind, for the /offline/ page's list of what is saved:
 * documents first, then the site's kinds in order, then the other pages, each by title.
 */
export function pageList(pages: readonly BuiltPage[]): NonNullable<OfflineManifest['pages']> {
  return pages
    .filter((p) => p.title !== undefined && !p.url.endsWith('.html'))
    .map((p) => ({
      url: p.url,
      title: p.title!.endsWith(` · ${site.name}`) ? p.title!.slice(0, -` · ${site.name}`.length) : p.title!,
      ...pageKind(p.url),
    }))
    .sort((a, b) => a.rank - b.rank || a.title.localeCompare(b.title, 'zh') || a.url.localeCompare(b.url))
    .map((p): [string, string, string] => [p.url, p.title, p.label]);
}

/** The precache list as it stands in front of the bundled worker: `const PRECACHE_MANIFEST=[…],OFFLINE_FALLBACK=…;`. */
const precacheBanner = (entries: readonly PrecacheEntry[]) =>
  `const PRECACHE_MANIFEST=${JSON.stringify(entries)},OFFLINE_FALLBACK=${JSON.stringify(OFFLINE_PAGE)};`;

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** What a built sw.js precaches (for the tests and the benchmark, which measure the first visit). */
export function precacheList(sw: string): PrecacheEntry[] {
  const list = /^const PRECACHE_MANIFEST=(\[.*?\]),OFFLINE_FALLBACK=/.exec(sw)?.[1];
  if (!list) throw new Error('sw.js has no precache list in front (src/lib/postbuild/generate-service-worker.ts writes one)');
  return JSON.parse(list) as PrecacheEntry[];
}

/** The worker's source (src/client/service-worker.ts), bundled here with its precache list. */
const WORKER_SOURCE = fileURLToPath(new URL('../../client/service-worker.ts', import.meta.url));

export async function generateServiceWorker(
  dist: string,
  pages: readonly BuiltPage[],
): Promise<{ count: number; size: number; rest: OfflineManifest; warnings: string[] }> {
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: dist,
    globPatterns: precachePatterns(),
    globIgnores: NEVER,
    maximumFileSizeToCacheInBytes: PRECACHE_BUDGET,
    // Astro's assets have content hashes in their names.
    dontCacheBustURLsMatching: /(^|\/)_astro\//,
  });
  // Workbox's generateSW would bundle the same modules with Rollup, Babel and Terser on every build
  // (seconds); esbuild does it in a fraction of that, and Workbox still lists what to precache.
  const bundled = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: precacheBanner(manifestEntries) },
    logLevel: 'silent',
  });
  writeFileSync(join(dist, 'sw.js'), bundled.outputFiles[0].text);
  const precached = new Set(manifestEntries.map((e) => e.url));
  const rest = offlineManifest(dist, precached, pages);
  writeFileSync(join(dist, OFFLINE_MANIFEST), JSON.stringify(rest));
  const problems = [...warnings];
  if (size > PRECACHE_BUDGET) {
    problems.push(
      `the first visit would download ${(size / 1024 / 1024).toFixed(2)} MB, over the ${PRECACHE_BUDGET / 1024 / 1024} MB budget: move files out of precachePatterns() in src/lib/postbuild/generate-service-worker.ts (they are then cached when read)`,
    );
  }
  return { count, size, rest, warnings: problems };
}
