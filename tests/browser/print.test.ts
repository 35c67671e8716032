import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldRadicals } from '../../src/lib/authoring/ingest/fold-radicals.ts';
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
 * ⻓), and the PDF maps such glyphs back to the radical: folded by the importer's own rule
 * (foldRadicals), then every dash to one, since the PDF keeps one of the glyphs they share.
 */
const squash = (s: string) =>
  foldRadicals(s.normalize('NFKC'))
    .replace(/[\u2012-\u2015]/g, '-')
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
