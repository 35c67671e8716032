import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSitemap } from '../../src/lib/postbuild/sitemap.ts';
import { atomDate, atomFeed, FEED_SIZE, type FeedDocument } from '../../src/lib/views/feed.ts';
import { shareImageSvg, wrapLines } from '../../src/lib/views/share-image.ts';

const built = [
  'index.html',
  'documents/a/index.html',
  'policies/x/index.html',
  'policies/x/mentions/index.html',
  'policies/x/mentions/2/index.html',
  '404.html',
].map((file) => ({
  file,
  url: file.replace(/index\.html$/, ''),
  bytes: 1,
}));

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('sitemap and robots.txt', () => {
  it('lists absolute URLs under the base with SITE_URL, without mention lists, and robots.txt names it', () => {
    dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
    const result = writeSitemap(dir, built, { base: '/zhengce/', site: 'https://example.gov.cn' });
    const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      'https://example.gov.cn/zhengce/',
      'https://example.gov.cn/zhengce/documents/a/',
      'https://example.gov.cn/zhengce/policies/x/',
    ]);
    expect(result.pages).toBe(3);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https:\/\/example\.gov\.cn\/zhengce\/sitemap\.xml$/m);
  });
  it('writes no sitemap and names none without SITE_URL (its URLs could only be relative)', () => {
    dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
    writeSitemap(dir, built, { base: '/' });
    expect(existsSync(join(dir, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
  });
});

const doc = (slug: string, date: string, extra: Partial<FeedDocument['meta']> = {}): FeedDocument => ({
  slug,
  meta: { title: `标题${slug}`, date, summary: `摘要<${slug}>&`, ...extra },
});

describe('Atom feed', () => {
  const options = { siteName: '站点', description: '说明', base: '/zhengce/', now: new Date('2026-01-01T00:00:00Z') };
  it('keeps the latest documents, newest first (publication date before the date written), escaped', () => {
    const documents = Array.from({ length: FEED_SIZE + 5 }, (_, i) => doc(`d${i}`, `20${String(i).padStart(2, '0')}`));
    documents.push(doc('notice', '2000-01-13', { published: '2099-02-01', documentNumber: '普长府〔2022〕1号', issuer: '长征镇人民政府' }));
    const xml = atomFeed(documents, options);
    const titles = [...xml.matchAll(/<entry>\s*<title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles.length).toBe(FEED_SIZE);
    expect(titles[0]).toBe('标题notice');
    expect(titles[1]).toBe(`标题d${FEED_SIZE + 4}`);
    expect(xml).toContain('普长府〔2022〕1号 · 2099年2月1日 · 长征镇人民政府\n摘要&lt;notice&gt;&amp;');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="/zhengce/documents/notice/"/>');
    expect(xml).toContain('<updated>2099-02-01T00:00:00+08:00</updated>');
    expect(xml).not.toMatch(/<[^>]*<|&(?!amp;|lt;|gt;|quot;)/);
  });
  it('gives stable ids: the address with SITE_URL, a name-based UUID without', () => {
    const withoutSite = atomFeed([doc('a', '2021')], options);
    expect(withoutSite).toEqual(atomFeed([doc('a', '2021')], options));
    expect(withoutSite).toMatch(/<id>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/id>/);
    const withSite = atomFeed([doc('a', '2021')], { ...options, siteUrl: 'https://example.gov.cn/zhengce/' });
    expect(withSite).toContain('<id>https://example.gov.cn/zhengce/documents/a/</id>');
    expect(withSite).toContain('<link rel="self" type="application/atom+xml" href="https://example.gov.cn/zhengce/feed.xml"/>');
  });
  it('dates a year or a month by its first day', () => {
    expect(atomDate('2021')).toBe('2021-01-01T00:00:00+08:00');
    expect(atomDate('2025-02')).toBe('2025-02-01T00:00:00+08:00');
  });
});

describe('share image', () => {
  it('wraps Chinese text at any character and marks a cut', () => {
    expect(wrapLines('一二三四五六七', 3, 2)).toEqual(['一二三', '四五…']);
    expect(wrapLines('一二三', 3, 2)).toEqual(['一二三']);
  });
  it('draws the name and description as text, escaped', () => {
    const svg = shareImageSvg({ name: 'A&B', description: '<说明>', color: '#a4161a' });
    expect(svg).toContain('A&amp;B');
    expect(svg).toContain('&lt;说明&gt;');
    expect(svg).toContain('fill="#a4161a"');
  });
});
