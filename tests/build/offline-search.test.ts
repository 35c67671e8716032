import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { extractSearchablePage } from '../../src/offline/extract-page.ts';
import { prepareIndex, search, type OfflineIndex, type OfflinePage } from '../../src/offline/search-core.ts';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { DIST, readPage, visibleText } from '../support/site.ts';

/** The offline copy's search, on the real build: what it indexes and what it finds. */
const pages: OfflinePage[] = listPages(DIST)
  .map((p) => extractSearchablePage(readFileSync(join(DIST, p, 'index.html'), 'utf8'), `${p}index.html`, '长征镇政策文件库'))
  .filter((p): p is OfflinePage => p !== undefined);
const t2s = JSON.parse(readFileSync(join(DIST, 'search-index/t2s.json'), 'utf8')) as OfflineIndex['t2s'];
const index: OfflineIndex = { version: 2, pages, t2s };
const prepared = prepareIndex(index);
const textOf = (url: string) => {
  const page = pages.find((p) => p.url === url)!;
  return [page.title, ...page.blocks.map(([, t]) => t)].join('\n');
};

describe('offline index', () => {
  it('has the pages Pagefind indexes, and only those', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'));
    const pagefindCount = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(pages.length).toBe(pagefindCount);
    expect(pages.some((p) => p.url === 'index.html' || p.url === 'search/index.html')).toBe(false);
  });

  it('keeps every paragraph of a document, each with its own anchor', () => {
    const url = 'documents/changzheng-14th-five-year-plan/index.html';
    const page = pages.find((p) => p.url === url)!;
    expect(page.title).toContain('十四个五年规划');
    expect(page.kind).toBe('文件');
    const tree = readPage(url);
    const paragraphs = selectAll('#document-body p[id]', tree) as Element[];
    expect(paragraphs.length).toBeGreaterThan(20);
    const blocks = new Map(page.blocks.map(([anchor, text]) => [anchor, text]));
    for (const p of paragraphs) {
      const id = String(p.properties.id);
      const text = visibleText({ type: 'root', children: [p] }, 'p').replace(/\s+/g, ' ').trim();
      expect(blocks.get(id), id).toBe(text);
    }
  });

  it('leaves out what Pagefind ignores (metadata table, table of contents, mention lists)', () => {
    const doc = textOf('documents/changzheng-14th-five-year-plan/index.html');
    expect(doc).not.toContain('发文机关');
    expect(doc).not.toContain('目录');
    const entity = textOf('policies/louzhangzhi/index.html');
    expect(entity).toContain('楼长制');
    expect(entity).not.toContain('提及本条目的文件');
    expect(entity).not.toContain('相关条目');
  });
});

describe('offline search', () => {
  it('finds a Chinese term typed without spaces, the entity page first, with excerpts marking it', () => {
    const { total, results } = search(prepared, '建德模式');
    expect(total).toBeGreaterThan(2);
    expect(results[0].title).toBe('建德模式');
    for (const r of results) {
      expect(textOf(r.url.replace(/#.*$/, ''))).toContain('建德模式');
      expect(r.excerpt.filter((x) => x.match).map((x) => x.text)).toContain('建德模式');
    }
  });

  it('links each result to the paragraph where the term first occurs', () => {
    const { results } = search(prepared, '宝能西上海中心');
    const inDocument = results.find((r) => r.url.startsWith('documents/'))!;
    const [url, anchor] = inDocument.url.split('#');
    expect(anchor).toBeTruthy();
    const target = (selectAll('[id]', readPage(url)) as Element[]).find((el) => el.properties.id === decodeURIComponent(anchor))!;
    expect(visibleText({ type: 'root', children: [target] }, '*')).toContain('宝能西上海中心');
  });

  it('needs every term, in any order, anywhere in the page', () => {
    const a = search(prepared, '楼长制', 1000);
    const b = search(prepared, '建德模式', 1000);
    const both = search(prepared, '  建德模式　楼长制 ', 1000);
    const expected = a.results.map((r) => r.url.split('#')[0]).filter((u) => b.results.some((x) => x.url.split('#')[0] === u));
    expect(both.total).toBe(expected.length);
    expect(both.results.map((r) => r.url.split('#')[0]).sort()).toEqual(expected.sort());
    expect(both.total).toBeLessThan(Math.min(a.total, b.total));
  });

  it('reads queries in the online search page’s normal form', () => {
    const urls = (q: string) => search(prepared, q, 1000).results.map((r) => r.url);
    // Traditional characters, as readers in Hong Kong or Taiwan type them.
    expect(urls('社區治理').length).toBeGreaterThan(0);
    expect(urls('社區治理')).toEqual(urls('社区治理'));
    // Quotation marks are not typed: the bare name finds the quoted one.
    expect(urls('3+5+X产业政策体系').some((u) => textOf(u.split('#')[0]).includes('“3+5+X”产业政策体系'))).toBe(true);
    // The excerpt marks the original text from the first matched character, the inner quote kept.
    const marked = search(prepared, '3+5+X产业政策体系', 1).results[0].excerpt.filter((p) => p.match).map((p) => p.text);
    expect(marked[0]).toBe('3+5+X”产业政策体系');
  });

  it('ignores case and full-width forms of letters and digits', () => {
    const halfWidth = search(prepared, 'G2', 1000).results.map((r) => r.url);
    expect(halfWidth.length).toBeGreaterThan(0);
    expect(search(prepared, 'ｇ２', 1000).results.map((r) => r.url)).toEqual(halfWidth);
  });

  it('finds nothing for an empty query or text the site does not have', () => {
    expect(search(prepared, '   ').total).toBe(0);
    expect(search(prepared, '不存在的词语组合').total).toBe(0);
  });
});
