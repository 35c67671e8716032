import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/**
 * What one search costs a reader: the page, its scripts and styles, and only the index files the
 * query needs (meta, a name shard, gram and position shards, one fragment per result shown), never
 * a list or the text of every page.
 */
const fixture = useSiteInBrowser(DIST);

async function searchCost(q: string) {
  const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests: string[] = [];
  let bytes = 0;
  page.on('requestfinished', async (request) => {
    requests.push(new URL(request.url()).pathname);
    bytes += (await request.sizes()).responseBodySize;
  });
  try {
    await page.goto(fixture.site.url + 'search/?q=' + encodeURIComponent(q));
    await page.locator(`#search-results[data-query="${q}"]`).waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    const shown = await page.locator('#search-results > li').count();
    const matches = Number(await page.locator('#search-results').getAttribute('data-matches'));
    return { requests, bytes, shown, matches };
  } finally {
    await context.close();
  }
}

describe('the cost of one search', () => {
  for (const q of ['网格', '深化走访联系企业机制', '党建 引领 治理']) {
    it(`${q}: a bounded number of files, one fragment per result shown`, async () => {
      const { requests, shown, matches } = await searchCost(q);
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
    });
  }
});
