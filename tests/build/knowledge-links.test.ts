import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
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

  it('every recorded mention is listed on its entity page with a deep link to a paragraph that links back', () => {
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
          for (const m of d.mentions) {
            const href = `/documents/${d.slug}/#${m.anchor}`;
            expect(listed.has(href), `${b.id} does not list ${href}`).toBe(true);
            const paragraph = selectAll(`[id="${m.anchor}"] a.entity-link[href="/${b.id}/"]`, page(`documents/${d.slug}/index.html`));
            expect(paragraph.length, `${href} does not link back to ${b.id}`).toBeGreaterThan(0);
            mentions++;
          }
        }
      }
    }
    expect(mentions).toBeGreaterThan(200);
  });

  it('each document page offers the entities it mentions, so there is no dead end', () => {
    for (const p of documentPages) {
      const panel = hrefs(`${p}/index.html`, '.entity-panel a');
      expect(panel.length, `${p} has no entity panel`).toBeGreaterThan(0);
      panel.forEach((href) => expectResolves(href, p));
    }
  });
});
