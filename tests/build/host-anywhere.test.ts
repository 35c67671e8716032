import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { DIST, readPage } from '../support/site.ts';
import { precacheList } from '../../src/lib/postbuild/service-worker.ts';

/** What a static host needs beyond the pages: metadata, sitemap, robots.txt, manifest, service worker. */
const pages = listPages(DIST);
const attr = (el: Element | undefined, name: string) => (el ? String(el.properties[name] ?? '') : undefined);
const H = 'http://host.invalid';

describe('every page', () => {
  it('is listed', () => expect(pages.length).toBeGreaterThan(100));
  it('has a meta description and a canonical link to itself', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const tree = readPage(p + 'index.html');
      const description = attr(select('meta[name="description"]', tree) as Element | undefined, 'content');
      const canonical = attr(select('link[rel="canonical"]', tree) as Element | undefined, 'href');
      if (!description?.trim()) problems.push(`${p}: no description`);
      if (!canonical || new URL(canonical, H).pathname !== encodeURI('/' + p)) problems.push(`${p}: canonical ${canonical}`);
    }
    expect(problems).toEqual([]);
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

describe('sitemap.xml and robots.txt', () => {
  const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  it('lists every page once', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(locs.map((l) => new URL(l, H).pathname).sort()).toEqual(pages.map((p) => encodeURI('/' + p)).sort());
  });
  it('is pointed to by robots.txt', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(new URL(sitemap!, H).pathname).toBe('/sitemap.xml');
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
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(DIST, join(e.parentPath, e.name)).split(sep).join('/'));
  it('precaches the shell, the listing pages and the search core, within the 3 MB budget', () => {
    const urls = new Set(entries.map((e) => e.url));
    const listings = listPages(DIST).filter((p) => p === '' || /^(documents|policies|projects|governance)\/(page\/\d+\/)?$/.test(p)).map((p) => p + 'index.html');
    const shell = files.filter((f) => /^_astro\/.*\.(css|js)$|^icons\//.test(f));
    const core = ['offline/index.html', '404.html', 'search/index.html', 'search-index/meta.json', 'manifest.webmanifest'];
    expect([...listings, ...shell, ...core].filter((f) => !urls.has(f))).toEqual([]);
    expect([...urls].filter((u) => /^(documents|policies|projects|governance)\/[^/]+\/index\.html$/.test(u) && !u.startsWith('documents/page/'))).toEqual([]);
    // The search index's shards and fragments load (and are cached) as searches need them.
    expect([...urls].filter((u) => /^search-index\/[gpnf]\//.test(u))).toEqual([]);
    expect([...urls].filter((u) => !files.includes(u))).toEqual([]);
    const bytes = [...urls].reduce((n, u) => n + statSync(join(DIST, u)).size, 0);
    expect(bytes).toBeLessThanOrEqual(3 * 1024 * 1024);
  });
  it('lists every other file, with its size, in the offline manifest that 保存全部 downloads', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'offline-manifest.json'), 'utf8')) as { files: Array<{ url: string; size: number; title?: string }>; size: number };
    const precached = new Set(entries.map((e) => e.url));
    const listed = new Set(manifest.files.map((f) => (f.title !== undefined ? f.url + 'index.html' : f.url)));
    const rest = files.filter((f) => !precached.has(f) && !['sw.js', 'sitemap.xml', 'robots.txt', 'offline-manifest.json'].includes(f));
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
