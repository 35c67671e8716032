import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { validateHtml } from '../support/vnu.ts';

/** The search page as a reader arrives at it: what it shows before, while and after results load. */
const fixture = useSiteInBrowser(DIST);
const query = '楼长制';
const searchUrl = () => `${fixture.site.url}search/?q=${encodeURIComponent(query)}`;
let page: Page | undefined;
afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

async function open(options: { viewport?: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean } = {}) {
  const context = await fixture.browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 900 },
    isMobile: options.isMobile,
    hasTouch: options.hasTouch,
  });
  page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number; searchDone: boolean };
    w.layoutShift = 0;
    w.searchDone = false;
    // Cumulative layout shift as Chromium reports it (shifts right after input excluded, as in CLS).
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
        if (!entry.hadRecentInput) w.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('search:rendered', (e) => {
      if ((e as CustomEvent<{ complete: boolean }>).detail.complete) w.searchDone = true;
    });
  });
  return page;
}

/** Waits for the complete results and the search index's meta file, then a moment for late shifts. */
async function settle(p: Page) {
  await p.waitForFunction(() => (window as unknown as { searchDone: boolean }).searchDone);
  await p.locator('#search-page[data-search-ready]').waitFor({ state: 'attached' });
  await p.waitForTimeout(800);
}
const layoutShift = (p: Page) => p.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);

describe('layout stability of /search/?q=…', () => {
  it('shifts the layout by at most 0.05 on a desktop screen while results and filters arrive', async () => {
    const p = await open();
    await p.goto(searchUrl());
    await settle(p);
    expect(await p.locator('#search-results > li').count()).toBeGreaterThan(3);
    expect(await layoutShift(p)).toBeLessThanOrEqual(0.05);
  });

  it('shifts the layout by at most 0.05 on a phone', async () => {
    const p = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await p.goto(searchUrl());
    await settle(p);
    expect(await layoutShift(p)).toBeLessThanOrEqual(0.05);
  });
});

describe('arriving with a query', () => {
  it('leaves the focus on the page (the results are what the reader came for); / then ↓ moves into the results', async () => {
    const p = await open();
    await p.goto(searchUrl());
    await settle(p);
    expect(await p.evaluate(() => document.activeElement?.id)).not.toBe('search-input');
    await p.keyboard.press('/');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await p.keyboard.press('ArrowDown');
    const focused = await p.evaluate(
      () => document.activeElement?.closest('#search-results > li') !== null && document.activeElement?.classList.contains('result-link'),
    );
    expect(focused).toBe(true);
  });

  it('says it is loading, not "type to search", while the search index arrives slowly', async () => {
    const p = await open();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route('**/search-index/**', async (route) => {
      await held;
      await route.continue();
    });
    await p.goto(searchUrl(), { waitUntil: 'load' });
    expect(await p.locator('#search-status').textContent()).toBe('正在加载…');
    expect(await p.locator('#search-guide').isHidden()).toBe(true);
    release();
    await settle(p);
    expect(await p.locator('#search-status').textContent()).toMatch(/找到 \d+ 个包含“楼长制”的结果/);
  });
});

describe('results as rendered', () => {
  it('are valid HTML (W3C validator over the page with its results)', async () => {
    const p = await open();
    await p.goto(searchUrl());
    await settle(p);
    const dir = mkdtempSync(join(tmpdir(), 'search-rendered-'));
    try {
      const file = join(dir, 'search.html');
      writeFileSync(file, '<!doctype html>\n' + (await p.evaluate(() => document.documentElement.outerHTML)));
      expect(validateHtml([file]).map((m) => `${m.lastLine}: ${m.message}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('one search box, fitted to the screen', () => {
  it('shows one search box on every page: /search/ its own, the others the header one', async () => {
    const p = await open();
    for (const path of ['', 'search/', 'documents/']) {
      await p.goto(fixture.site.url + path);
      expect(await p.locator('input[type="search"]:visible').count(), path).toBe(1);
      expect(await p.locator('[role="search"]').count(), path).toBe(1);
      expect(await p.locator('#site-search-input').count(), path).toBe(path === 'search/' ? 0 : 1);
    }
  });

  it('shows the whole header placeholder', async () => {
    const p = await open();
    await p.goto(fixture.site.url + 'documents/');
    const fits = await p.locator('#site-search-input').evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(fits.text).toBeGreaterThan(0);
    expect(fits.text).toBeLessThanOrEqual(fits.room);
  });

  it('shows keyboard hints with a mouse and keyboard, not on a phone', async () => {
    const desktop = await open();
    await desktop.goto(fixture.site.url + 'search/');
    expect(await desktop.locator('#search-help').isVisible()).toBe(true);
    await desktop.context().close();
    const phone = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(fixture.site.url + 'search/');
    expect(await phone.locator('#search-help').isVisible()).toBe(false);
  });
});
