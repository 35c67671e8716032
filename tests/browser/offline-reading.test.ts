import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { readBuiltPages } from '../../src/lib/postbuild/built-pages.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { generateServiceWorker, precacheList } from '../../src/lib/postbuild/generate-service-worker.ts';
import { waitForServiceWorker } from '../support/service-worker-state.ts';

/**
 * Offline within a budget: one visit to the home page precaches the shell, the listings and the
 * search core; a page not yet saved shows the offline page; after 保存全部以便离线阅读 on /offline/,
 * with the network gone (browser offline and the server shut down), every page opens and search works.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('after one visit, offline', () => {
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await serveStatic(DIST);
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    site.server.closeAllConnections();
    await site?.close();
  });

  it('precaches the shell, listings and search core on the first visit', async () => {
    await page.goto(site.url);
    const sw = await waitForServiceWorker(page);
    expect(sw.scope).toBe(site.url);
    const expected = precacheList(readFileSync(join(DIST, 'sw.js'), 'utf8')).map((e) => new URL(e.url, site.url).href);
    const cached = new Set(sw.precached.map((u) => u.replace(/\?__WB_REVISION__=.*$/, '')));
    expect(expected.filter((u) => !cached.has(u))).toEqual([]);
    expect(expected).toContain(site.url + 'offline/index.html');
    expect(expected.some((u) => u.includes('/documents/changzheng-2022-plan/'))).toBe(false);
  });

  it('is installable as an app (manifest, icons, service worker)', async () => {
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(site.url + 'manifest.webmanifest');
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Test contexts are incognito-like; that is the only thing allowed to stand in the way.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    await cdp.detach();
  });

  it('offline, a page not yet saved shows the offline page, which links to what is saved', async () => {
    await context.setOffline(true);
    await page.goto(site.url + 'documents/putuo-grassroots-governance-2025/');
    expect(await page.locator('main h1').textContent()).toBe('离线阅读');
    await page.locator('[data-unsaved-notice]:not([hidden])').waitFor();
    await page.locator('[data-saved-list] a').first().waitFor();
    const saved = await page.locator('[data-saved-list] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(saved).toContain(site.url);
    expect(saved).toContain(site.url + 'documents/');
    // What it links to opens offline.
    await page.goto(site.url + 'documents/');
    expect(await page.locator('main h1').textContent()).toContain('文件');
    await context.setOffline(false);
  });

  it('保存全部以便离线阅读 shows the size of the rest and saves it with a progress bar, by keyboard', async () => {
    await page.goto(site.url + 'offline/');
    await page
      .locator('[data-save-size]')
      .filter({ hasText: /约 [\d.]+ (MB|KB)/ })
      .waitFor();
    const button = page.getByRole('button', { name: '保存全部以便离线阅读' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('progress[data-save-progress]').isVisible()).toBe(true);
    await page.locator('[data-save-status]').filter({ hasText: '全部内容已保存' }).waitFor({ timeout: 120_000 });
    expect(
      await page
        .locator('progress[data-save-progress]')
        .evaluate((p) => (p as HTMLProgressElement).value === (p as HTMLProgressElement).max),
    ).toBe(true);
    // Saved: the date and the number of pages, no more offer to save, and a persistence request.
    await page
      .locator('[data-save-size]')
      .filter({ hasText: /^已保存（\d{4}年\d{1,2}月\d{1,2}日，\d+ 页）/ })
      .waitFor();
    const pages = Number(/，(\d+) 页）/.exec((await page.locator('[data-save-size]').textContent())!)![1]);
    expect(pages).toBe(await page.locator('[data-saved-list] li').count());
    expect(await button.isVisible()).toBe(false);
    expect(await page.locator('[data-save-size]').textContent()).not.toContain('其余内容');
    expect(await page.locator('[data-save-status]').textContent()).toMatch(/浏览器(会长期保留|在存储空间不足时可能清除)/);
    // Saved pages by title and kind, documents first, never a raw address.
    const items = await page
      .locator('[data-saved-list] li')
      .evaluateAll((lis) => lis.map((li) => [li.querySelector('.saved-kind')?.textContent ?? '', li.querySelector('a')!.textContent!]));
    expect(items.filter(([, title]) => title.startsWith('/'))).toEqual([]);
    expect(items[0][0]).toBe('文件');
    const kinds = items.map(([kind]) => kind);
    expect(kinds.indexOf('文件')).toBeLessThan(kinds.indexOf('政策'));
    expect(kinds.lastIndexOf('文件')).toBeLessThan(kinds.indexOf('政策'));
  }, 180_000);

  it('after saving all, every page opens and search works, with no network at all', async () => {
    await context.setOffline(true);
    site.server.closeAllConnections();
    await site.close(); // nothing answers any more: only the service worker can

    // Every page is in a cache the worker answers navigations from …
    const pages = listPages(DIST);
    const uncached = await page.evaluate(
      async (urls) => {
        const out: string[] = [];
        for (const u of urls) if (!(await caches.match(u)) && !(await caches.match(u + 'index.html', { ignoreSearch: true }))) out.push(u);
        return out;
      },
      pages.map((p) => site.url + p),
    );
    expect(uncached).toEqual([]);
    // … and pages of every type open from it (one of each kind of address, and a sample of the rest).
    const sample = pages.filter((p, i) => !/^[^/]+\/[^/]+\/(mentions\/)?$/.test(p) || i % 10 === 0);
    const failures: string[] = [];
    for (const p of sample) {
      const response = await page.goto(site.url + p, { waitUntil: 'domcontentloaded' });
      const h1 = await page.locator('main h1').first().textContent();
      if (!response?.ok() || (h1 === '离线阅读' && p !== 'offline/')) failures.push(`${p}: ${response?.status()} ${h1}`);
    }
    expect(failures).toEqual([]);

    await page.goto(site.url + 'documents/putuo-grassroots-governance-2025/');
    expect(await page.locator('#document-body p').count()).toBeGreaterThan(5);
    // The stylesheet came from the cache too.
    expect(await page.evaluate(() => getComputedStyle(document.body).lineHeight)).not.toBe('normal');

    await page.goto(site.url + 'search/?q=' + encodeURIComponent('楼长制'));
    await page.locator('#search-results li a').first().waitFor({ timeout: 15_000 });
    const texts = await page.locator('#search-results li').allTextContents();
    expect(texts.some((t) => t.includes('楼长制'))).toBe(true);
    await page.locator('#search-results li a').first().click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('main').textContent()).toContain('楼长');

    // An address the site does not have gets the offline page, not the browser's error page.
    const response = await page.goto(site.url + 'no/such/page/');
    expect(response?.status()).toBe(200);
    expect(await page.locator('main h1').textContent()).toBe('离线阅读');
  }, 300_000);
});

describe('a new build', () => {
  let work: string;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let context: BrowserContext;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sw-update-'));
    cpSync(DIST, work, { recursive: true });
    site = await serveStatic(work);
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    site.server.closeAllConnections();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const regenerate = () => generateServiceWorker(work, readBuiltPages(work));

  it('replaces the cache cleanly: changed files refreshed, removed files dropped, one precache left', async () => {
    const doc = join(work, 'documents/index.html');
    writeFileSync(join(work, 'icons/retired.txt'), 'only in the first build');
    await regenerate();
    const page = await context.newPage();
    await page.goto(site.url);
    const first = await waitForServiceWorker(page);
    expect(first.precached.some((u) => u.includes('retired.txt'))).toBe(true);

    // The next build: one page changed, one file gone.
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('</h1>', '<span id="new-build-marker">（新版）</span></h1>'));
    rmSync(join(work, 'icons/retired.txt'));
    await regenerate();

    const updated = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      await registration.update();
      await changed;
      return true;
    });
    expect(updated).toBe(true);
    const after = await waitForServiceWorker(page);
    expect(after.caches.filter((n) => n.includes('-precache-'))).toHaveLength(1);
    expect(after.precached.some((u) => u.includes('retired.txt'))).toBe(false);

    // Served from the new precache, even offline.
    await context.setOffline(true);
    await page.goto(site.url + 'documents/');
    expect(await page.locator('#new-build-marker').count()).toBe(1);
  });
});
