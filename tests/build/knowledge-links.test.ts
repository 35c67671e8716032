import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR } from '../../src/lib/emit/write-generated.ts';
import type { EntityBacklinks } from '../../src/lib/site/build-site-index.ts';
import { DIST, readPage } from '../support/site.ts';

const pageCache = new Map<string, ReturnType<typeof readPage>>();
const page = (path: string) => {
  if (!pageCache.has(path)) pageCache.set(path, readPage(path));
  return pageCache.get(path)!;
};
const ids = (path: string) => new Set((selectAll('[id]', page(path)) as Element[]).map((e) => String(e.properties.id)));
const hrefs = (path: string, selector: string) => (selectAll(selector, page(path)) as Element[]).map((a) => String(a.properties.href));

/** `/documents/x/#p-1` → ['documents/x/index.html', 'p-1'] (the default build is served at /). */
function target(href: string): [string, string | undefined] {
  const url = new URL(href, 'http://site/');
  return [url.pathname.replace(/^\//, '') + 'index.html', url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined];
}

function expectResolves(href: string, from: string) {
  const [file, anchor] = target(href);
  expect(existsSync(join(DIST, file)), `${from} → ${href}: no such page`).toBe(true);
  if (anchor) expect(ids(file).has(anchor), `${from} → ${href}: no such anchor`).toBe(true);
}

const entityPages = ['policies', 'projects', 'governance'].flatMap((kind) =>
  readdirSync(join(DIST, kind), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${kind}/${d.name}`),
);
const documentPages = readdirSync(join(DIST, 'documents'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `documents/${d.name}`);

describe('knowledge links in the built site', () => {
  it('has entity pages for all three kinds', () => {
    for (const kind of ['policies', 'projects', 'governance']) expect(entityPages.filter((p) => p.startsWith(kind)).length).toBeGreaterThan(20);
  });

  it('every citation on every entity page resolves to a document paragraph', () => {
    let citations = 0;
    for (const p of entityPages) {
      const links = hrefs(`${p}/index.html`, 'a.citation');
      expect(links.length, `${p} cites nothing`).toBeGreaterThan(0);
      for (const href of links) {
        expect(href).toMatch(/^\/documents\/[a-z0-9-]+\/#p-[0-9a-f]{8}/);
        expectResolves(href, p);
        citations++;
      }
    }
    expect(citations).toBeGreaterThan(entityPages.length);
  });

  it('every entity link on document and entity pages resolves, and none links a page to itself', () => {
    for (const p of [...documentPages, ...entityPages]) {
      for (const href of hrefs(`${p}/index.html`, 'a.entity-link')) {
        expectResolves(href, p);
        expect(new URL(href, 'http://site/').pathname).not.toBe(`/${p}/`);
      }
    }
  });

  it('every recorded mention is listed on its entity page with a deep link to a paragraph that names it; the page links the entity', () => {
    let mentions = 0;
    for (const kind of ['policies', 'projects', 'governance']) {
      for (const file of readdirSync(join(GENERATED_DIR, 'backlinks', kind))) {
        const b = JSON.parse(readFileSync(join(GENERATED_DIR, 'backlinks', kind, file), 'utf8')) as EntityBacklinks;
        // The entity page's first view and its complete list (/<id>/mentions/, …/mentions/2/).
        const listed = new Set<string>();
        for (let n = 1; existsSync(join(DIST, `${b.id}/mentions/${n > 1 ? `${n}/` : ''}index.html`)); n++) {
          for (const href of hrefs(`${b.id}/mentions/${n > 1 ? `${n}/` : ''}index.html`, 'main section a')) listed.add(href);
        }
        const firstView = hrefs(`${b.id}/index.html`, '#mentions-title ~ div section a');
        expect(firstView.every((h) => listed.has(h)), b.id).toBe(true);
        for (const d of b.documents) {
          const documentPage = page(`documents/${d.slug}/index.html`);
          // Only the first mention per section is a link (density), so the page links the entity at least once.
          expect(selectAll(`a.entity-link[href="/${b.id}/"]`, documentPage).length, `${d.slug} never links ${b.id}`).toBeGreaterThan(0);
          for (const m of d.mentions) {
            const href = `/documents/${d.slug}/#${m.anchor}`;
            expect(listed.has(href), `${b.id} does not list ${href}`).toBe(true);
            const paragraph = selectAll(`[id="${m.anchor}"]`, documentPage).map((e) => toString(e)).join('');
            expect(paragraph, `${href} does not name ${m.match}`).toContain(m.match);
            mentions++;
          }
        }
      }
    }
    expect(mentions).toBeGreaterThan(200);
  });

  it('links each entity at most once per heading section of a document; later mentions stay text', () => {
    let links = 0;
    let sections = 0;
    for (const p of documentPages) {
      const body = selectAll('#document-body :is(h2, h3, h4, h5, h6, a.entity-link)', page(`${p}/index.html`)) as Element[];
      let seen = new Set<string>();
      for (const e of body) {
        if (e.tagName !== 'a') {
          seen = new Set();
          sections++;
          continue;
        }
        const href = String(e.properties.href);
        expect(seen.has(href), `${p}: ${href} linked twice in one section`).toBe(false);
        seen.add(href);
        links++;
      }
    }
    expect(links).toBeGreaterThan(200);
    expect(sections).toBeGreaterThan(50);
  });

  it('no mention in the 新虹 report links to a page of 长征镇 (mentions link within the region of the document)', () => {
    const regionOf = (id: string) => (JSON.parse(readFileSync(join(GENERATED_DIR, 'entities', `${id}.json`), 'utf8')) as { region: string }).region;
    const linked = (selectAll('a.entity-link', page('documents/xinhong-hub-party-building/index.html')) as Element[]).map((a) => String(a.properties.dataEntity));
    expect(linked.length).toBeGreaterThan(10);
    for (const id of linked) expect(['闵行区新虹街道', '闵行区', '上海市', '全国'], `${id} is linked from the 新虹 report`).toContain(regionOf(id));
  });

  it('fixes the known false links and the missing one in the built pages', () => {
    const linksIn = (slug: string) => (selectAll('a.entity-link', page(`documents/${slug}/index.html`)) as Element[]).map((a) => [toString(a), String(a.properties.dataEntity)]);
    expect(linksIn('changzheng-party-building-2023')).not.toContainEqual(['一网一品', 'governance/15-fenzhong-dangqun-fuwuquan']);
    expect(linksIn('changzheng-2022-plan').filter(([t]) => t.includes('G2'))).toEqual([]);
    expect(linksIn('putuo-grassroots-governance-2025').map(([, id]) => id)).not.toContain('governance/di-er-tidui');
    expect(linksIn('changzheng-2022-plan')).toContainEqual(['口袋公园', 'projects/koudai-gongyuan-jianshe']);
    const plan2022 = readFileSync(join(DIST, 'documents/changzheng-2022-plan/index.html'), 'utf8');
    expect(plan2022).toContain('依托区域化党建医养服务共同体');
  });

  it('each document page offers the entities it mentions, so there is no dead end', () => {
    for (const p of documentPages) {
      const panel = hrefs(`${p}/index.html`, '.entity-panel a');
      expect(panel.length, `${p} has no entity panel`).toBeGreaterThan(0);
      panel.forEach((href) => expectResolves(href, p));
    }
  });
});
