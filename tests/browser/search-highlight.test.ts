import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { site as siteConfig } from '../../src/config/site.config.ts';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/**
 * The search page as readers use it: the box focused only when arriving without a query, `/` as the
 * shortcut never typed into the box, kind tabs (全部, 文件 first, then the site's kinds) with counts,
 * the filters folded on a phone, and the searched words highlighted on the opened document.
 */
const fixture = useSiteInBrowser(DIST);
let page: Page;
beforeEach(async () => {
  page = await fixture.browser.newPage();
});
afterEach(async () => {
  await page?.close();
});

const searchUrl = (q = '') => fixture.site.url + 'search/' + (q ? '?q=' + encodeURIComponent(q) : '');
const rendered = (q: string) =>
  page.waitForFunction(
    (q) =>
      document.getElementById('search-results')?.dataset.query === q &&
      !document.getElementById('search-results')?.hasAttribute('aria-busy'),
    q,
  );
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('focus and the / key', () => {
  it('focuses the box when arriving without a query, and not with one', async () => {
    await page.goto(searchUrl());
    await page.locator('#search-page[data-search-ready]').waitFor({ state: 'attached' });
    expect(await focusedId()).toBe('search-input');
    await page.goto(searchUrl('楼长制'));
    await rendered('楼长制');
    expect(await focusedId()).not.toBe('search-input');
  });

  it('/ focuses the box without typing a slash, with or without a query', async () => {
    await page.goto(searchUrl('楼长制'));
    await rendered('楼长制');
    await page.keyboard.press('/');
    expect(await focusedId()).toBe('search-input');
    expect(await page.locator('#search-input').inputValue()).toBe('楼长制');
    await page.keyboard.type('楼');
    // The shortcut selected the query: typing replaces it, with no slash anywhere.
    expect(await page.locator('#search-input').inputValue()).toBe('楼');

    await page.goto(searchUrl());
    await page.locator('#search-page[data-search-ready]').waitFor({ state: 'attached' });
    await page.keyboard.press('/');
    await page.keyboard.type('楼长制');
    expect(await page.locator('#search-input').inputValue()).toBe('楼长制');
  });
});

describe('kind tabs', () => {
  it("lists 全部 and the kinds in the site configuration's order with counts that add up, 文件 first", async () => {
    await page.goto(searchUrl('网格'));
    await rendered('网格');
    const tabs = await page.locator('#search-kinds a').evaluateAll((as) => as.map((a) => [a.getAttribute('data-kind'), a.textContent]));
    expect(tabs.map(([k]) => k)).toEqual(['', siteConfig.documentsLabel, ...siteConfig.kinds.map((k) => k.badge)]);
    const counts = tabs.map(([, t]) => Number(/（(\d+)）/.exec(t!)![1]));
    expect(counts[0]).toBe(counts.slice(1).reduce((a, b) => a + b, 0));
    expect(counts[0]).toBe(Number(/找到 (\d+) 个/.exec((await page.locator('#search-status').textContent())!)![1]));
    // The first result is a document.
    expect(await page.locator('#search-results > li .result-badge').first().textContent()).toBe(siteConfig.documentsLabel);

    await page.locator(`#search-kinds a[data-kind="${siteConfig.kinds[2].badge}"]`).click();
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('类型') === k, siteConfig.kinds[2].badge);
    // The tab's results in full: the first three are shown before the rest are appended, so also wait until the list is not busy.
    await page.waitForFunction(
      (k) =>
        !document.getElementById('search-results')?.hasAttribute('aria-busy') &&
        [...document.querySelectorAll('#search-results > li .result-badge')].every((b) => b.textContent === k),
      siteConfig.kinds[2].badge,
    );
    expect(await page.locator('#search-results > li').count()).toBe(Math.min(10, counts[4])); // 全部, 文件, then kinds[0..2]
  });
});

describe('filters on a phone', () => {
  it('fold under a 筛选 button in one compact row, so the first result is near the top', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(searchUrl('楼长制'));
    await rendered('楼长制');
    const toggle = page.locator('#search-filters-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator('#search-filters').isVisible()).toBe(false);
    const top = await page
      .locator('#search-results > li')
      .first()
      .evaluate((li) => li.getBoundingClientRect().top);
    expect(top).toBeLessThan(450);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('select[name="年份"]').isVisible()).toBe(true);
  });

  it('on a wide screen the filters are one row and there is no toggle', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(searchUrl('楼长制'));
    await rendered('楼长制');
    expect(await page.locator('#search-filters-toggle').isVisible()).toBe(false);
    const tops = await page.locator('#search-filters select').evaluateAll((ss) => ss.map((s) => Math.round(s.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(1);
    expect(new Set(tops).size).toBe(1);
  });
});

describe('highlight on the opened page', () => {
  it('a result link carries the words; the document marks them and scrolls to the first hit', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(searchUrl('营商环境'));
    await rendered('营商环境');
    const first = page.locator('#search-results > li').first();
    expect(await first.locator('.result-badge').textContent()).toBe(siteConfig.documentsLabel);
    const href = (await first.locator('a.result-link').getAttribute('href'))!;
    expect(new URL(href, fixture.site.url).searchParams.get('highlight')).toBe('营商环境');
    await first.locator('a.result-link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/documents/'));
    const marks = page.locator('#document-body mark.search-hit');
    await marks.first().waitFor();
    expect(await marks.count()).toBeGreaterThan(0);
    expect((await marks.allTextContents()).every((t) => t === '营商环境')).toBe(true);
    await expect
      .poll(() =>
        marks.first().evaluate((m) => {
          const r = m.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      )
      .toBe(true);
  });

  it('marks a phrase across inline elements and leaves pages opened without the parameter alone', async () => {
    await page.goto(fixture.site.url + 'documents/changzheng-2022-plan/?highlight=' + encodeURIComponent('楼长制 三送一关怀'));
    const marks = await page.locator('#document-body mark.search-hit').allTextContents();
    expect(marks.join('')).toContain('楼长制');
    expect(marks.join('')).toContain('三送一关怀');
    await page.goto(fixture.site.url + 'documents/changzheng-2022-plan/');
    expect(await page.locator('mark.search-hit').count()).toBe(0);
  });
});
