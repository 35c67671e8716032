import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/**
 * What one search costs a reader: the page, its scripts and styles, and only the index files the
 * query needs (meta, a name shard, gram or position shards, one fragment per result shown), never
 * a list or the text of every page.
 *
 * Bytes are counted as a static host sends them (text gzip-compressed), from the files the browser
 * fetched. The caps are the product's promise at 5,000 documents (a search loads at most 130 KB),
 * and per file what keeps that promise as the library grows: a fragment holds one CHUNK of one
 * page, a shard about 1,500 characters' worth of postings (about 23 KB compressed at the 99th
 * percentile of a 5,005-document library), so none of them may depend on the number of pages.
 */
const fixture = useSiteInBrowser(DIST);

/** The promise: a search (page + index), cold, at 5,000 documents. */
const SEARCH_BUDGET = 130 * 1024;
/** Per index file, by folder. */
const FILE_CAPS: Array<[RegExp, number]> = [
  [/\/search-index\/f\//, 6 * 1024],
  [/\/search-index\/n\//, 12 * 1024],
  [/\/search-index\/[gp]\//, 32 * 1024],
  [/\/search-index\/meta\.json$/, 12 * 1024],
];
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest)$/;

/** The bytes a static host sends for a site path: gzip for text, as it is otherwise. */
function sentBytes(sitePath: string): number {
  const relative = decodeURIComponent(sitePath)
    .replace(/^\//, '')
    .replace(/(^|\/)$/, '$1index.html');
  const file = join(DIST, relative);
  if (!existsSync(file) || !statSync(file).isFile()) return 0;
  const body = readFileSync(file);
  return COMPRESSIBLE.test(file) ? gzipSync(body).length : body.length;
}

async function searchCost(q: string) {
  const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('requestfinished', (request) => {
    requests.push(new URL(request.url()).pathname);
  });
  try {
    await page.goto(fixture.site.url + 'search/?q=' + encodeURIComponent(q));
    await page.locator(`#search-results[data-query="${q}"]`).waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    const shown = await page.locator('#search-results > li').count();
    const matches = Number(await page.locator('#search-results').getAttribute('data-matches'));
    const sizes = requests.map((path) => ({ path, bytes: sentBytes(path) }));
    return { requests, sizes, bytes: sizes.reduce((n, s) => n + s.bytes, 0), shown, matches };
  } finally {
    await context.close();
  }
}

describe('the cost of one search', () => {
  for (const q of ['网格', '楼长制', '十四五规划', '深化走访联系企业机制', '党建 引领 治理']) {
    it(`${q}: a bounded number of files and bytes, one fragment per result shown`, async () => {
      const { requests, sizes, bytes, shown, matches } = await searchCost(q);
      const index = requests.filter((r) => r.includes('/search-index/'));
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThanOrEqual(10);
      expect(matches).toBeGreaterThanOrEqual(shown);
      expect(requests.length).toBeLessThanOrEqual(40);
      const fragments = index.filter((r) => r.includes('/search-index/f/'));
      // Results shown plus the partial matches listed after them, at most ten in all.
      expect(fragments.length).toBeLessThanOrEqual(10);
      expect(index.filter((r) => r.endsWith('/filters.json') || r.endsWith('/entities.json'))).toEqual([]);
      expect(requests.some((r) => r.includes('/pagefind/'))).toBe(false);
      // A word of three or more characters needs positions only, never the gram shards' impacts.
      if (q.split(/\s+/).every((w) => w.length >= 3) && shown >= 10)
        expect(index.filter((r) => r.includes('/search-index/g/'))).toEqual([]);

      expect(bytes, sizes.map((s) => `${s.path} ${s.bytes}`).join('\n')).toBeLessThanOrEqual(SEARCH_BUDGET);
      for (const { path, bytes: fileBytes } of sizes) {
        const cap = FILE_CAPS.find(([pattern]) => pattern.test(path))?.[1];
        if (cap !== undefined) expect(fileBytes, path).toBeLessThanOrEqual(cap);
      }
      expect(sizes.every((s) => s.bytes > 0)).toBe(true);
    });
  }
});
