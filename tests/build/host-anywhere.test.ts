import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import { isMentionList, listPages } from '../../src/lib/postbuild/sitemap.ts';
import { FEED_SIZE } from '../../src/lib/views/feed.ts';
import { DARK_PANEL, SHARE_IMAGE } from '../../src/lib/views/share-image.ts';
import { site } from '../../src/config/site.config.ts';
import { DIST, readPage } from '../support/site.ts';
import { precacheList } from '../../src/lib/postbuild/generate-service-worker.ts';
import { filesUnder } from '../../tools/files-under.ts';

/** What a static host needs beyond the pages: metadata, sitemap, robots.txt, manifest, service worker. */
const pages = listPages(DIST);
const attr = (el: Element | undefined, name: string) => (el ? String(el.properties[name] ?? '') : undefined);
const H = 'http://host.invalid';

describe('every page', () => {
  it('is listed', () => expect(pages.length).toBeGreaterThan(100));
  it('has a meta description, and no canonical link without SITE_URL (a relative one is invalid)', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const tree = readPage(p + 'index.html');
      const description = attr(select('meta[name="description"]', tree) as Element | undefined, 'content');
      if (!description?.trim()) problems.push(`${p}: no description`);
      if (select('link[rel="canonical"]', tree)) problems.push(`${p}: canonical without SITE_URL`);
      if (select('meta[property="og:url"]', tree)) problems.push(`${p}: og:url without SITE_URL`);
    }
    expect(problems).toEqual([]);
  });
  it('has OpenGraph and Twitter card tags, the feed and theme colours for both schemes', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const tree = readPage(p + 'index.html');
      const meta = (selector: string) => attr(select(selector, tree) as Element | undefined, 'content');
      const title = toString(select('title', tree)!);
      const ogTitle = meta('meta[property="og:title"]');
      if (!ogTitle || !title.startsWith(ogTitle)) problems.push(`${p}: og:title ${ogTitle} for ${title}`);
      if (meta('meta[property="og:description"]') !== meta('meta[name="description"]')) problems.push(`${p}: og:description`);
      // Which picture is tests/build/share-images.test.ts's subject; here: one, from the base.
      if (!/^\/share\/.+\.png$/.test(meta('meta[property="og:image"]') ?? ''))
        problems.push(`${p}: og:image ${meta('meta[property="og:image"]')}`);
      if (meta('meta[name="twitter:card"]') !== 'summary_large_image' || meta('meta[name="twitter:title"]') !== ogTitle)
        problems.push(`${p}: twitter card`);
      if (attr(select('link[rel="alternate"][type="application/atom+xml"]', tree) as Element | undefined, 'href') !== '/feed.xml')
        problems.push(`${p}: no feed link`);
      const themes = (selectAll('meta[name="theme-color"]', tree) as Element[]).map((m) => `${m.properties.media} ${m.properties.content}`);
      if (themes.join() !== `(prefers-color-scheme: light) ${site.themeColor},(prefers-color-scheme: dark) ${DARK_PANEL}`)
        problems.push(`${p}: theme-color ${themes}`);
    }
    expect(problems).toEqual([]);
  });
  it('says noindex on mention lists only (and on the 404 page)', () => {
    const noindex = pages.filter(
      (p) => attr(select('meta[name="robots"]', readPage(p + 'index.html')) as Element | undefined, 'content') === 'noindex',
    );
    expect(noindex.length).toBeGreaterThan(10);
    expect(noindex.filter((p) => !isMentionList(p))).toEqual([]);
    expect(pages.filter((p) => isMentionList(p) && !noindex.includes(p))).toEqual([]);
  });
  it('links the web app manifest and registers the service worker from the base', () => {
    for (const p of pages) {
      const tree = readPage(p + 'index.html');
      expect(attr(select('link[rel="manifest"]', tree) as Element | undefined, 'href'), p).toBe('/manifest.webmanifest');
      const script = select('script[data-service-worker]', tree) as Element | undefined;
      expect(script, p).toBeDefined();
      expect(toString(script!)).toContain('{"url":"/sw.js","scope":"/"}');
    }
  });
});

describe('404 page', () => {
  const tree = readPage('404.html');
  it('exists, says so, and links home', () => {
    expect((select('h1', tree) as Element).children.map((c) => ('value' in c ? c.value : '')).join('')).toBe('页面不存在');
    expect(selectAll('a', tree).some((a) => (a as Element).properties.href === '/')).toBe(true);
  });
  it('is not indexed and claims no canonical address', () => {
    expect(attr(select('meta[name="robots"]', tree) as Element | undefined, 'content')).toBe('noindex');
    expect(select('link[rel="canonical"]', tree)).toBeUndefined();
  });
});

const { findAll, findOne, textContent } = DomUtils;

describe('sitemap.xml and robots.txt without SITE_URL', () => {
  // With SITE_URL (absolute <loc>, no mention lists) see tests/browser/subpath.test.ts and the unit test.
  it('writes no sitemap, whose URLs would have to be absolute', () => expect(existsSync(join(DIST, 'sitemap.xml'))).toBe(false));
  it('writes a robots.txt that names no sitemap', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/Sitemap:/);
  });
});

