import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

const fixture = useSiteInBrowser(DIST);
let site: typeof fixture.site;
let page: Page;

beforeEach(async () => {
  site = fixture.site;
  await page?.close();
  page = await fixture.browser.newPage();
  // Record the search page's events: every search started, every result list rendered.
  await page.addInitScript(() => {
    const log: Array<{ type: string; q: string; complete?: boolean }> = [];
    (window as unknown as { searchLog: typeof log }).searchLog = log;
    for (const type of ['search:start', 'search:rendered']) {
      document.addEventListener(type, (e) => log.push({ type, ...(e as CustomEvent).detail }));
    }
  });
});

const searchUrl = (params: Record<string, string> = {}) =>
  site.url + 'search/' + (Object.keys(params).length ? '?' + new URLSearchParams(params) : '');
const log = () =>
  page.evaluate(() => (window as unknown as { searchLog: Array<{ type: string; q: string; complete?: boolean }> }).searchLog);

/** Waits until the results for `q` are rendered with every page checked. */
async function resultsFor(q: string) {
  await page.waitForFunction(
    (q) =>
      (window as unknown as { searchLog: Array<{ type: string; q: string; complete?: boolean }> }).searchLog.some(
        (e) => e.type === 'search:rendered' && e.q === q && e.complete,
      ),
    q,
  );
}
/** The results are listed in full: the first screen comes first and the rest is appended, so wait until the list is no longer busy. */
const listed = () =>
  document.querySelector('#search-results:not([aria-busy])') !== null && document.querySelectorAll('#search-results > li').length > 0;
const resultHrefs = () =>
  page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => li.querySelector('a')!.getAttribute('href')!));
const pathOf = (href: string) => decodeURI(new URL(href, site.url).pathname);
/** The built page behind a result. */
const builtPage = (href: string) => readFileSync(join(DIST, pathOf(href), 'index.html'), 'utf8');

