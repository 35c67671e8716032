import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { serveStatic } from '../../support/static-server.ts';
import { precacheManifest } from '../build/precache.ts';
import { waitForServiceWorker } from './service-worker.ts';

/**
 * Offline after the first visit: one visit to the home page precaches the site; then, with the
 * network gone (browser offline and the server shut down), never-visited pages open and search works.
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

  it('precaches the whole site on the first visit', async () => {
    await page.goto(site.url);
    const sw = await waitForServiceWorker(page);
    expect(sw.scope).toBe(site.url);
    const expected = precacheManifest(readFileSync(join(DIST, 'sw.js'), 'utf8')).map((e) => new URL(e.url, site.url).href);
    const cached = new Set(sw.precached.map((u) => u.replace(/\?__WB_REVISION__=.*$/, '')));
    expect(expected.filter((u) => !cached.has(u))).toEqual([]);
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

  it('opens pages never visited and searches, with no network at all', async () => {
    await context.setOffline(true);
    site.server.closeAllConnections();
    await site.close(); // nothing answers any more: only the service worker can

    await page.goto(site.url + 'documents/putuo-grassroots-governance-2025/');
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('#document-body p').count()).toBeGreaterThan(5);
    // The stylesheet came from the cache too.
    expect(await page.evaluate(() => getComputedStyle(document.body).lineHeight)).not.toBe('normal');

    await page.goto(site.url + 'governance/jiande-moshi/');
    expect(await page.locator('main h1').textContent()).toContain('建德模式');

    await page.goto(site.url + 'search/?q=' + encodeURIComponent('楼长制'));
    await page.locator('#search-results li a').first().waitFor({ timeout: 15_000 });
    const texts = await page.locator('#search-results li').allTextContents();
    expect(texts.some((t) => t.includes('楼长制'))).toBe(true);

    // A result opens offline as well.
    await page.locator('#search-results li a').first().click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('main').textContent()).toContain('楼长');

    // An address the site does not have gets the cached 404 page, not the browser's error page.
    const response = await page.goto(site.url + 'no/such/page/');
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
  });
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

  const regenerate = () => execFileSync('npx', ['tsx', 'scripts/generate-service-worker.ts', work], { cwd: join(import.meta.dirname, '../..'), stdio: 'pipe' });

  it('replaces the cache cleanly: changed files refreshed, removed files dropped, one precache left', async () => {
    const doc = join(work, 'documents/changzheng-2022-plan/index.html');
    writeFileSync(join(work, 'retired.txt'), 'only in the first build');
    regenerate();
    const page = await context.newPage();
    await page.goto(site.url);
    const first = await waitForServiceWorker(page);
    expect(first.precached.some((u) => u.includes('retired.txt'))).toBe(true);

    // The next build: one page changed, one file gone.
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('</h1>', '<span id="new-build-marker">（新版）</span></h1>'));
    rmSync(join(work, 'retired.txt'));
    regenerate();

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
    await page.goto(site.url + 'documents/changzheng-2022-plan/');
    expect(await page.locator('#new-build-marker').count()).toBe(1);
  });
});