describe('share image and feed', () => {
  it('has a PNG share image of the size the pages declare', () => {
    const bytes = readFileSync(join(DIST, 'share/site.png'));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([SHARE_IMAGE.width, SHARE_IMAGE.height]);
    const home = readPage('index.html');
    expect(attr(select('meta[property="og:image:width"]', home) as Element, 'content')).toBe(String(SHARE_IMAGE.width));
  });
  it('has an Atom feed of the latest documents, newest first, with title, 文号, date, summary and link', () => {
    const xml = readFileSync(join(DIST, 'feed.xml'), 'utf8');
    const feed = parseDocument(xml, { xmlMode: true });
    const root = feed.children.find((n) => n.type === 'tag') as unknown as { name: string; attribs: Record<string, string> };
    expect(root.name).toBe('feed');
    expect(root.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = findAll((e) => e.name === 'entry', feed.children);
    const documents = readdirSync(join(DIST, 'documents'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'page');
    expect(entries.length).toBe(Math.min(documents.length, FEED_SIZE));
    expect(entries.length).toBeGreaterThanOrEqual(Math.min(documents.length, 10));
    const child = (e: (typeof entries)[number], name: string) => findOne((c) => c.name === name, e.children, false);
    const updated = entries.map((e) => textContent(child(e, 'updated')!));
    expect([...updated].sort().reverse()).toEqual(updated);
    for (const e of entries) {
      for (const name of ['title', 'id', 'updated', 'summary']) expect(textContent(child(e, name)!).trim(), name).not.toBe('');
      expect(textContent(child(e, 'updated')!)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(textContent(child(e, 'id')!)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const href = child(e, 'link')!.attribs.href;
      expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    }
    const notice = entries.find((e) => textContent(child(e, 'title')!).includes('2022年经济与社会发展计划'))!;
    expect(textContent(child(notice, 'summary')!)).toContain('普长府〔2022〕1号 · 2022年1月13日');
    expect(new Set(entries.map((e) => textContent(child(e, 'id')!))).size).toBe(entries.length);
  });
});

describe('web app manifest', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  const at = `${H}/manifest.webmanifest`;
  it('starts at and is scoped to the base, whatever the base', () => {
    expect(new URL(manifest.start_url, at).href).toBe(`${H}/`);
    expect(new URL(manifest.scope, at).href).toBe(`${H}/`);
    expect(manifest.start_url).not.toMatch(/^\//); // relative to the manifest, hence base-aware
    expect(manifest.display).toBe('standalone');
    expect(manifest.name).toBe('长征镇政策文件库');
    expect(manifest.theme_color).toBe(site.themeColor);
  });
  it('has PNG icons of the sizes it declares, including 192 and 512', () => {
    const sizes: string[] = [];
    for (const icon of manifest.icons as Array<{ src: string; sizes: string; type: string }>) {
      const bytes = readFileSync(join(DIST, icon.src));
      if (icon.type !== 'image/png') continue;
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      const size = `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
      expect(size, icon.src).toBe(icon.sizes);
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });
});

describe('service worker', () => {
  const entries = precacheList(readFileSync(join(DIST, 'sw.js'), 'utf8'));
  const files = filesUnder(DIST);
  it('precaches the shell, the listing pages and the search core, within the 3 MB budget', () => {
    const urls = new Set(entries.map((e) => e.url));
    const listings = listPages(DIST)
      .filter((p) => p === '' || /^(documents|policies|projects|governance)\/(page\/\d+\/)?$/.test(p))
      .map((p) => p + 'index.html');
    const shell = files.filter((f) => /^_astro\/.*\.(css|js)$|^icons\//.test(f));
    const core = ['offline/index.html', '404.html', 'search/index.html', 'search-index/meta.json', 'manifest.webmanifest'];
    expect([...listings, ...shell, ...core].filter((f) => !urls.has(f))).toEqual([]);
    expect(
      [...urls].filter((u) => /^(documents|policies|projects|governance)\/[^/]+\/index\.html$/.test(u) && !u.startsWith('documents/page/')),
    ).toEqual([]);
    // The search index's shards and fragments load (and are cached) as searches need them.
    expect([...urls].filter((u) => /^search-index\/[gpnf]\//.test(u))).toEqual([]);
    expect([...urls].filter((u) => !files.includes(u))).toEqual([]);
    const bytes = [...urls].reduce((n, u) => n + statSync(join(DIST, u)).size, 0);
    expect(bytes).toBeLessThanOrEqual(3 * 1024 * 1024);
  });
  it('lists every other file, with its size, in the offline manifest that 保存全部 downloads', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'offline-manifest.json'), 'utf8')) as {
      files: Array<{ url: string; size: number; title?: string }>;
      size: number;
    };
    const precached = new Set(entries.map((e) => e.url));
    const listed = new Set(manifest.files.map((f) => (f.title !== undefined ? f.url + 'index.html' : f.url)));
    // The link-preview pictures are not for reading (tests/build/share-images.test.ts).
    const rest = files.filter(
      (f) => !precached.has(f) && !['sw.js', 'sitemap.xml', 'robots.txt', 'offline-manifest.json'].includes(f) && !f.startsWith('share/'),
    );
    expect(rest.filter((f) => !listed.has(f))).toEqual([]);
    expect([...listed].filter((f) => precached.has(f))).toEqual([]);
    expect(manifest.files.find((f) => f.url === 'policies/louzhangzhi/')?.title).toBe('楼长制 · 长征镇政策文件库');
    expect(manifest.size).toBe(manifest.files.reduce((n, f) => n + f.size, 0));
  });
  it('gives every file whose name has no content hash a revision', () => {
    const unrevised = entries.filter((e) => e.revision === null).map((e) => e.url);
    expect(unrevised.every((u) => u.startsWith('_astro/'))).toBe(true);
    expect(entries.find((e) => e.url === 'index.html')?.revision).toMatch(/^[0-9a-f]{32}$/);
  });
  it('takes over at once and clears out old caches', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).toContain('skipWaiting()');
    expect(sw).toContain('clients.claim()');
    expect(sw).toContain('-precache-'); // cleanupOutdatedCaches looks for older Workbox precaches by name
  });
});
