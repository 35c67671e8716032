import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { waitForServiceWorker } from '../support/service-worker-state.ts';

/**
 * No third-party requests, ever: every request the browser makes while a reader browses and
 * searches (pages, workers, the service worker's precaching) goes to the site's own origin.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;
let site: Awaited<ReturnType<typeof serveStatic>>;
const requests: string[] = [];

beforeAll(async () => {
  site = await serveStatic(DIST);
  browser = await launchChromium();
  context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  site.server.closeAllConnections();
  await site?.close();
});

describe('a reader browsing and searching', () => {
  it('only ever asks the site itself', async () => {
    await page.goto(site.url);
    const { precached } = await waitForServiceWorker(page); // the precache's downloads are counted too
    await page.locator('main a[href*="/documents/"]').first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('#document-body').count()).toBe(1);
    await page.locator('#document-body a.entity-link').first().click();
    await page.waitForLoadState('load');
    await page.goto(site.url + 'search/?q=' + encodeURIComponent('楼长制'));
    await page.locator('#search-results li a').first().waitFor();
    await page.locator('#search-input').fill('建德模式');
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(/q=/);
    await page.locator('#search-results li a').first().waitFor();
    await page.locator('#search-results li a').first().click();
    await page.waitForLoadState('load');
    // 保存全部以便离线阅读 downloads the rest of the site: all of it is counted too.
    await page.goto(site.url + 'offline/');
    await page.locator('[data-save-all]:not([disabled])').click();
    await page.locator('[data-save-status]').filter({ hasText: '全部内容已保存' }).waitFor({ timeout: 120_000 });

    const origin = new URL(site.url).origin;
    const network = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    // Pages, assets, the search index's files, the precache and the saved rest: the check below saw all of them.
    expect(network.length).toBeGreaterThan(precached.length);
    expect(network.some((u) => u.includes('/search-index/'))).toBe(true);
    expect(network.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  }, 240_000);
});
