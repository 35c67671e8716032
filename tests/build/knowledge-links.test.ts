import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR } from '../../src/lib/compiler/emit/write-generated.ts';
import type { EntityBacklinks } from '../../src/lib/compiler/site-wide/build-site-index.ts';
import { buildEntityMatcher } from '../../src/lib/compiler/remark/link-entities.ts';
import { loadEntities } from '../../src/lib/compiler/source/load-entities.ts';
import { loadLinkExclusions } from '../../src/lib/compiler/source/load-link-exclusions.ts';
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
  readdirSync(join(DIST, kind), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${kind}/${d.name}`),
);
const documentPages = readdirSync(join(DIST, 'documents'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `documents/${d.name}`);

/** The paragraphs each entity page cites (its citations, figures and events), by document: anchor → citing entity ids. */
const citedAnchors = new Map<string, Map<string, Set<string>>>();
for (const p of entityPages) {
  for (const href of hrefs(`${p}/index.html`, 'a.citation, .entity-figures .figure-value a, .entity-events a[title]')) {
    const url = new URL(href, 'http://site/');
    const slug = url.pathname.split('/')[2];
    const anchors = citedAnchors.get(slug) ?? citedAnchors.set(slug, new Map()).get(slug)!;
    const anchor = decodeURIComponent(url.hash.slice(1));
    (anchors.get(anchor) ?? anchors.set(anchor, new Set()).get(anchor)!).add(p);
  }
}
const CONTENT = join(import.meta.dirname, '../../content');
const loaded = loadEntities(CONTENT).entities;
const matcher = buildEntityMatcher(
  loaded.map((e) => ({ ...e, region: e.frontmatter.region })),
  loadLinkExclusions(CONTENT, loaded).exclusions,
);

describe('knowledge links in the built site', () => {
  it('has entity pages for all three kinds', () => {
    for (const kind of ['policies', 'projects', 'governance'])
      expect(entityPages.filter((p) => p.startsWith(kind)).length).toBeGreaterThan(20);
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
        expect(
          firstView.every((h) => listed.has(h)),
          b.id,
        ).toBe(true);
        for (const d of b.documents) {
          const documentPage = page(`documents/${d.slug}/index.html`);
          // Only the first mention per section is a link (density), so the page links the entity at least once.
          expect(selectAll(`a.entity-link[href="/${b.id}/"]`, documentPage).length, `${d.slug} never links ${b.id}`).toBeGreaterThan(0);
          for (const m of d.mentions) {
            const href = `/documents/${d.slug}/#${m.anchor}`;
            expect(listed.has(href), `${b.id} does not list ${href}`).toBe(true);
            const paragraph = selectAll(`[id="${m.anchor}"]`, documentPage)
              .map((e) => toString(e))
              .join('');
            expect(paragraph, `${href} does not name ${m.match}`).toContain(m.match);
            mentions++;
          }
        }
      }
    }
    expect(mentions).toBeGreaterThan(200);
  });

  it('links each entity at most once per top-level section of a document, and once more only in a paragraph its page cites', () => {
    let links = 0;
    let sections = 0;
    for (const p of documentPages) {
      const doc = page(`${p}/index.html`);
      const headings = selectAll('#document-body :is(h2, h3, h4, h5, h6)', doc) as Element[];
      const top = Math.min(...headings.map((h) => Number(h.tagName.slice(1))));
      const body = selectAll('#document-body :is(h2, h3, h4, h5, h6, a.entity-link)', doc) as Element[];
      const cited = citedAnchors.get(p.slice('documents/'.length)) ?? new Map<string, Set<string>>();
      const anchorOf = new Map(
        (selectAll('#document-body [id]', doc) as Element[]).flatMap((block) =>
          (selectAll('a.entity-link', block) as Element[]).map((a) => [a, String(block.properties.id)] as const),
        ),
      );
      let seen = new Set<string>();
      for (const e of body) {
        if (e.tagName !== 'a') {
          if (Number(e.tagName.slice(1)) <= top) {
            seen = new Set();
            sections++;
          }
          continue;
        }
        const id = String(e.properties.dataEntity);
        const again = seen.has(id);
        if (again)
          expect(
            cited.get(anchorOf.get(e) ?? '')?.has(id),
            `${p}: ${id} linked twice in one section outside a paragraph its page cites`,
          ).toBe(true);
        seen.add(id);
        links++;
      }
    }
    expect(links).toBeGreaterThan(200);
    expect(sections).toBeGreaterThan(5);
  });

  it('every paragraph an entity page cites links to that entity where it names it, whatever the regions', () => {
    let checked = 0;
    for (const [slug, anchors] of citedAnchors) {
      const doc = page(`documents/${slug}/index.html`);
      for (const [anchor, ids] of anchors) {
        const block = select(`[id="${anchor}"]`, doc);
        expect(block, `documents/${slug}/#${anchor}`).toBeTruthy();
        const names = new Set(matcher.trie.scan(toString(block!)).flatMap((m) => m.value.map((c) => c.id)));
        const linked = new Set((selectAll('a.entity-link', block!) as Element[]).map((a) => String(a.properties.dataEntity)));
        for (const id of ids) {
          if (!names.has(id)) continue;
          expect(linked.has(id), `documents/${slug}/#${anchor} is cited by ${id} and names it, but does not link it`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('the cited paragraphs of the issue link their entities across regions: 楼委会 from the 普陀 article, 枢纽党建 in the 长征镇 plans', () => {
    const linksTo = (slug: string, id: string) =>
      selectAll(`#document-body a.entity-link[data-entity="${id}"]`, page(`documents/${slug}/index.html`)).length;
    for (const [slug, anchors] of citedAnchors) {
      for (const ids of anchors.values()) {
        for (const id of ids) if (/louweihui|shuniu-dangjian/.test(id)) expect(linksTo(slug, id), `${slug} → ${id}`).toBeGreaterThan(0);
      }
    }
  });

  it('an entity page lists each related entity once: its 关系 list, the sidebar and the other entity pages mentioning it never repeat one', () => {
    let lists = 0;
    for (const p of entityPages) {
      const doc = page(`${p}/index.html`);
      const ids = [
        ...(selectAll('.relations-list li[data-entity]', doc) as Element[]).map((li) => String(li.properties.dataEntity)),
        ...(selectAll('.entity-panel li[data-entity]', doc) as Element[]).map((li) => String(li.properties.dataEntity)),
        ...(selectAll('#mentions-title ~ h3 + ul a', doc) as Element[]).map((a) =>
          new URL(String(a.properties.href), 'http://site/').pathname.slice(1, -1),
        ),
      ];
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        p,
      ).toEqual([]);
      if (ids.length) lists++;
    }
    expect(lists).toBeGreaterThan(100);
  });

  it('every node of every relations map is a link to an entity page with its full name as title', () => {
    let nodes = 0;
    for (const p of [...entityPages.map((e) => `${e}/index.html`), 'relations/index.html']) {
      const doc = page(p);
      for (const svg of selectAll('svg.relations-map', doc) as Element[]) {
        const circles = selectAll('circle.rel-node, rect.rel-centre-box', svg) as Element[];
        const links = selectAll('a', svg) as Element[];
        expect(links.length, p).toBe(circles.length);
        for (const a of links) {
          expectResolves(String(a.properties.href), p);
          const title = (a.children as Element[]).find((c) => c.type === 'element' && c.tagName === 'title');
          const label = toString(a).replace(toString(title!), '');
          expect(title, `${p}: a node without a title`).toBeTruthy();
          const full = toString(title!);
          expect(String(a.properties.ariaLabel)).toBe(full);
          // The visible label is the name, wrapped, or its beginning followed by …
          expect(full.startsWith(label.replace(/…$/, '')), `${p}: label "${label}" is not the start of "${full}"`).toBe(true);
          nodes++;
        }
      }
    }
    expect(nodes).toBeGreaterThan(500);
  });

  it('no mention in the 新虹 report links to a page of 长征镇 (mentions link within the region of the document)', () => {
    const regionOf = (id: string) =>
      (JSON.parse(readFileSync(join(GENERATED_DIR, 'entities', `${id}.json`), 'utf8')) as { region: string }).region;
    // Except in a paragraph the entity's own page cites: the citation is the evidence (微网格's page cites the 新虹 网格 paragraph).
    const cited = citedAnchors.get('xinhong-hub-party-building')!;
    const doc = page('documents/xinhong-hub-party-building/index.html');
    const linked = (selectAll('#document-body [id]', doc) as Element[]).flatMap((block) =>
      (selectAll('a.entity-link', block) as Element[]).map((a) => [String(a.properties.dataEntity), String(block.properties.id)] as const),
    );
    expect(linked.length).toBeGreaterThan(10);
    for (const [id, anchor] of linked) {
      if (cited.get(anchor)?.has(id)) continue;
      expect(['闵行区新虹街道', '闵行区', '上海市', '全国'], `${id} is linked from the 新虹 report (#${anchor})`).toContain(regionOf(id));
    }
  });

  it('fixes the known false links and the missing one in the built pages', () => {
    const linksIn = (slug: string) =>
      (selectAll('a.entity-link', page(`documents/${slug}/index.html`)) as Element[]).map((a) => [
        toString(a),
        String(a.properties.dataEntity),
      ]);
    expect(linksIn('changzheng-party-building-2023')).not.toContainEqual(['一网一品', 'governance/15-fenzhong-dangqun-fuwuquan']);
    expect(linksIn('changzheng-2022-plan').filter(([t]) => t.includes('G2'))).toEqual([]);
    // 社区第二梯队 in the 普陀区 report links only in the paragraph 第二梯队's own page cites.
    const putuo = page('documents/putuo-grassroots-governance-2025/index.html');
    const tidui = (selectAll('#document-body [id]', putuo) as Element[])
      .filter((b) => selectAll('a.entity-link[data-entity="governance/di-er-tidui"]', b).length > 0)
      .map((b) => String(b.properties.id));
    expect(tidui.every((anchor) => citedAnchors.get('putuo-grassroots-governance-2025')?.get(anchor)?.has('governance/di-er-tidui'))).toBe(
      true,
    );
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
