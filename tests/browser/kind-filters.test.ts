import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/** The kind index filters: keyboard and touch usable, state in the URL, 文件 data loaded on use. */
const fixture = useSiteInBrowser(DIST);
let page: Page;

beforeEach(async () => {
  page = await fixture.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
});
afterEach(async () => {
  await page?.close();
});

const visibleNames = () => page.locator('.entity-card:visible > a').allTextContents();
const visibleRegions = () => page.locator('.entity-card:visible').evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.region));

describe('kind index filters', () => {
  it('filter by region (on a phone), say how many match; the URL keeps the choice', async () => {
    await page.goto(fixture.site.url + 'governance/');
    const all = (await visibleNames()).length;
    await page.locator('select[name="region"]').selectOption('闵行区新虹街道');
    await page
      .locator('[data-filter-status]')
      .filter({ hasText: /显示 \d+ \/ \d+ 条/ })
      .waitFor();
    const regions = await visibleRegions();
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.length).toBeLessThan(all);
    expect(new Set(regions)).toEqual(new Set(['闵行区新虹街道']));
    expect(new URL(page.url()).searchParams.get('region')).toBe('闵行区新虹街道');
    // Sections left empty are hidden, so no heading stands over nothing.
    expect(
      await page
        .locator('[data-theme-section]:visible')
        .evaluateAll((ss) => ss.every((s) => s.querySelector('.entity-card:not([hidden])'))),
    ).toBe(true);

    // Shared link: the filter applies on arrival.
    await page.goto(page.url());
    await expect.poll(async () => new Set(await visibleRegions())).toEqual(new Set(['闵行区新虹街道']));
    // 清除筛选 by touch brings everything back.
    await page.getByRole('button', { name: '清除筛选' }).tap();
    await expect.poll(async () => (await visibleNames()).length).toBe(all);
  });

  it('filter by document with the keyboard: only entities that document mentions remain', async () => {
    await page.goto(fixture.site.url + 'policies/');
    const select = page.locator('select[name="document"]');
    await select.focus(); // loads the document list
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    const value = await select.locator('option', { hasText: '2022年经济与社会发展计划' }).getAttribute('value');
    await select.selectOption(value!);
    await page
      .locator('[data-filter-status]')
      .filter({ hasText: /显示 \d+/ })
      .waitFor();
    const names = await visibleNames();
    expect(names).toContain('楼长制');
    expect(names.length).toBeLessThan(59);
  });

  it('loads on a phone without moving (filters in place before their script runs) and shows each summary in full', async () => {
    // Where the cards are before the page's scripts have run (a slow phone paints then) and after:
    // if the filters waited for their script, the list would jump down by their height.
    const firstCardTop = () =>
      page
        .locator('.entity-card')
        .first()
        .evaluate((c) => c.getBoundingClientRect().top + scrollY);
    await page.route('**/policies/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script type="module">[\s\S]*?<\/script>/g, '');
      await route.fulfill({ response, body: html });
    });
    await page.goto(fixture.site.url + 'policies/');
    const before = await firstCardTop();
    expect(await page.locator('form[data-kind-filters]').isVisible()).toBe(true);
    await page.unroute('**/policies/');
    await page.goto(fixture.site.url + 'policies/', { waitUntil: 'networkidle' });
    expect(await firstCardTop()).toBeCloseTo(before, 0);
    await expect.poll(() => page.locator('form[data-kind-filters]').isVisible()).toBe(true);
    const cut = await page
      .locator('.card-summary')
      .evaluateAll((ps) => ps.filter((p) => p.scrollWidth > p.clientWidth + 1 || getComputedStyle(p).textOverflow === 'ellipsis').length);
    expect(cut).toBe(0);
    const heights = await page
      .locator('.card-summary')
      .evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)));
    expect(Math.max(...heights)).toBeGreaterThan(1.5);
  });
});
