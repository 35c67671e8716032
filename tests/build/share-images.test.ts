import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.config.ts';
import { OFFLINE_MANIFEST, type OfflineManifest } from '../../src/lib/offline/offline-caches.ts';
import { precacheList } from '../../src/lib/postbuild/generate-service-worker.ts';
import { isMentionList, listPages } from '../../src/lib/postbuild/sitemap.ts';
import { SHARE_IMAGE, SITE_SHARE_IMAGE } from '../../src/lib/views/share-image.ts';
import { DIST, readPage } from '../support/site.ts';

/** Each document and entity page's link preview shows its own picture (src/lib/postbuild/share-images.ts). */
const pages = listPages(DIST);
const meta = (page: string, selector: string) =>
  String((select(`meta[${selector}]`, readPage(`${page}index.html`)) as Element | undefined)?.properties.content ?? '');
const documents = pages.filter((p) => /^documents\/(?!page\/)[^/]+\/$/.test(p));
const kindIds = site.kinds.map((k) => k.id);
const entities = pages.filter((p) => kindIds.includes(p.split('/')[0]) && /^[^/]+\/(?!page\/)[^/]+\/$/.test(p));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(join(DIST, file));
  expect(bytes.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('share pictures', () => {
  it('finds the pages', () => {
    expect(documents.length).toBeGreaterThanOrEqual(5);
    expect(entities.length).toBeGreaterThan(20);
  });
  it('gives each document and entity page its own PNG of the declared size, its title as alt text', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const p of [...documents, ...entities]) {
      const image = meta(p, 'property="og:image"');
      const file = image.replace(/^\//, '');
      if (!/^share\/.+\.png$/.test(file) || file === SITE_SHARE_IMAGE) problems.push(`${p}: og:image ${image}`);
      else if (!existsSync(join(DIST, file))) problems.push(`${p}: ${image} is not in the build`);
      else if (pngSize(file).join('×') !== `${SHARE_IMAGE.width}×${SHARE_IMAGE.height}`)
        problems.push(`${p}: ${image} is ${pngSize(file)}`);
      if (seen.has(file)) problems.push(`${p}: ${image} is another page's too`);
      seen.add(file);
      if (meta(p, 'name="twitter:image"') !== image) problems.push(`${p}: twitter:image differs`);
      const title = meta(p, 'property="og:title"');
      if (meta(p, 'property="og:image:alt"') !== title || meta(p, 'name="twitter:image:alt"') !== title)
        problems.push(`${p}: alt is not ${title}`);
      if (meta(p, 'property="og:image:width"') !== String(SHARE_IMAGE.width)) problems.push(`${p}: og:image:width`);
    }
    expect(problems).toEqual([]);
  });
  it('points a mention list at its entity’s picture', () => {
    const mentions = pages.filter(isMentionList);
    expect(mentions.length).toBeGreaterThan(10);
    for (const p of mentions) {
      const entity = p.replace(/mentions\/.*$/, '');
      expect(meta(p, 'property="og:image"'), p).toBe(meta(entity, 'property="og:image"'));
    }
  });
  it('gives the other pages the site picture', () => {
    const others = pages.filter((p) => !documents.includes(p) && !entities.includes(p) && !isMentionList(p));
    expect(others).toContain('');
    for (const p of others) expect(meta(p, 'property="og:image"'), p).toBe(`/${SITE_SHARE_IMAGE}`);
  });
  it('keeps them out of the service worker’s precache and the offline manifest', () => {
    const precached = precacheList(readFileSync(join(DIST, 'sw.js'), 'utf8')).map((e) => e.url);
    expect(precached.filter((u) => u.startsWith('share/'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(DIST, OFFLINE_MANIFEST), 'utf8')) as OfflineManifest;
    expect(manifest.files.length).toBeGreaterThan(100);
    expect(manifest.files.filter((f) => f.url.startsWith('share/'))).toEqual([]);
  });
});
