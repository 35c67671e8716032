import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

const fixture = useSiteInBrowser(DIST);
let site: typeof fixture.site;
let page: Page;

beforeAll(async () => {
  site = fixture.site;
  page = await fixture.browser.newPage();
});

describe('reading a document', () => {
  it('follows a table-of-contents link to its heading', async () => {
    await page.goto(site.url + 'documents/changzheng-14th-five-year-plan/');
    const link = page.locator('nav.toc-rail a', { hasText: '（一）构建了特色鲜明的产业格局' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#/);
    await link.click();
    await page.waitForFunction((h) => decodeURIComponent(location.hash) === h, href);
    const heading = page.locator(`[id="${decodeURIComponent(href!.slice(1))}"]`);
    expect(await heading.evaluate((el) => el.tagName)).toBe('H4');
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
  });

  it('gives every paragraph a permalink to itself', async () => {
    const first = page.locator('#document-body p[id]').first();
    const id = await first.getAttribute('id');
    expect(await first.locator('a.permalink').getAttribute('href')).toBe(`#${id}`);
  });
});

describe('search', () => {
  it('finds a Chinese term typed without spaces from ?q=', async () => {
    await page.goto(site.url + 'search/?q=' + encodeURIComponent('建德模式'));
    const first = page.locator('#search-results li a').first();
    await first.waitFor();
    expect(await page.locator('#search-input').inputValue()).toBe('建德模式');
    const texts = await page.locator('#search-results li').allTextContents();
    expect(texts.some((t) => t.includes('建德模式'))).toBe(true);
    await first.click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('main').textContent()).toContain('建德模式');
  });

  it('searches from the header box on any page', async () => {
    await page.goto(site.url + 'documents/changzheng-2022-plan/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.type('宝能西上海中心');
    await page.keyboard.press('Enter');
    await page.locator('#search-results li a').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('宝能西上海中心');
  });
});
