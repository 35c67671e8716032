import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/**
 * Reading a long document after load: the 链接与引用 menu by tap and keyboard, copying a citation,
 * the contents highlight following the reader, 返回顶部, breadcrumbs, the compact contents on a
 * phone, and justified text that does not spread around citation labels.
 */
const fixture = useSiteInBrowser(DIST);
const PLAN = 'documents/changzheng-14th-five-year-plan/';
const NOTICE = 'documents/changzheng-2022-plan/';
let phone: BrowserContext;
let desktop: BrowserContext;

beforeAll(async () => {
  phone = await fixture.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  desktop = await fixture.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await desktop.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.site.url });
});
afterAll(async () => {
  await phone?.close();
  await desktop?.close();
});

const open = async (context: BrowserContext, path: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(fixture.site.url + path);
  return page;
};

/** GB/T 7714-2015 for the notice, with the reader's date and the paragraph's address. */
const noticeCitation = (url: string) =>
  new RegExp(
    `^长征镇人民政府\\. 长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知: 普长府〔2022〕1号\\[EB/OL\\]\\. \\(2022-01-13\\)\\[\\d{4}-\\d{2}-\\d{2}\\]\\. ${url.replace(/[.?*+^$()[\]\\/]/g, '\\$&')}\\.$`,
  );

describe('链接与引用 menu', () => {
  it('opens on a tap on a paragraph permalink and offers the paragraph citation', async () => {
    const page = await open(phone, NOTICE);
    const permalink = page.locator('#document-body p[id] a.permalink').nth(3);
    const id = await page.locator('#document-body p[id]').nth(3).getAttribute('id');
    await permalink.scrollIntoViewIfNeeded();
    await permalink.tap();
    const menu = page.locator('#cite-menu');
    await menu.waitFor({ state: 'visible' });
    const box = await menu.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await menu.locator('[data-cite-text]').textContent()).toMatch(noticeCitation(`${fixture.site.url}${NOTICE}#${id}`));
    // A tap elsewhere closes it.
    await page.locator('h1').tap();
    await menu.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('is reached by keyboard, copies the citation and the link, and gives focus back on Esc', async () => {
    const page = await open(desktop, NOTICE);
    const permalink = page.locator('#document-body p[id] a.permalink').first();
    const id = await page.locator('#document-body p[id]').first().getAttribute('id');
    await permalink.focus();
    await page.keyboard.press('Enter');
    const menu = page.locator('#cite-menu');
    await menu.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('复制链接');
    await page.keyboard.press('Enter');
    await page.locator('[data-copy-status]', { hasText: '链接已复制' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${fixture.site.url}${NOTICE}#${id}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-copy-status]', { hasText: '引用已复制' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(noticeCitation(`${fixture.site.url}${NOTICE}#${id}`));
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('permalink'))).toBe(true);
    await page.close();
  });

  it('cites the whole document from 引用本文, and headings have the menu too', async () => {
    const page = await open(desktop, NOTICE);
    await page.getByRole('button', { name: '引用本文' }).click();
    expect(await page.locator('#cite-menu [data-cite-text]').textContent()).toMatch(noticeCitation(`${fixture.site.url}${NOTICE}`));
    await page.keyboard.press('Escape');
    await page.locator('#document-body h2 a.heading-anchor').first().click();
    expect(await page.locator('#cite-menu-title').textContent()).toBe('本节链接与引用');
    await page.close();
  });
});

describe('moving around a long document', () => {
  it('keeps the contents rail in view and marks the section being read as the reader scrolls', async () => {
    const page = await open(desktop, PLAN);
    const current = () => page.locator('nav.toc-rail a[aria-current]').textContent();
    expect(await current()).toBe('第一部分：“十三五”发展回顾');
    // Headings followed by a long paragraph: once at the top of the window, theirs is the section read.
    const target = page.locator('#document-body h2', { hasText: '第三部分' });
    await target.evaluate((h) => scrollTo(0, scrollY + h.getBoundingClientRect().top - 20));
    await page.waitForFunction(() => document.querySelector('nav.toc-rail a[aria-current]')?.textContent === '第三部分：“十四五”发展目标');
    const rail = await page.locator('nav.toc-rail').boundingBox();
    expect(rail!.y).toBeGreaterThanOrEqual(0);
    expect(rail!.y).toBeLessThan(50);
    // Further down, the next section.
    await page
      .locator('#document-body h3', { hasText: '一、指导思想' })
      .evaluate((h) => scrollTo(0, scrollY + h.getBoundingClientRect().top - 20));
    await page.waitForFunction(() => document.querySelector('nav.toc-rail a[aria-current]')?.textContent === '一、指导思想');
    await page.close();
  });

  it('returns to the top from 返回顶部, shown once the reader has scrolled', async () => {
    const page = await open(phone, PLAN);
    const back = page.locator('[data-back-to-top]');
    expect(await back.isVisible()).toBe(false);
    await page.evaluate(() => scrollTo(0, 6000));
    await back.waitFor({ state: 'visible' });
    await back.tap();
    await page.waitForFunction(() => scrollY === 0);
    await page.close();
  });

  it('shows breadcrumbs and marks 文件 in the header as the current section', async () => {
    const page = await open(phone, PLAN);
    const crumbs = page.getByRole('navigation', { name: '面包屑' });
    // The document's title (meta.title), not the source's title block as the compiler read it.
    expect(await crumbs.locator('ol > li').allTextContents()).toEqual(['首页', '文件', '普陀区长征镇国民经济和社会发展第十四个五年规划']);
    expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe('普陀区长征镇国民经济和社会发展第十四个五年规划');
    await crumbs.getByRole('link', { name: '文件' }).tap();
    await page.waitForURL(/\/documents\/$/);
    expect(await page.locator('header nav a[aria-current="page"]').textContent()).toBe('文件');
    await page.close();
  });

  it('has a compact, closed contents button on a phone, whose links close it', async () => {
    const page = await open(phone, PLAN);
    const compact = page.locator('nav.toc-compact');
    expect((await compact.boundingBox())!.height).toBeLessThan(80);
    expect(await page.locator('nav.toc-rail').isVisible()).toBe(false);
    await compact.locator('summary').tap();
    const link = compact.locator('a', { hasText: '第四部分' });
    await link.tap();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('第四部分'));
    expect(await compact.locator('details').getAttribute('open')).toBeNull();
    // The closed button stays at the top of the window, and the heading lands below it.
    const bar = (await compact.boundingBox())!;
    expect(bar.y).toBeLessThan(2);
    const heading = await page.evaluate(
      () => document.getElementById(decodeURIComponent(location.hash.slice(1)))!.getBoundingClientRect().top,
    );
    expect(heading).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(heading).toBeLessThan(200);
    await page.close();
  });
});

