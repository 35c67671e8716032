import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { remarkAssignIds } from '../../src/lib/remark/assign-ids.ts';
import { buildEntityMatcher, remarkLinkEntities, type Mention } from '../../src/lib/remark/link-entities.ts';
import type { EntityRef } from '../../src/lib/schema/entity.ts';
import { parseInline } from '../../src/lib/structure/build-mdast.ts';

const entity = (id: string, name: string, aliases: string[] = []): EntityRef => {
  const [kind, slug] = id.split('/') as [EntityRef['kind'], string];
  return { id, kind, slug, name, aliases };
};

const entities = [
  entity('governance/yiwang-tongguan', '一网统管'),
  entity('governance/yiwang-tongban', '一网通办'),
  entity('projects/huan-tongji', '环同济生命健康产业园'),
  entity('projects/shengming', '生命健康产业园'),
  entity('policies/louzhangzhi', '楼长制'),
  entity('policies/hezhangzhi', '河长制'),
  entity('projects/xintai', '信泰中心', ['长三角G2科技企业总部']),
  entity('governance/jiande-moshi', '建德模式', ['“建德模式”']),
  entity('governance/siwei-yiti', '四位一体'),
];
const matcher = buildEntityMatcher(entities);

/** Runs the linker on paragraphs of real seed text and returns the links and recorded mentions. */
function link(paragraphs: string[], options: { selfId?: string; heading?: string } = {}) {
  const tree: Root = {
    type: 'root',
    children: [
      ...(options.heading ? [{ type: 'heading' as const, depth: 2 as const, children: parseInline(options.heading) }] : []),
      ...paragraphs.map((p) => ({ type: 'paragraph' as const, children: parseInline(p) })),
    ],
  };
  remarkAssignIds()(tree);
  const mentions: Mention[] = [];
  remarkLinkEntities({ matcher, href: (id) => `/${id}/`, selfId: options.selfId, onMention: (m) => mentions.push(m) })(tree);
  const links: Array<[string, string]> = [];
  const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
    if (n.type === 'link') links.push([toString(n as never), n.url!]);
    (n.children as typeof n[] | undefined)?.forEach(walk);
  };
  walk(tree);
  return { links, mentions, text: toString(tree) };
}

describe('entity linking on seed sentences', () => {
  it('links each name once per occurrence, longest first', () => {
    const { links } = link(['依托政务服务“一网通办”和城市运行“一网统管”建设，深化智慧社区、智慧园区、智慧商圈建设。']);
    expect(links).toEqual([
      ['一网通办', '/governance/yiwang-tongban/'],
      ['一网统管', '/governance/yiwang-tongguan/'],
    ]);
  });

  it('prefers the longer overlapping name (环同济生命健康产业园 over 生命健康产业园)', () => {
    const { links } = link(['加强与同济大学的合作，依托生命健康产业基础，做强环同济生命健康产业园。']);
    expect(links).toEqual([['环同济生命健康产业园', '/projects/huan-tongji/']]);
  });

  it('does not link look-alikes (河长制 is not 楼长制)', () => {
    const { links } = link(['贯彻落实“河长制”，深入推进美丽家园建设。']);
    expect(links).toEqual([['河长制', '/policies/hezhangzhi/']]);
  });

  it('keeps Latin/digit names whole (G2 does not match inside G42)', () => {
    const g = buildEntityMatcher([entity('projects/g2', 'G2')]);
    const text = '发挥地处G2、G42大动脉入城口和创新资源集聚的优势';
    expect([...text.matchAll(g.pattern)].map((m) => m.index)).toEqual([text.indexOf('G2')]);
  });

  it('matches an alias that includes quotation marks and keeps the text intact', () => {
    const source = '全力推进建德地区综合治理工作，总结、提炼、推广社区治理“建德模式”，形成长征特色社区治理共同体。';
    const { links, text } = link([source]);
    expect(links).toEqual([['“建德模式”', '/governance/jiande-moshi/']]);
    expect(text).toBe(source);
  });

  it('never links inside headings, existing links or on the entity’s own page', () => {
    expect(link([], { heading: '一、落实城市运行“一网统管”' }).links).toEqual([]);
    expect(link(['天地软件园这种“集群式党建”通过党建联盟、楼宇自治、阵地融合、分类覆盖“四位一体”机制进行运作'], { selfId: 'governance/siwei-yiti' }).links).toEqual([]);
  });

  it('records each mention with its paragraph anchor and an excerpt', () => {
    const { mentions } = link(['做优“楼长制”和“三送一关怀”的安商稳商服务品牌，组织开展企业走访。']);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ entityId: 'policies/louzhangzhi', match: '楼长制', before: '做优“', after: '”和“三送一关怀”的安商稳商服务品牌，组织开展企业走访。' });
    expect(mentions[0].anchor).toMatch(/^p-[0-9a-f]{8}$/);
  });

  it('links inside bold text too', () => {
    const { links } = link(['**推动信泰中心早投入早产出。**在G2入城口，打造“长三角G2科技企业总部”']);
    expect(links.map(([t]) => t)).toEqual(['信泰中心', '长三角G2科技企业总部']);
  });
});

describe('the matcher', () => {
  it('is one regular expression over all names, longest first', () => {
    const source = matcher.pattern.source;
    expect(source.indexOf('环同济生命健康产业园')).toBeLessThan(source.indexOf('生命健康产业园'));
    expect(matcher.entityByName.size).toBe(11); // 9 names + 2 aliases
  });
});
