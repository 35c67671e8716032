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
  it('shows each source\'s status dated by that source, where the sources disagree', () => {
    const items = (selectAll('.entity-status li', readPage(BOKE)) as Element[]).map(text);
    expect(items).toEqual(['2021年规划：规划中', '2022年通知：开工建设']);
    const links = (selectAll('.entity-status a', readPage(BOKE)) as Element[]).map((a) => String(a.properties.href));
    expect(links).toEqual([expect.stringMatching(/^\/documents\/changzheng-14th-five-year-plan\/#p-/), expect.stringMatching(/^\/documents\/changzheng-2022-plan\/#p-/)]);
  });

  it('labels every figure with the region and source it comes from', () => {
    const page = readPage('governance/yiwang-tongguan/index.html');
    expect(text(select('.region-badge', page) as Element)).toBe('地区：上海市');
    const rows = (selectAll('.meta-table tr', page) as Element[]).map(text).filter((t) => /%/.test(t));
    expect(rows.some((r) => r.includes('90%') && r.includes('普陀区长征镇'))).toBe(true);
    expect(rows.some((r) => r.includes('92.13%') && r.includes('闵行区新虹街道'))).toBe(true);
  });

  it('shows every entity\'s region as a badge', () => {
    for (const kind of ['policies', 'projects', 'governance']) {
      for (const d of readdirSync(join(DIST, kind), { withFileTypes: true }).filter((x) => x.isDirectory()).slice(0, 15)) {
        expect(text(select('.region-badge', readPage(`${kind}/${d.name}/index.html`)) as Element), `${kind}/${d.name}`).toMatch(/^地区：\S+/);
      }
    }
  });

  it('shows a typed relation on both pages, inverted on the target', () => {
    const out = (selectAll('.entity-relations li', readPage(BOKE)) as Element[]).map(text);
    expect(out).toContain('同一事物的不同阶段：波克城市互联网研发应用中心 项目');
    const back = (selectAll('.entity-relations li[data-direction="in"]', readPage(BOKE_CENTRE)) as Element[]).map(text);
    expect(back).toContain('同一事物的不同阶段：波克城市总部 项目');
  });

  it('draws the neighbourhood as a static SVG with title, desc and a visible list of the same entities', () => {
    const page = readPage(BOKE);
    const figure = select('figure.relations-view', page) as Element;
    expect(figure).toBeTruthy();
    const svg = select('svg', figure) as Element;
    expect(svg.properties.role).toBe('img');
    expect(text(select('title', svg) as Element)).toBe('波克城市总部的关系图');
    expect(text(select('desc', svg) as Element)).toContain('波克城市互联网研发应用中心（同一事物的不同阶段）');
    const nodes = selectAll('circle.rel-node', svg).length;
    const items = selectAll('ul.relations-list li a', figure) as Element[];
    expect(nodes).toBeGreaterThan(0);
    expect(nodes).toBeLessThanOrEqual(8);
    expect(items.length).toBe(nodes);
    for (const a of items) expect(existsSync(join(DIST, String(a.properties.href), 'index.html')), String(a.properties.href)).toBe(true);
    expect(selectAll('script', figure)).toEqual([]);
  });
});

describe('site-wide relations view', () => {
  it('shows the kinds as groups with counts and their most mentioned entities, bounded in size', () => {
    const page = readPage('relations/index.html');
    const svg = select('figure.relations-view svg', page) as Element;
    expect(text(select('title', svg) as Element)).toBe('条目类型关系总览');
    expect(text(select('desc', svg) as Element)).toMatch(/政策与制度 \d+ 个条目，项目 \d+ 个条目，治理模式 \d+ 个条目/);
    const groups = selectAll('section.kind-group', page) as Element[];
    expect(groups.length).toBe(3);
    for (const g of groups) {
      const items = selectAll('li a', g) as Element[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(8);
      for (const a of items) expect(existsSync(join(DIST, String(a.properties.href), 'index.html'))).toBe(true);
    }
    expect(text(select('table.kinds-links', page) as Element)).toContain('政策与制度 — 项目');
  });
});
