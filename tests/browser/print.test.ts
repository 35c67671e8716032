import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/**
 * Printing a document (Chromium's own PDF output, read back with pdf.js): the whole text is there,
 * with its metadata header, and none of the site's navigation.
 * Chromium needs a Chinese font to print Chinese at all (Debian: fonts-noto-cjk, see .ci/run).
 */
const fixture = useSiteInBrowser(DIST);
let site: typeof fixture.site;
let page: Page;

/**
 * Fonts such as Noto CJK draw some ideographs with the same glyph as a radical (文 and ⽂, 长 and
 * ⻓), and the PDF maps such glyphs back to the radical. NFKC folds the Kangxi radicals; the CJK
 * radicals supplement is folded with this table (Unicode's EquivalentUnifiedIdeograph.txt).
 */
const RADICALS: Record<string, string> = {
  '\u2E81': '厂',
  '\u2E84': '乙',
  '\u2E85': '亻',
  '\u2E86': '冂',
  '\u2E89': '刂',
  '\u2E8A': '卜',
  '\u2E92': '巳',
  '\u2E93': '幺',
  '\u2E95': '彐',
  '\u2E96': '忄',
  '\u2E97': '心',
  '\u2E98': '扌',
  '\u2E9C': '日',
  '\u2E9D': '月',
  '\u2EA0': '民',
  '\u2EA1': '氵',
  '\u2EA3': '灬',
  '\u2EA6': '丬',
  '\u2EA7': '牛',
  '\u2EA8': '犭',
  '\u2EA9': '王',
  '\u2EAB': '目',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EAF': '糸',
  '\u2EB0': '纟',
  '\u2EB9': '耂',
  '\u2EBB': '聿',
  '\u2EBC': '肉',
  '\u2EBE': '艹',
  '\u2EC1': '虎',
  '\u2EC2': '衤',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};
/** Other code points that share a glyph in Noto CJK, folded to one (the PDF keeps only one of them). */
const SHARED_GLYPHS: Record<string, string> = { 戶: '户', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-' };
const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u2E80-\u2EFF]/g, (c) => RADICALS[c] ?? c)
    .replace(/[戶\u2012-\u2015]/g, (c) => SHARED_GLYPHS[c])
    .replace(/\s+/g, '');

async function pdfText(): Promise<string> {
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return squash(text);
}

/** Text of each element matched, without permalink glyphs and text only screen readers get (a 校 mark's full name). */
function blockTexts(selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.permalink, .heading-anchor, .sr-only').forEach((x) => x.remove());
      return copy.textContent ?? '';
    }),
  );
}

beforeAll(async () => {
  site = fixture.site;
  page = await fixture.browser.newPage();
});

const documents = readdirSync(join(DIST, 'documents'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe.each(documents)('printing documents/%s/', (slug) => {
  const path = `documents/${slug}/`;
  let text: string;
  beforeAll(async () => {
    await page.goto(site.url + path);
    await page.evaluate(() => document.fonts.ready);
    text = await pdfText();
  });

  it('has Chinese text at all (a CJK font is installed)', () => {
    expect(text.length).toBeGreaterThan(1000);
    expect(text).toMatch(/[\u4e00-\u9fff]{20}/);
    expect(text.match(/[\u2E80-\u2EFF]/g) ?? [], 'radicals missing from the table above').toEqual([]);
  });

  it('has every paragraph, heading and list item of the document body', async () => {
    const blocks = (await blockTexts('#document-body :is(p, li, h2, h3, h4, h5, h6, figcaption)')).map(squash).filter(Boolean);
    expect(blocks.length).toBeGreaterThan(20);
    expect(blocks.filter((b) => !text.includes(b))).toEqual([]);
  });

  it('has the metadata header: title, issuer and the metadata table', async () => {
    const header = (await blockTexts('article > header :is(h1, p, th, td)')).map(squash).filter(Boolean);
    expect(header.length).toBeGreaterThan(4);
    expect(header.filter((b) => !text.includes(b))).toEqual([]);
    // Official texts name their issuing body, news pages their newspaper source.
    expect(text).toMatch(/发文机关|来源/);
  });

  it('leaves out the navigation chrome', async () => {
    const chrome = [
      ...(await blockTexts(
        'header.site-header a, footer.site-footer p, .skip-link, nav.toc-rail h2, .entity-panel h2, .breadcrumbs, .document-tools a, .document-neighbours h2, .back-to-top',
      )),
    ]
      .map(squash)
      .filter(Boolean);
    const body = squash((await blockTexts('main article')).join(''));
    for (const piece of chrome) {
      if (body.includes(piece)) continue; // words the document itself uses (e.g. 首页) prove nothing
      expect(text, piece).not.toContain(piece);
    }
    expect(chrome).toEqual(expect.arrayContaining(['长征镇政策文件库', '跳到正文', '目录', '本文提及']));
    expect(text).not.toContain('跳到正文');
    expect(text).not.toContain('内容整理自长征镇');
    expect(text).not.toContain('本文提及');
  });
});

describe('print layout', () => {
  it('keeps the metadata table and its rows whole, and hides navigation and search', async () => {
    await page.goto(site.url + 'projects/');
    const entity = await page.locator('main .entity-card > a').first().getAttribute('href');
    await page.goto(new URL(entity!, site.url).href);
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      table: getComputedStyle(document.querySelector('table.meta-table')!).breakInside,
      row: getComputedStyle(document.querySelector('table.meta-table tr')!).breakInside,
      tableShown: document.querySelector('table.meta-table')!.checkVisibility(),
      titleShown: document.querySelector('main h1')!.checkVisibility(),
      chromeShown: [...document.querySelectorAll('header.site-header, nav, form, footer.site-footer, .entity-panel')].filter((el) =>
        el.checkVisibility(),
      ).length,
    }));
    await page.emulateMedia({ media: null });
    expect(styles).toEqual({ table: 'avoid', row: 'avoid', tableShown: true, titleShown: true, chromeShown: 0 });
  });
});
