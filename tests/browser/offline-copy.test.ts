import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { filesUnder } from '../../tools/files-under.ts';
import { serveStatic } from '../../tools/static-server.ts';

/**
 * The copy a reader opens from disk: scripts/build-offline.ts (what `npm run build:offline` runs
 * after the build) applied to the built site, then browsed over file:// URLs.
 */
const work = mkdtempSync(join(tmpdir(), 'offline-copy-'));
const OUT = join(work, 'dist-offline');
const ZIP = join(work, 'dist-offline.zip');
const fileUrl = (path: string) => pathToFileURL(join(OUT, path)).href;

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-offline.ts', '--dist', DIST, '--out', OUT, '--zip', ZIP, '--base', '/'], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: 'pipe',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the offline copy on disk', () => {
  it('has every page, no server-only files, and a zip of exactly the same files', () => {
    const files = filesUnder(OUT);
    const pages = filesUnder(DIST).filter((f) => f.endsWith('.html'));
    expect(pages.filter((p) => !files.includes(p))).toEqual([]);
    expect(
      files.filter(
        (f) =>
          f.startsWith('search-index/') ||
          f.startsWith('share/') ||
          ['sw.js', 'sitemap.xml', 'robots.txt', 'manifest.webmanifest'].includes(f),
      ),
    ).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['offline/search-index/meta.js', 'offline/offline-search.js', '使用说明.txt']));
    // The same sharded index as online, each file a plain script.
    const online = filesUnder(join(DIST, 'search-index')).filter((f) => f.endsWith('.json'));
    expect(files.filter((f) => f.startsWith('offline/search-index/')).sort()).toEqual(
      online.map((f) => `offline/search-index/${f.replace(/\.json$/, '.js')}`).sort(),
    );

    const zipped = unzipSync(new Uint8Array(readFileSync(ZIP)));
    const names = Object.keys(zipped).filter((n) => !n.endsWith('/'));
    expect(names.map((n) => n.replace(/^dist-offline\//, '')).sort()).toEqual(files);
    for (const name of names)
      expect(Buffer.from(zipped[name]).equals(readFileSync(join(OUT, name.replace(/^dist-offline\//, '')))), name).toBe(true);
  });

  it('links only to files it has, by relative URLs, with every #anchor present', () => {
    const ids = new Map<string, Set<string>>();
    const links: Array<{ from: string; target: string; hash: string }> = [];
    const absolute: string[] = [];
    for (const file of filesUnder(OUT).filter((f) => f.endsWith('.html'))) {
      const found = new Set<string>();
      visit(fromHtml(readFileSync(join(OUT, file), 'utf8')), 'element', (el: Element) => {
        if (typeof el.properties.id === 'string') found.add(el.properties.id);
        for (const attr of ['href', 'src', 'action']) {
          const value = el.properties[attr];
          if (typeof value !== 'string' || value === '' || /^[a-z]+:/i.test(value)) continue;
          if (value.startsWith('/')) absolute.push(`${file}: ${value}`);
          const url = new URL(value, pathToFileURL(join(OUT, file)));
          links.push({ from: file, target: decodeURIComponent(url.pathname), hash: decodeURIComponent(url.hash.slice(1)) });
        }
      });
      ids.set(join(OUT, file), found);
    }
    expect(absolute).toEqual([]);
    expect(links.length).toBeGreaterThan(5000);
    const missingFiles = links.filter((l) => !existsSync(l.target)).map((l) => `${l.from} → ${l.target}`);
    expect(missingFiles).toEqual([]);
    const missingAnchors = links
      .filter((l) => l.hash && ids.has(l.target) && !ids.get(l.target)!.has(l.hash))
      .map((l) => `${l.from} → ${l.target}#${l.hash}`);
    expect(missingAnchors).toEqual([]);
  });

  it('opens from index.html with its styles, goes to a document and back', async () => {
    await page.goto(fileUrl('index.html'));
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toMatch(/^#/);
    const link = page.locator('main a[href*="documents/changzheng-14th-five-year-plan/"]').first();
    await link.click();
    await page.waitForURL(/documents\/changzheng-14th-five-year-plan\/index\.html$/);
    expect(await page.locator('h1').textContent()).toContain('十四个五年规划');
    expect(await page.locator('#document-body p').count()).toBeGreaterThan(20);
    // An entity link inside the text leads to the entity page.
    await page.locator('#document-body a.entity-link').first().click();
    await page.waitForURL(/\/(policies|projects|governance)\/[^/]+\/index\.html$/);
    expect(await page.locator('main h1').count()).toBe(1);
    await page.goBack();
    await page.goBack();
    await page.waitForURL(fileUrl('index.html'));
    expect(await page.locator('h1').first().textContent()).toBe('长征镇政策文件库');
  });

  it('searches with ?q= from disk, loading the index as plain scripts', async () => {
    await page.goto(fileUrl('search/index.html') + '?q=' + encodeURIComponent('建德模式'));
    await page.locator('#search-results li a').first().waitFor();
    expect(await page.locator('#search-input').inputValue()).toBe('建德模式');
    const texts = await page.locator('#search-results li').allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.every((t) => t.includes('建德模式'))).toBe(true);
    expect(await page.locator('#search-results li mark').first().textContent()).toBe('建德模式');
    expect(await page.locator('#search-status').textContent()).toMatch(/找到 \d+ 个包含“建德模式”的结果/);
    const first = page.locator('#search-results li a').first();
    expect(await first.textContent()).toBe('建德模式'); // the entity page ranks first
    await first.click();
    await page.waitForURL(/governance\/.+\/index\.html/);
    expect(await page.locator('main').textContent()).toContain('建德模式');
  });

  it('searches from the header box of any page, and says when nothing is found', async () => {
    await page.goto(fileUrl('documents/changzheng-2022-plan/index.html'));
    await page.locator('#site-search-input').fill('宝能西上海中心');
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL(/search\/index\.html\?q=/);
    await page.locator('#search-results li a').first().waitFor();
    expect(await page.locator('#search-results li').first().textContent()).toContain('宝能西上海中心');

    await page.locator('#search-input').fill('不存在的词语组合');
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(/q=%E4%B8%8D/);
    // The address changes as the search starts; its results replace the list when they are ready.
    await page.locator('#search-results[data-query="不存在的词语组合"]').waitFor({ state: 'attached' });
    expect(await page.locator('#search-results li').count()).toBe(0);
    expect(await page.locator('#search-status').textContent()).toContain('没有找到');
  });

  it('finds what the online search finds, in the same order and with the same count', async () => {
    const site = await serveStatic(DIST);
    const online = await browser.newPage();
    try {
      const results = async (p: Page, url: string, q: string, toPath: (href: string) => string) => {
        await p.goto(url + '?q=' + encodeURIComponent(q));
        await p.locator(`#search-results[data-query="${q}"]`).waitFor({ state: 'attached' });
        const hrefs = await p
          .locator('#search-results > li')
          .evaluateAll((lis) => lis.map((li) => (li.querySelector('a.result-link') as HTMLAnchorElement).href));
        return { matches: await p.locator('#search-results').getAttribute('data-matches'), paths: hrefs.map(toPath) };
      };
      const root = pathToFileURL(OUT).href + '/';
      for (const q of ['网格', '楼长制', '十四五规划', '社區治理', '深化走访联系企业机制', 'Ｇ２', '党建 引领 治理', 'CBD', '楼']) {
        const there = await results(online, site.url + 'search/', q, (h) => new URL(h).pathname);
        const here = await results(
          page,
          fileUrl('search/index.html'),
          q,
          (h) =>
            '/' +
            decodeURI(h)
              .slice(root.length)
              .replace(/index\.html(\?[^#]*)?(#.*)?$/, ''),
        );
        expect(here, q).toEqual({ ...there, paths: there.paths.map(decodeURI) });
        expect(Number(there.matches), q).toBeGreaterThan(0);
      }
    } finally {
      await online.close();
      await site.close();
    }
  });

  it('runs without script errors', () => expect(pageErrors).toEqual([]));
});

describe('the zip', () => {
  it('unpacks to one folder with index.html at its top', () => {
    const zipped = unzipSync(new Uint8Array(readFileSync(ZIP)));
    expect(Object.keys(zipped).every((n) => n.startsWith('dist-offline/'))).toBe(true);
    expect(zipped['dist-offline/index.html']).toBeDefined();
    expect(dirname('dist-offline/index.html')).toBe('dist-offline');
  });
});
