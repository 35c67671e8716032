import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

const fixture = useSiteInBrowser(DIST);
let page: Page;

beforeAll(async () => {
  page = await fixture.browser.newPage();
});

const visible = () =>
  page
    .locator('li.timeline-event:visible')
    .evaluateAll((items) => items.map((li) => [li.getAttribute('data-region'), li.getAttribute('data-kind')]));

describe('大事记 filter (progressive enhancement)', () => {
  it('shows every event, then only the chosen region and kind, with the choice in the URL', async () => {
    await page.goto(fixture.site.url + 'timeline/');
    const all = await page.locator('li.timeline-event').count();
    expect(await page.locator('form[data-timeline-filter]').isVisible()).toBe(true);
    expect((await visible()).length).toBe(all);

    await page.selectOption('select[name="region"]', '普陀区');
    const inRegion = await visible();
    expect(inRegion.length).toBeGreaterThan(0);
    expect(inRegion.length).toBeLessThan(all);
    expect(inRegion.every(([region]) => region === '普陀区')).toBe(true);
    expect(await page.locator('[data-timeline-count]').textContent()).toBe(`显示 ${inRegion.length} 条`);
    // A year with nothing left is hidden with its heading.
    expect(await page.locator('[data-timeline-year="2019"]').isVisible()).toBe(false);

    await page.selectOption('select[name="kind"]', '会议');
    const both = await visible();
    expect(both.length).toBeGreaterThan(0);
    expect(both.every(([region, kind]) => region === '普陀区' && kind === '会议')).toBe(true);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('会议');

    // A shared link opens filtered.
    await page.goto(page.url());
    expect((await visible()).length).toBe(both.length);
    await page.selectOption('select[name="region"]', '');
    await page.selectOption('select[name="kind"]', '');
    expect((await visible()).length).toBe(all);
  });

  it('is reachable by keyboard', async () => {
    await page.goto(fixture.site.url + 'timeline/');
    await page.focus('select[name="region"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('kind');
  });
});