describe('typing', () => {
  it('shows results as the reader types, one search per pause rather than per keystroke', async () => {
    await page.goto(searchUrl());
    await page.locator('#search-page[data-search-ready]').waitFor({ state: 'attached' });
    await page.locator('#search-input').click();
    const phrase = '深化走访联系企业机制';
    await page.keyboard.type(phrase, { delay: 20 });
    await resultsFor(phrase);
    const starts = (await log()).filter((e) => e.type === 'search:start' && e.q !== '');
    expect(starts.length).toBeGreaterThanOrEqual(1);
    expect(starts.length).toBeLessThanOrEqual(phrase.length / 2);
    expect(starts[starts.length - 1].q).toBe(phrase);

    const first = page.locator('#search-results > li').first();
    expect(await first.locator('mark').first().textContent()).toBe(phrase);
    expect(await page.locator('#search-status').textContent()).toMatch(/找到 \d+ 个包含“深化走访联系企业机制”的结果/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(phrase);
  });

  it('links straight to the section of a document where the phrase occurs', async () => {
    await page.goto(searchUrl({ q: '深化走访联系企业机制' }));
    await resultsFor('深化走访联系企业机制');
    const doc = page.locator('#search-results > li', { has: page.locator('a[href*="/documents/changzheng-14th-five-year-plan/"]') });
    // The excerpt links to its paragraph; further occurrences get links of their own.
    const section = doc.locator('a.result-excerpt-link, a.result-section').first();
    const href = (await section.getAttribute('href'))!;
    expect(href).toMatch(/#.+/);
    expect(await section.locator('mark').first().textContent()).toBe('深化走访联系企业机制');
    await section.click();
    await page.waitForURL((url) => url.pathname.includes('/documents/changzheng-14th-five-year-plan/'));
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${id}"]`).textContent()).toContain('深化走访联系企业机制');
  });
});

describe('keyboard', () => {
  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    await page.goto(searchUrl({ q: '楼长制' }));
    await resultsFor('楼长制');
    const hrefs = await resultHrefs();
    expect(hrefs.length).toBeGreaterThan(2);
    await page.locator('#search-input').focus();
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href') ?? document.activeElement!.id);

    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(hrefs[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(hrefs[1]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(hrefs[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(hrefs[1]);
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('search-input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search-input');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === pathOf(hrefs[1]));
    expect(await page.locator('main').textContent()).toContain('楼长制');
  });

  it('focuses the search box with / and Ctrl+K', async () => {
    await page.goto(site.url + 'documents/changzheng-2022-plan/');
    await page.keyboard.press('Control+K');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.goto(searchUrl());
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  });
});

describe('URL state', () => {
  it('keeps query and filters in the URL, and Back and Forward restore them', async () => {
    await page.goto(searchUrl());
    await page.locator('#search-input').fill('楼长制');
    await resultsFor('楼长制');
    expect(new URL(page.url()).searchParams.get('q')).toBe('楼长制');
    const all = await resultHrefs();
    expect(all.some((h) => h.includes('/policies/'))).toBe(true);

    await page.locator('#search-input').blur();
    await page.locator('#search-kinds a[data-kind="文件"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('类型') === '文件');
    await page.locator('#search-kinds a[data-kind="文件"][aria-current="true"]').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#search-results > li .result-badge')].every((b) => b.textContent === '文件'),
    );
    const documents = await resultHrefs();
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((h) => h.includes('/documents/'))).toBe(true);

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('类型'));
    await page.locator('#search-kinds a[data-kind=""][aria-current="true"]').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, all.length);
    expect(await resultHrefs()).toEqual(all);

    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    expect(await page.locator('#search-input').inputValue()).toBe('');
    expect(await page.locator('#search-guide').isVisible()).toBe(true);
    expect(await page.locator('#search-results > li').count()).toBe(0);

    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '楼长制');
    expect(await page.locator('#search-input').inputValue()).toBe('楼长制');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, all.length);
  });

  it('opens a shared link with its query and filters', async () => {
    await page.goto(searchUrl({ q: '楼长制', 类型: '文件' }));
    await resultsFor('楼长制');
    expect(await page.locator('#search-input').inputValue()).toBe('楼长制');
    expect(await page.locator('#search-kinds a[aria-current="true"]').getAttribute('data-kind')).toBe('文件');
    const hrefs = await resultHrefs();
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.includes('/documents/'))).toBe(true);
    expect(await page.title()).toContain('楼长制');
  });
});

describe('filters', () => {
  it('keeps only pages with the chosen year, and counts the matches per value', async () => {
    await page.goto(searchUrl({ q: '党建引领' }));
    await resultsFor('党建引领');
    // The filters' values and counts load when the reader turns to the filters.
    await page.locator('select[name="年份"]').focus();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('select[name="年份"] option')].some((o) => /^2025（\d+）$/.test(o.textContent ?? '')),
    );
    const options = await page.locator('select[name="年份"] option').allTextContents();
    expect(options).toContain('全部');
    expect(options.some((o) => /^2025（\d+）$/.test(o))).toBe(true);

    await page.locator('select[name="年份"]').selectOption('2025');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('年份') === '2025');
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').includes('年份：2025'));
    const hrefs = await resultHrefs();
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.map(pathOf)).toContain('/documents/putuo-grassroots-governance-2025/');
    for (const href of hrefs) expect(builtPage(href), href).toContain('data-search-filter="年份:2025"');
    const count = Number(/2025（(\d+)）/.exec((await page.locator('select[name="年份"] option:checked').textContent())!)![1]);
    expect(count).toBe(Number(/找到 (\d+) 个/.exec((await page.locator('#search-status').textContent())!)![1]));
  });

  it('filters by source document and by region', async () => {
    const title = '长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知';
    await page.goto(searchUrl({ q: '楼长制', 来源文件: title, 地区: '普陀区长征镇' }));
    await resultsFor('楼长制');
    const hrefs = await resultHrefs();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const html = builtPage(href);
      expect(html, href).toContain(`来源文件:${title}`);
      expect(html, href).toContain('地区:普陀区长征镇');
    }
  });

  it('lists every page of a type when only a filter is chosen', async () => {
    await page.goto(searchUrl({ 类型: '文件' }));
    await page.waitForFunction(listed);
    expect((await resultHrefs()).map(pathOf).sort()).toEqual(
      [
        'changzheng-14th-five-year-plan',
        'changzheng-2022-plan',
        'changzheng-party-building-2023',
        'putuo-grassroots-governance-2025',
        'xinhong-hub-party-building',
      ].map((s) => `/documents/${s}/`),
    );
  });
});

