import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { site } from '../../src/config/site.config.ts';
import { sortByPinyin } from '../../src/lib/views/pinyin-order.ts';
import { DIST, readPage } from '../support/site.ts';

/** Listings that stay small: what the home page, /documents/, kind indexes and mention pages show. */
const hrefs = (file: string, selector: string) => (selectAll(selector, readPage(file)) as Element[]).map((a) => String(a.properties.href));
const texts = (file: string, selector: string) => (selectAll(selector, readPage(file)) as Element[]).map((e) => toString(e).trim());
const documents = listPages(DIST).filter((p) => /^documents\/[^/]+\/$/.test(p) && !p.startsWith('documents/page/'));

describe('home page', () => {
  it('shows the latest documents (at most 10), links all of them, and every kind', () => {
    const listed = hrefs('index.html', '#docs-title ~ ul a');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(10);
    expect(hrefs('index.html', '#docs-title ~ p a')).toContain('/documents/');
    expect(hrefs('index.html', '#kinds-title ~ ul a')).toEqual(expect.arrayContaining(['/policies/', '/projects/', '/governance/']));
    expect(hrefs('index.html', 'a')).toContain('/offline/');
  });
  it('links only views whose page exists', () => {
    for (const href of hrefs('index.html', '#kinds-title ~ ul a')) expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
  });
});

describe('/documents/', () => {
  it('reaches every document through its pages, with a year index', () => {
    const reached = new Set<string>();
    for (let n = 1; ; n++) {
      const file = n === 1 ? 'documents/index.html' : `documents/page/${n}/index.html`;
      if (!existsSync(join(DIST, file))) break;
      for (const h of hrefs(file, 'main section h3 a')) reached.add(h);
    }
    expect(documents.filter((p) => !reached.has('/' + p))).toEqual([]);
    expect(texts('documents/index.html', 'main h2')).toEqual(['2025年', '2023年', '2022年', '2021年']);
    expect(hrefs('documents/index.html', 'nav[aria-label="按年份"] a')).toContain('/documents/#y2022');
  });
});

describe('kind index', () => {
  it('browses entities by 主题 in the configured order, pinyin order within a theme (长征… under cháng)', () => {
    const names = texts('policies/index.html', '.entity-card > a');
    const sections = selectAll('main section[data-theme-section]', readPage('policies/index.html')) as Element[];
    const themes = sections.map((s) => toString(select('h2', s)!));
    expect(themes).toEqual(site.themes.filter((t) => themes.includes(t)));
    expect(themes.length).toBeGreaterThan(1);
    expect(texts('policies/index.html', 'nav[aria-label="按主题浏览"] a').map((t) => t.replace(/（\d+）$/, ''))).toEqual(themes);
    expect(hrefs('policies/index.html', 'nav[aria-label="按主题浏览"] a')[0]).toBe(`#theme-${themes[0]}`);
    for (const s of sections) {
      const inTheme = (selectAll('.entity-card > a', s) as Element[]).map((a) => toString(a));
      expect(inTheme).toEqual(sortByPinyin(inTheme, (n) => n));
    }
    expect(names.length).toBe(59);
    const economy = (selectAll('.entity-card > a', sections.find((s) => toString(select('h2', s)!) === '经济发展')!) as Element[]).map(
      (a) => toString(a),
    );
    expect(economy).toContain('长征镇数字经济产业扶持办法');
  });
  it('renders the filters from the first paint (no hidden attribute to wait for), and no A–Z index', () => {
    const page = readPage('policies/index.html');
    expect(select('form[data-kind-filters]', page)!.properties.hidden).toBeUndefined();
    expect(readFileSync(join(DIST, 'policies/index.html'), 'utf8')).not.toMatch(/letter-nav|按拼音首字母/);
  });
  it('puts a region badge on every card and offers theme, region, status and document filters', () => {
    const page = readPage('governance/index.html');
    const cards = selectAll('.entity-card', page) as Element[];
    expect(cards.every((c) => select('.region-badge', c))).toBe(true);
    expect(cards.some((c) => toString(select('.region-badge', c)!).includes('闵行区新虹街道'))).toBe(true);
    const form = select('form[data-kind-filters]', page) as Element;
    expect((selectAll('select', form) as Element[]).map((s) => s.properties.name)).toEqual(['theme', 'region', 'status', 'document']);
    expect(String(form.properties.dataDocumentsUrl)).toBe('/governance/documents.json');
    const data = JSON.parse(readFileSync(join(DIST, 'governance/documents.json'), 'utf8')) as Array<{ slug: string; entities: string[] }>;
    expect(data.find((d) => d.slug === 'xinhong-hub-party-building')?.entities).toContain('shuniu-dangjian');
  });
});

describe('entity pages', () => {
  it('show a bounded first view of mentions and link the complete list, which is not indexed as page text', () => {
    expect(hrefs('policies/louzhangzhi/index.html', 'a')).toContain('/policies/louzhangzhi/mentions/');
    const list = readPage('policies/louzhangzhi/mentions/index.html');
    expect(select('[data-search-body]', list)).toBeUndefined();
    expect(
      (selectAll('#mentions-title ~ div[data-search-ignore] section', readPage('policies/louzhangzhi/index.html')) as Element[]).length,
    ).toBeLessThanOrEqual(20);
  });
});

describe('page sizes', () => {
  it('home ≤ 60 KB, listings ≤ 100 KB, entity and mention pages ≤ 120 KB', () => {
    const size = (p: string) => statSync(join(DIST, p, 'index.html')).size;
    expect(size('')).toBeLessThanOrEqual(60 * 1024);
    const over = listPages(DIST).filter((p) =>
      /^documents\/(page\/\d+\/)?$/.test(p) ? size(p) > 100 * 1024 : !p.startsWith('documents/') && size(p) > 120 * 1024,
    );
    expect(over).toEqual([]);
  });
});
