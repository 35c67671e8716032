import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/**
 * The 指标 and 关系 views as readers see them: a few screens at most on a desktop, tables that
 * scroll inside their own box on a phone with the 指标 column kept in view, and no sideways
 * scrolling of the page.
 */
const fixture = useSiteInBrowser(DIST);
let desktop: Page;
let phone: Page;

beforeAll(async () => {
  desktop = await fixture.browser.newPage({ viewport: { width: 1280, height: 900 } });
  phone = await fixture.browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await desktop?.close();
  await phone?.close();
});

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('指标 and 关系 pages', () => {
  it('keeps /figures/ within 6,000 px at 1280 px', async () => {
    await desktop.goto(fixture.site.url + 'figures/');
    expect(await height(desktop)).toBeLessThanOrEqual(6000);
  });

  for (const path of ['figures/', 'figures/plan/changzheng-14th-five-year-plan/', 'relations/', 'governance/yiwang-tongguan/']) {
    it(`${path} does not scroll sideways on a phone`, async () => {
      await phone.goto(fixture.site.url + path);
      expect(await sideways(phone)).toBeLessThanOrEqual(0);
    });
  }

  it('scrolls the plan’s table inside its box on a phone, the 指标 column staying in view', async () => {
    await phone.goto(fixture.site.url + 'figures/plan/changzheng-14th-five-year-plan/');
    const box = phone.locator('.indicator-scroll').first();
    const before = await phone.locator('#plan-indicators tbody th').first().boundingBox();
    const scrolled = await box.evaluate((el) => {
      el.scrollLeft = 400;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    const after = await phone.locator('#plan-indicators tbody th').first().boundingBox();
    expect(Math.round(after!.x)).toBe(Math.round(before!.x));
  });

  it('opens an entity page from a node of the relations map', async () => {
    await desktop.goto(fixture.site.url + 'relations/');
    const node = desktop.locator('svg.relations-map a').first();
    const href = await node.getAttribute('href');
    await node.locator('text').first().click();
    await desktop.waitForURL((url) => url.pathname === href);
    expect(new URL(desktop.url()).pathname).toBe(href);
  });
});