/**
 * How far justification has stretched a Chinese character on a paragraph's lines, in em, over the
 * paragraphs that hold a citation label. Chromium gives a justified character's box the space
 * added after it, so a Han character wider than 1 em was spread; the last line is not justified.
 */
const widestStretch = (page: Page) =>
  page.evaluate(() => {
    let widest = 0;
    for (const p of document.querySelectorAll('.prose-zh p')) {
      if (!p.querySelector('.citation')) continue;
      const chars: Array<{ rect: DOMRect; em: number }> = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const em = parseFloat(getComputedStyle(node.parentElement!).fontSize);
        for (let i = 0; i < node.textContent!.length; i++) {
          if (!/\p{Script=Han}/u.test(node.textContent![i])) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          chars.push({ rect: range.getBoundingClientRect(), em });
        }
      }
      const lastLineTop = Math.max(...chars.map((c) => c.rect.top)) - chars[0].em / 2;
      for (const { rect, em } of chars) if (rect.top < lastLineTop) widest = Math.max(widest, rect.width / em - 1);
    }
    return widest;
  });

describe('justified Chinese text', () => {
  it('does not spread a line’s characters when a citation label follows it (390 px)', async () => {
    const page = await open(phone, 'policies/louzhangzhi/');
    expect(await widestStretch(page)).toBeLessThan(0.2);
    // The measure sees the fault it guards against: unbreakable labels spread the line before them.
    await page.addStyleTag({ content: '.prose-zh .citation { white-space: nowrap !important; }' });
    expect(await widestStretch(page)).toBeGreaterThan(0.25);
    await page.close();
  });
});
