import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { neighboursOf } from '../../src/lib/views/svg/neighbourhood-svg.ts';
import { ringMapSvg, segmentHitsBox, wrapLabel } from '../../src/lib/views/svg/ring-map-svg.ts';
import type { EntityRelation, RelatedEntity } from '../../src/lib/types.ts';
import {
  PAIRS_ON_OVERVIEW,
  PAIRS_PER_PAGE,
  relationTypePages,
  relationTypeSlug,
  relationTypeSummaries,
} from '../../src/lib/views/relations.ts';

// Real names of the corpus, short and long (the longest used to be cut to 泾阳路街区治理共…).
const names = [
  '一网统管',
  '泾阳路街区治理共同体建设',
  '“大数据+网格化+铁脚板”工作机制',
  '上海市生活垃圾分类示范街镇',
  'G2',
  '智联普陀城市大脑',
  '楼长制',
  '“红色合伙人”计划',
  '社区治理通',
  '普陀区互联网产业党建联盟',
  '数字长征',
  '美丽长征',
];
const node = (i: number) => ({ id: `governance/n${i}`, name: names[i % names.length], href: `/governance/n${i}/` });

function check(map: ReturnType<typeof ringMapSvg>) {
  for (const seg of map.segments)
    for (const box of map.labels) expect(segmentHitsBox(seg, box), `${JSON.stringify(seg)} crosses the label of ${box.id}`).toBe(false);
  const links = selectAll('a', map.svg) as Element[];
  for (const a of links) {
    expect(String(a.properties.href)).toMatch(/^\/governance\/n\d+\/$/);
    const title = (a.children as Element[]).find((c) => c.tagName === 'title');
    expect(title, 'node without title').toBeTruthy();
    expect(names).toContain(toString(title!));
  }
  return links;
}

describe('relations map', () => {
  it('never draws a line over a label, with a centre and 1 to 12 neighbours', () => {
    for (let n = 1; n <= 12; n++) {
      const nodes = Array.from({ length: n }, (_, i) => node(i + 1));
      const centre = node(0);
      const map = ringMapSvg({
        centre,
        nodes,
        edges: nodes.map((x, i) => ({ from: centre.id, to: x.id, typed: i % 2 === 0 })),
        title: 't',
        desc: 'd',
        ids: { title: 't', desc: 'd' },
      });
      expect(check(map)).toHaveLength(n + 1);
    }
  });

  it('never draws a line over a label on the overview ring, every pair joined', () => {
    for (let n = 2; n <= 12; n++) {
      const nodes = Array.from({ length: n }, (_, i) => node(i));
      const edges = nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => ({ from: a.id, to: b.id, typed: false })));
      const map = ringMapSvg({ nodes, edges, title: 't', desc: 'd', ids: { title: 't', desc: 'd' } });
      expect(map.segments).toHaveLength(edges.length);
      expect(check(map)).toHaveLength(n);
    }
  });

  it('wraps labels in two balanced lines, abbreviating only beyond them (the full name is the title)', () => {
    expect(wrapLabel('一网统管')).toEqual(['一网统管']);
    expect(wrapLabel('智联普陀城市大脑')).toEqual(['智联普陀', '城市大脑']);
    expect(wrapLabel('泾阳路街区治理共同体建设')).toEqual(['泾阳路街区治', '理共同体建设']);
    expect(wrapLabel('“大数据+网格化+铁脚板”工作机制')).toEqual(['“大数据+网格', '化+铁脚板”…']);
    expect(segmentHitsBox([0, 0, 10, 10], { x: 4, y: 4, width: 2, height: 2 })).toBe(true);
    expect(segmentHitsBox([0, 0, 10, 0], { x: 4, y: 1, width: 2, height: 2 })).toBe(false);
  });

  it('lists each neighbour once: an entity related two ways is one entry with both labels', () => {
    const rel = (direction: 'in' | 'out', label: string, id: string): EntityRelation => ({
      direction,
      type: label,
      label,
      id,
      name: id,
      kind: 'policies',
    });
    const relations = [rel('out', '属于', 'a'), rel('in', '实施者', 'a'), rel('out', '前身', 'b')];
    const related: RelatedEntity[] = [
      { id: 'b', name: 'b', kind: 'policies', count: 5 },
      { id: 'c', name: 'c', kind: 'projects', count: 3 },
    ];
    expect(neighboursOf(relations, related, (id) => `/${id}/`).map((n) => [n.id, n.label])).toEqual([
      ['a', '属于、实施者'],
      ['b', '前身'],
      ['c', '常一同提及（3 次）'],
    ]);
  });

  it('gives relation types ASCII addresses', () => {
    expect(relationTypeSlug('属于')).toBe('shuyu');
    expect(relationTypeSlug('同一事物的不同阶段')).toMatch(/^[a-z]+$/);
  });
});

describe('relations browse', () => {
  const pair = (i: number) => ({
    from: { id: `projects/p${i}`, name: `项目${i}`, kind: 'projects' as const },
    to: { id: 'policies/a', name: '政策', kind: 'policies' as const },
  });
  const overview = (count: number) => ({
    kinds: [],
    links: [],
    relationTypes: [],
    relationPairs: [{ type: '属于', count, pairs: Array.from({ length: count }, (_, i) => pair(i)) }],
  });

  it('shows at most PAIRS_ON_OVERVIEW pairs of a type on /relations/, the rest on bounded pages of their own', () => {
    expect(relationTypeSummaries(overview(10))[0].pairs).toHaveLength(10);
    expect(relationTypePages(overview(10))).toEqual([]);
    const [summary] = relationTypeSummaries(overview(5000));
    expect(summary.pairs).toHaveLength(PAIRS_ON_OVERVIEW);
    expect(summary.count).toBe(5000);
    const pages = relationTypePages(overview(5000));
    expect(pages).toHaveLength(Math.ceil(5000 / PAIRS_PER_PAGE));
    expect(Math.max(...pages.map((p) => p.page.items.length))).toBe(PAIRS_PER_PAGE);
    expect(pages.every((p) => p.slug === 'shuyu')).toBe(true);
  });
});