describe('traditional characters and full-width forms', () => {
  it('finds the same pages for 社區治理 as for 社区治理, and marks the simplified text', async () => {
    await page.goto(searchUrl({ q: '社区治理' }));
    await resultsFor('社区治理');
    const simplified = await resultHrefs();
    await page.goto(searchUrl({ q: '社區治理' }));
    await resultsFor('社區治理');
    expect(await resultHrefs()).toEqual(simplified);
    expect(await page.locator('#search-status').textContent()).toContain('已按“社区治理”搜索');
    expect(await page.locator('#search-results > li').first().locator('mark').first().textContent()).toBe('社区治理');
  });

  it('reads full-width letters and digits as ASCII', async () => {
    await page.goto(searchUrl());
    await page.locator('#search-input').fill('Ｇ２');
    await resultsFor('Ｇ２');
    const hrefs = (await resultHrefs()).map(pathOf);
    expect(hrefs).toContain('/documents/changzheng-2022-plan/');
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.toLowerCase()))).toEqual(new Set(['g2']));

    await page.locator('#search-input').fill('５６億元');
    await resultsFor('５６億元');
    expect((await resultHrefs()).map(pathOf)).toEqual(['/documents/changzheng-party-building-2023/']);
    expect(await page.locator('#search-results mark').first().textContent()).toBe('56亿元');
  });
});

describe('guidance', () => {
  it('explains how to search when the query is empty', async () => {
    await page.goto(searchUrl());
    expect(await page.locator('#search-guide').isVisible()).toBe(true);
    const example = page.locator('#search-guide a').first();
    const q = new URL((await example.getAttribute('href'))!, site.url).searchParams.get('q')!;
    await example.click();
    await resultsFor(q);
    expect(await page.locator('#search-guide').isVisible()).toBe(false);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
  });

  it('suggests entities with similar names when nothing contains the query', async () => {
    await page.goto(searchUrl({ q: '楼长治' }));
    await resultsFor('楼长治');
    expect(await page.locator('#search-status').textContent()).toContain('没有完全包含“楼长治”的页面');
    const suggestion = page.locator('#search-noresult a', { hasText: '楼长制' });
    expect(await suggestion.getAttribute('href')).toMatch(/\/policies\/louzhangzhi\/$/);
  });

  it('says so when nothing matches, with tips and a way to drop the filters', async () => {
    await page.goto(searchUrl({ q: '56亿元', 类型: '项目' }));
    await resultsFor('56亿元');
    expect(await page.locator('#search-results > li').count()).toBe(0);
    expect(await page.locator('#search-status').textContent()).toContain('没有找到与“56亿元”相关的内容');
    expect(await page.locator('#search-noresult').textContent()).toContain('去掉筛选条件');
    await page.locator('#search-noresult button', { hasText: '清除筛选条件' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('类型'));
    await page.waitForFunction(listed);
    expect((await resultHrefs()).map(pathOf)).toEqual(['/documents/changzheng-party-building-2023/']);
  });
});

describe('without JavaScript', () => {
  it('the header search box still takes the reader to the search page, which explains how to search', async () => {
    const context = await fixture.browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      await plain.goto(site.url + 'documents/changzheng-2022-plan/');
      await plain.locator('#site-search-input').fill('楼长制');
      await plain.locator('#site-search-input').press('Enter');
      await plain.waitForURL((url) => url.pathname.endsWith('/search/'));
      expect(new URL(plain.url()).searchParams.get('q')).toBe('楼长制');
      expect(await plain.locator('#search-guide').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
