import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { pageTypes } from '../../tools/page-types.ts';
import { DIST } from '../support/site.ts';

/**
 * Reading for everyone: the page reflows at 200 % text on a phone (no sideways scroll on any page
 * type), the site's own text-size control (标准 / 大 / 特大) is remembered and applied before the
 * first paint, no text is below 14 px at the standard size, the phone header is one line with a
 * 菜单 whose links are 44 px targets, a document's title and first text are on the first screen,
 * permalinks show where the reader points, and 返回顶部 never covers text.
 */
const fixture = useSiteInBrowser(DIST);
const types = pageTypes(DIST);
const PHONE = { width: 390, height: 844 };
const PLAN = 'documents/changzheng-14th-five-year-plan/';

async function phonePage(textScale = 1): Promise<Page> {
  const page = await fixture.browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  if (textScale !== 1) {
    // The browser's own text size (Chrome's font-size setting), as a reader with 200 % text has it:
    // it also moves every rem-based media query, as it does for that reader.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * textScale, fixed: 13 * textScale } });
  }
  return page;
}

/** How far the page scrolls sideways, and the widest elements that stick out of the window (for the message). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.checkVisibility() && !el.closest('table, pre, .relations-svg'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth - width, out };
  });

describe('200 % text on a 390 px phone', () => {
  it('finds every page type', () => expect(types.length).toBeGreaterThanOrEqual(10));
  for (const type of types) {
    it(`${type.name} does not scroll sideways`, async () => {
      const page = await phonePage(2);
      try {
        await page.goto(fixture.site.url + type.url, { waitUntil: 'load' });
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
        const { scroll, out } = await overflow(page);
        expect(out).toEqual([]);
        expect(scroll).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    });
  }
});

describe('text size control', () => {
  it('sets 大 (reading text ≥ 20 px), remembers it, and applies it before the first paint', async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(fixture.site.url + PLAN);
    const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#document-body > p')!).fontSize));
    expect(await bodySize()).toBeGreaterThanOrEqual(16);
    expect(await page.locator('[data-text-size-option="standard"]:visible').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-text-size-option="large"]:visible').click();
    expect(await page.locator('[data-text-size-option="large"]:visible').getAttribute('aria-pressed')).toBe('true');
    expect(await bodySize()).toBeGreaterThanOrEqual(20);

    // Another page: the size is on <html> before any stylesheet or body is parsed (no flash).
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          (window as unknown as { sizeAtParse: string }).sizeAtParse = document.documentElement.dataset.textSize ?? '';
      });
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { sizeAtBody: string }).sizeAtBody = document.documentElement.dataset.textSize ?? '';
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(fixture.site.url + 'policies/');
    expect(await page.evaluate(() => (window as unknown as { sizeAtBody: string }).sizeAtBody)).toBe('large');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');

    await page.locator('[data-text-size-option="x-large"]:visible').click();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    await page.locator('[data-text-size-option="standard"]:visible').click();
    expect(await page.evaluate(() => localStorage.getItem('text-size'))).toBe('standard');
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('offers the sizes in the phone menu, and 特大 reflows without sideways scroll', async () => {
    const page = await phonePage();
    await page.goto(fixture.site.url + PLAN);
    await page.locator('.site-menu > summary').tap();
    await page.locator('.site-menu [data-text-size-option="x-large"]').tap();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    expect((await overflow(page)).scroll).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('at the standard size', () => {
  for (const type of types) {
    it(`${type.name}: no text below 14 px`, async () => {
      const page = await phonePage();
      try {
        await page.goto(fixture.site.url + type.url, { waitUntil: 'load' });
        const small = await page.evaluate(() => {
          const found: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!node.textContent?.trim() || !el?.checkVisibility() || el.closest('.sr-only, svg')) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (size < 14)
              found.push(`${size}px: ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${node.textContent.trim().slice(0, 20)}”`);
          }
          return [...new Set(found)].slice(0, 10);
        });
        expect(small).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('phone header and first screen', () => {
  it('is one line: site name, search and a 菜单 that opens 44 px navigation links', async () => {
    const page = await phonePage();
    await page.goto(fixture.site.url + PLAN);
    const header = (await page.locator('header.site-header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(72);
    const menu = page.locator('.site-menu > summary');
    expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await page.locator('nav[aria-label="主导航"]:visible').count()).toBe(0);
    await menu.tap();
    const links = page.locator('nav[aria-label="主导航"]:visible a');
    expect(await links.count()).toBeGreaterThanOrEqual(5);
    for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await page.close();
  });

  it('shows every document’s title and the start of its text on the first screen', async () => {
    const page = await phonePage();
    const documents = await page
      .context()
      .request.get(fixture.site.url + 'documents/')
      .then((r) => r.text());
    const slugs = [...new Set([...documents.matchAll(/href="\/documents\/([^/"]+)\/"/g)].map((m) => m[1]))];
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    for (const slug of slugs) {
      await page.goto(fixture.site.url + `documents/${slug}/`);
      const title = (await page.locator('h1').boundingBox())!;
      const text = (await page.locator('#document-body :is(p, h2, h3)').first().boundingBox())!;
      expect(title.y + title.height, slug).toBeLessThanOrEqual(PHONE.height);
      expect(text.y + 20, slug).toBeLessThanOrEqual(PHONE.height);
    }
    await page.close();
  });
});

describe('calm reading', () => {
  it('shows a paragraph’s ¶ on hover and on keyboard focus, not before', async () => {
    const page = await fixture.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(fixture.site.url + PLAN);
    const paragraph = page.locator('#document-body p[id]').nth(2);
    const permalink = paragraph.locator('> a.permalink');
    const opacity = () => permalink.evaluate((a) => getComputedStyle(a).opacity);
    await page.mouse.move(0, 0);
    expect(await opacity()).toBe('0');
    await paragraph.hover();
    await expect.poll(opacity).toBe('1');
    await page.mouse.move(0, 0);
    await expect.poll(opacity).toBe('0');
    await permalink.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(opacity).toBe('1');
    await page.close();
  });

  it('shows a paragraph’s ¶ on a tap on the paragraph, and entity links without a dotted underline', async () => {
    const page = await phonePage();
    await page.goto(fixture.site.url + PLAN);
    const paragraph = page.locator('#document-body > p[id]').nth(2);
    await paragraph.scrollIntoViewIfNeeded();
    const box = (await paragraph.boundingBox())!;
    await page.touchscreen.tap(box.x + 10, box.y + 10);
    await expect.poll(() => paragraph.locator('> a.permalink').evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    const style = await page
      .locator('#document-body a.entity-link')
      .first()
      .evaluate((a) => getComputedStyle(a).textDecorationStyle);
    expect(style).not.toBe('dotted');
    await page.close();
  });

  for (const width of [390, 1280, 1600]) {
    it(`keeps 返回顶部 off the text at ${width} px`, async () => {
      const page = await fixture.browser.newPage({ viewport: { width, height: 844 } });
      await page.goto(fixture.site.url + PLAN);
      for (const y of [2000, 6000, 100000]) {
        await page.evaluate((to) => scrollTo(0, to), y);
        await page.waitForTimeout(50);
        const covered = await page.evaluate(() => {
          const back = document.querySelector('[data-back-to-top]')!;
          if (!back.checkVisibility()) return [];
          const b = back.getBoundingClientRect();
          return [...document.querySelectorAll('main p, main li, main h2, main h3, main td')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return (
                el.checkVisibility() && !el.contains(back) && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top
              );
            })
            .map((el) => el.textContent!.slice(0, 20));
        });
        expect(covered, `scrolled to ${y}`).toEqual([]);
      }
      await page.close();
    });
  }
});
