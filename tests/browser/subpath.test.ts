import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { cleanBuildEnv } from '../setup/build-site.ts';
import { launchChromium } from '../support/browser.ts';
import { checkLinks, manifestLinks, type LinkReport } from '../support/link-check.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { waitForServiceWorker } from '../support/service-worker-state.ts';

/**
 * Hosted under a sub-path: the site built with BASE_PATH=/zhengce/ (and a SITE_URL, so the
 * absolute-URL variants of canonical links and the sitemap are covered too), served under
 * /zhengce/ by a plain static host where nothing outside /zhengce/ exists.
 */
const BASE = '/zhengce/';
const SITE_URL = 'https://zhengce.example.gov.cn';
const WORK = join(tmpdir(), 'subpath-build');
const DIST = join(WORK, 'dist');

let site: Awaited<ReturnType<typeof serveStatic>>;
let report: LinkReport;
let missing: string;
let fromSitemap: string[];

beforeAll(async () => {
  if (!process.env.SKIP_SUBPATH_BUILD) {
    execSync('npm run build', {
      cwd: join(import.meta.dirname, '../..'),
      stdio: 'pipe',
      env: cleanBuildEnv({ WORK_DIR: WORK, BASE_PATH: BASE, SITE_URL }),
    });
  }
  site = await serveStatic(DIST, BASE);
  missing = site.url + 'documents/no-such-document/';
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(SITE_URL, new URL(site.url).origin));
  // Canonical links are absolute (SITE_URL): they are checked against this copy.
  const pages = [
    ...listPages(DIST).map((p) => site.url + p),
    site.url + '404.html',
    ...(await manifestLinks(site.url + 'manifest.webmanifest')),
  ];
  report = await checkLinks(pages, { rewrite: [{ from: SITE_URL, to: new URL(site.url).origin }] });
}, 300_000);
afterAll(async () => {
  site?.server.closeAllConnections();
  await site?.close();
});

describe('built for /zhengce/', () => {
  it('reaches every page from the home page, and lists them all in the sitemap', () => {
    const pages = listPages(DIST).map((p) => BASE + p);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => !report.reachable.has(p))).toEqual([]);
    expect(fromSitemap.length).toBeGreaterThan(10);
    expect(fromSitemap.map((u) => decodeURI(new URL(u).pathname)).filter((p) => !report.pages.has(p))).toEqual([]);
  });
  it('has no broken link, asset or page outside the base', () => {
    expect(report.checked).toBeGreaterThan(report.pages.size * 10);
    expect(report.broken).toEqual([]);
  });
  it('has no link to a missing anchor', () => expect(report.missingAnchors).toEqual([]));
  it('links and loads nothing from another origin', () => expect(report.foreign).toEqual([]));
  it('serves its 404 page, with working links, for any missing address under the base', async () => {
    expect((await fetch(missing)).status).toBe(404);
    const html = await (await fetch(site.url + 'a/b/c/d')).text();
    expect(html).toContain('页面不存在');
    expect(html).toContain(`href="${BASE}"`);
    expect(html).toContain(`href="${BASE}favicon.svg"`);
  });
  it('writes absolute canonical links and sitemap URLs from SITE_URL', () => {
    const doc = readFileSync(join(DIST, 'documents/changzheng-2022-plan/index.html'), 'utf8');
    expect(doc).toContain(`<link rel="canonical" href="${SITE_URL}${BASE}documents/changzheng-2022-plan/">`);
    const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE_URL}${BASE}documents/changzheng-2022-plan/</loc>`);
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE_URL}${BASE}sitemap.xml`);
    // Mention lists repeat the documents' text: not in the sitemap.
    expect(sitemap).not.toMatch(/\/mentions\//);
    expect(doc).toContain(`<meta property="og:url" content="${SITE_URL}${BASE}documents/changzheng-2022-plan/">`);
    expect(doc).toContain(`<meta property="og:image" content="${SITE_URL}${BASE}share/documents/changzheng-2022-plan.png">`);
    expect(existsSync(join(DIST, 'share/documents/changzheng-2022-plan.png'))).toBe(true);
    const feed = readFileSync(join(DIST, 'feed.xml'), 'utf8');
    expect(feed).toContain(`<link rel="alternate" type="text/html" href="${SITE_URL}${BASE}documents/changzheng-2022-plan/"/>`);
    expect(feed).toContain(`<id>${SITE_URL}${BASE}feed.xml</id>`);
  });
});

describe('in a browser under /zhengce/', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => browser?.close());

  it('search results link to pages under the base', async () => {
    await page.goto(site.url + 'search/?q=' + encodeURIComponent('楼长制'));
    await page.locator('#search-results li a').first().waitFor();
    const hrefs = await page.locator('#search-results li a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(new URL(href).pathname.startsWith(BASE), href).toBe(true);
      expect((await fetch(href)).status, href).toBe(200);
    }
    await page.locator('#search-results li a').first().click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('main').textContent()).toContain('楼长');
  });

  it('installs its service worker with the base as scope and reads offline', async () => {
    await page.goto(site.url);
    const sw = await waitForServiceWorker(page);
    expect(sw.scope).toBe(site.url);
    expect(sw.precached.every((u) => new URL(u).pathname.startsWith(BASE))).toBe(true);
    await context.setOffline(true);
    await page.goto(site.url + 'projects/');
    expect(await page.locator('main h1').textContent()).toContain('项目');
    await context.setOffline(false);
  });
});
