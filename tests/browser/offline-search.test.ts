import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { waitForServiceWorker } from '../support/service-worker-state.ts';

/**
 * Offline search tells the truth: after a first visit (and one search online), with the browser
 * offline, a query whose index files were saved is answered from them, and a new query whose files
 * were not says the reader is offline, which part of the library is saved and links to 保存全部 —
 * never "refresh", and never under the previous query's results.
 */
const fixture = useSiteInBrowser(DIST);
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await fixture.browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await context?.setOffline(false);
  await context?.close();
});

const searchUrl = (q: string) => fixture.site.url + 'search/?q=' + encodeURIComponent(q);
const rendered = (q: string) =>
  page.waitForFunction(
    (q) =>
      document.getElementById('search-results')?.dataset.query === q &&
      !document.getElementById('search-results')?.hasAttribute('aria-busy'),
    q,
  );

describe('offline search after a first visit', () => {
  it('searches online once (its index files are saved as they load)', async () => {
    await page.goto(fixture.site.url);
    await waitForServiceWorker(page);
    await page.goto(searchUrl('楼长制'));
    await rendered('楼长制');
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
  });

  it('offline, a new query whose index is not saved clears the old results and says what to do', async () => {
    await context.setOffline(true);
    const input = page.locator('#search-input');
    await input.fill('深化社会治理创新提升镇域社会治理现代化水平');
    const status = page.locator('#search-status');
    await status.filter({ hasText: '离线' }).waitFor();
    const text = (await status.textContent())!;
    expect(text).not.toContain('刷新');
    expect(text).toMatch(/已保存搜索索引的 \d+ \/ \d+ 部分/);
    expect(await page.locator('#search-results > li').count()).toBe(0);
    const link = page.locator('#search-noresult a', { hasText: '保存全部以便离线阅读' });
    expect(new URL((await link.getAttribute('href'))!, fixture.site.url).pathname).toBe('/offline/');
  });

  it('offline, the query searched before is answered from the saved index', async () => {
    await page.goto(searchUrl('楼长制'));
    await rendered('楼长制');
    const texts = await page.locator('#search-results > li').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes('楼长制'))).toBe(true);
    expect(await page.locator('#search-status').textContent()).toMatch(/找到 \d+ 个/);
  });

  it('offline, another new query shows saved-part results or the clear message, never a stale list', async () => {
    await page.locator('#search-input').fill('网格');
    await page.waitForFunction(() => {
      const list = document.getElementById('search-results')!;
      const status = document.getElementById('search-status')!.textContent ?? '';
      return list.dataset.query === '网格' || status.includes('离线');
    });
    const status = (await page.locator('#search-status').textContent())!;
    expect(status).not.toContain('刷新');
    const items = await page.locator('#search-results > li').allTextContents();
    // Whatever is listed contains the new query (no result of 楼长制 left behind).
    for (const t of items) expect(t).toContain('网格');
    if (items.length === 0) expect(await page.locator('#search-noresult a[href$="/offline/"]').count()).toBe(1);
  });
});
