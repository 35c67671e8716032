import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { serveStatic } from '../../support/static-server.ts';
import { waitForServiceWorker } from './service-worker.ts';

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
    await waitForServiceWorker(page); // the precache downloads the whole site: all of it is counted
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

    const origin = new URL(site.url).origin;
    const network = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(network.length).toBeGreaterThan(200); // pages, assets, the search index and the precache
    expect(network.some((u) => u.includes('/search-index/'))).toBe(true);
    expect(network.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  });
});
