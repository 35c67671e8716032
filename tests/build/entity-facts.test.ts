import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { DIST, readPage } from '../support/site.ts';

const text = (e: Element | undefined) => (e ? toString(e).replace(/\s+/g, ' ').trim() : '');
const BOKE = 'projects/boke-chengshi-zongbu/index.html';
const BOKE_CENTRE = 'projects/boke-chengshi-hulianwang-yanfa-yingyong-zhongxin/index.html';

describe('cited facts, regions and relations on entity pages', () => {
  it("shows each source's status dated by that source, where the sources disagree", () => {
    const items = (selectAll('.entity-status li', readPage(BOKE)) as Element[]).map(text);
    expect(items).toEqual(['十四五规划：规划中', '2022年计划：开工建设']);
    const links = (selectAll('.entity-status a', readPage(BOKE)) as Element[]).map((a) => String(a.properties.href));
    expect(links).toEqual([
      expect.stringMatching(/^\/documents\/changzheng-14th-five-year-plan\/#p-/),
      expect.stringMatching(/^\/documents\/changzheng-2022-plan\/#p-/),
    ]);
  });

  it('cites each document by one mark on every entity page, never in the 〔〕 of a 文号 year', () => {
    const marks = new Map<string, Set<string>>();
    for (const kind of ['policies', 'projects', 'governance']) {
      for (const d of readdirSync(join(DIST, kind), { withFileTypes: true }).filter((x) => x.isDirectory())) {
        for (const a of selectAll('a.citation', readPage(`${kind}/${d.name}/index.html`)) as Element[]) {
          const doc = /\/documents\/([^/]+)\//.exec(String(a.properties.href))?.[1] ?? '';
          marks.set(doc, (marks.get(doc) ?? new Set()).add(text(a)));
        }
      }
    }
    expect(marks.size).toBe(5);
    for (const [doc, labels] of marks) {
      expect([...labels], doc).toHaveLength(1);
      expect([...labels][0], doc).toMatch(/^［[^〔〕]+］$/);
    }
    expect([...marks.get('changzheng-14th-five-year-plan')!]).toEqual(['［十四五规划］']);
  });

  it('labels every figure with the region and source it comes from', () => {
    const page = readPage('governance/yiwang-tongguan/index.html');
    expect(text(select('.region-badge', page) as Element)).toBe('地区：上海市');
    const rows = (selectAll('.meta-table tr', page) as Element[]).map(text).filter((t) => /%/.test(t));
    expect(rows.some((r) => r.includes('90%') && r.includes('普陀区长征镇'))).toBe(true);
    expect(rows.some((r) => r.includes('92.13%') && r.includes('闵行区新虹街道'))).toBe(true);
  });

  it("shows every entity's region as a badge", () => {
    for (const kind of ['policies', 'projects', 'governance']) {
      for (const d of readdirSync(join(DIST, kind), { withFileTypes: true })
        .filter((x) => x.isDirectory())
        .slice(0, 15)) {
        expect(text(select('.region-badge', readPage(`${kind}/${d.name}/index.html`)) as Element), `${kind}/${d.name}`).toMatch(
          /^地区：\S+/,
        );
      }
    }
  });

  it('shows a typed relation on both pages, inverted on the target', () => {
    const out = (selectAll('.relations-list li[data-typed]', readPage(BOKE)) as Element[]).map(text);
    expect(out).toContain('同一事物的不同阶段：波克城市互联网研发应用中心 项目');
    expect(out).toContain('属于：数字长征 政策');
    const back = (selectAll('.relations-list li[data-typed]', readPage(BOKE_CENTRE)) as Element[]).map(text);
    expect(back).toContain('同一事物的不同阶段：波克城市总部 项目');
    const parent = (selectAll('.relations-list li[data-typed]', readPage('policies/shuzi-changzheng/index.html')) as Element[]).map(text);
    expect(parent).toContain('包含：波克城市总部 项目');
  });

  it('draws the neighbourhood as a map whose nodes are links, with one list of the same entities', () => {
    const page = readPage(BOKE);
    const section = select('section.relations-view', page) as Element;
    expect(section).toBeTruthy();
    const svg = select('svg.relations-map', section) as Element;
    expect(text(select('title', svg) as Element)).toBe('波克城市总部的关系图');
    expect(text(select('desc', svg) as Element)).toContain('波克城市互联网研发应用中心（同一事物的不同阶段）');
    const nodes = (selectAll('a', svg) as Element[]).map((a) => String(a.properties.href));
    const items = (selectAll('ul.relations-list li a', section) as Element[]).map((a) => String(a.properties.href));
    // The centre is the page itself; every other node is an entry of the list, and the reverse.
    expect(nodes).toContain('/projects/boke-chengshi-zongbu/');
    expect(nodes.filter((h) => h !== '/projects/boke-chengshi-zongbu/').sort()).toEqual([...items].sort());
    expect(items.length).toBeLessThanOrEqual(12);
    for (const href of items) expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    expect(selectAll('script', section)).toEqual([]);
  });
});

describe('site-wide relations view', () => {
  it('browses the typed relations with their counts, each a list of linked pairs, and maps the most connected entities', () => {
    const page = readPage('relations/index.html');
    const sections = selectAll('section.relation-type', page) as Element[];
    expect(sections.map((s) => String(s.properties.dataRelationType))).toEqual(
      expect.arrayContaining(['属于', '实施', '前身', '同一事物的不同阶段']),
    );
    for (const s of sections) {
      const count = Number(/（(\d+) 条）/.exec(text(select('h2', s) as Element))![1]);
      const pairs = selectAll('ul.relation-pairs li', s) as Element[];
      expect(pairs.length).toBe(Math.min(count, 30));
      for (const li of pairs) {
        const links = selectAll('a', li) as Element[];
        expect(links).toHaveLength(2);
        for (const a of links) expect(existsSync(join(DIST, String(a.properties.href), 'index.html'))).toBe(true);
      }
    }
    expect(text(page as unknown as Element)).not.toMatch(/同段 \d+/);
    const map = select('figure.relations-view svg.relations-map', page) as Element;
    const nodes = selectAll('a', map).length;
    expect(nodes).toBeGreaterThan(2);
    expect(nodes).toBeLessThanOrEqual(12);
  });
});
