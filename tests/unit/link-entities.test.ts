import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { remarkAssignIds } from '../../src/lib/compiler/remark/assign-ids.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEntityMatcher, chooseCandidate, remarkLinkEntities, type Mention } from '../../src/lib/compiler/remark/link-entities.ts';
import type { EntityRef } from '../../src/lib/schema/entity.ts';
import { loadLinkExclusions } from '../../src/lib/compiler/source/load-link-exclusions.ts';
import { parseInline } from '../../src/lib/compiler/structure/build-mdast.ts';
import { NameTrie } from '../../src/lib/text/name-trie.ts';

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
function link(paragraphs: string[], options: { selfId?: string; heading?: string; matcher?: typeof matcher } = {}) {
  const tree: Root = {
    type: 'root',
    children: [
      ...(options.heading ? [{ type: 'heading' as const, depth: 2 as const, children: parseInline(options.heading) }] : []),
      ...paragraphs.map((p) => ({ type: 'paragraph' as const, children: parseInline(p) })),
    ],
  };
  remarkAssignIds()(tree);
  const mentions: Mention[] = [];
  remarkLinkEntities({
    matcher: options.matcher ?? matcher,
    href: (id) => `/${id}/`,
    selfId: options.selfId,
    onMention: (m) => mentions.push(m),
  })(tree);
  const links: Array<[string, string]> = [];
  const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
    if (n.type === 'link') links.push([toString(n as never), n.url!]);
    (n.children as (typeof n)[] | undefined)?.forEach(walk);
  };
  walk(tree);
  return { links, mentions, text: toString(tree) };
}

describe('entity linking on seed sentences', () => {
  it('links each name, longest first', () => {
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

  it('keeps Latin/digit names whole (G2 does not match inside G20 or AG2), checked after the match', () => {
    const trie = new NameTrie<string>();
    trie.add('G2', 'g2');
    const text = '发挥地处G2、G42大动脉入城口，G20与AG2不是';
    expect(trie.scan(text).map((m) => m.start)).toEqual([text.indexOf('G2')]);
  });

  it('falls back to a shorter name at the same position when the longest breaks a boundary (云枢纽3.0 in 云枢纽3.05)', () => {
    const trie = new NameTrie<string>();
    trie.add('云枢纽', 'short');
    trie.add('云枢纽3.0', 'long');
    expect(trie.scan('打造云枢纽3.0平台').map((m) => m.value)).toEqual(['long']);
    expect(trie.scan('打造云枢纽3.05平台').map((m) => m.value)).toEqual(['short']);
  });

  it('matches an alias that includes quotation marks and keeps the text intact', () => {
    const source = '全力推进建德地区综合治理工作，总结、提炼、推广社区治理“建德模式”，形成长征特色社区治理共同体。';
    const { links, text } = link([source]);
    expect(links).toEqual([['“建德模式”', '/governance/jiande-moshi/']]);
    expect(text).toBe(source);
  });

  it('never links inside headings, existing links or on the entity’s own page', () => {
    expect(link([], { heading: '一、落实城市运行“一网统管”' }).links).toEqual([]);
    expect(
      link(['天地软件园这种“集群式党建”通过党建联盟、楼宇自治、阵地融合、分类覆盖“四位一体”机制进行运作'], {
        selfId: 'governance/siwei-yiti',
      }).links,
    ).toEqual([]);
  });

  it('records each mention with its paragraph anchor and an excerpt', () => {
    const { mentions } = link(['做优“楼长制”和“三送一关怀”的安商稳商服务品牌，组织开展企业走访。']);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({
      entityId: 'policies/louzhangzhi',
      match: '楼长制',
      before: '做优“',
      after: '”和“三送一关怀”的安商稳商服务品牌，组织开展企业走访。',
    });
    expect(mentions[0].anchor).toMatch(/^p-[0-9a-f]{8}$/);
  });

  it('links inside bold text too, and an entity once per section (its alias later in the paragraph stays text)', () => {
    const { links, mentions } = link(['**推动信泰中心早投入早产出。**在G2入城口，打造“长三角G2科技企业总部”']);
    expect(links).toEqual([['信泰中心', '/projects/xintai/']]);
    expect(mentions.map((m) => m.match)).toEqual(['信泰中心', '长三角G2科技企业总部']);
  });

  it('links an entity again after a heading starts a new section', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: parseInline('做优“楼长制”，楼长制服务企业。') },
        { type: 'heading', depth: 3, children: parseInline('（二）安商稳商') },
        { type: 'paragraph', children: parseInline('发挥“楼长制”+楼宇综合服务站创新服务的作用。') },
      ],
    };
    remarkLinkEntities({ matcher, href: (id) => `/${id}/` })(tree);
    expect(JSON.stringify(tree).match(/entity-link/g)).toHaveLength(2);
  });
});

describe('exclusions', () => {
  it('a reviewed "not a mention" phrase wins over the name inside it, for that entity only', () => {
    const withExclusion = buildEntityMatcher(
      [entity('governance/quyuhua', '区域化党建')],
      [{ entity: 'governance/quyuhua', phrases: ['区域化党建医养服务共同体'], why: 'a body of its own' }],
    );
    const { links, mentions } = link(['依托区域化党建医养服务共同体，积极推进医养服务项目。发挥区域化党建等机制平台的凝聚引领作用'], {
      matcher: withExclusion,
    });
    expect(links).toEqual([['区域化党建', '/governance/quyuhua/']]);
    expect(mentions).toHaveLength(1);
  });

  it('the file is validated: unknown entity ids and phrases that contain no name are errors naming file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-exclusions-'));
    writeFileSync(
      join(dir, 'link-exclusions.yaml'),
      [
        '- entity: governance/no-such-page',
        '  phrases: [区域化党建医养服务共同体]',
        '  why: test entry',
        '- entity: governance/siwei-yiti',
        '  phrases: [医养服务共同体]',
        '  why: test entry',
        '',
      ].join('\n'),
    );
    const { exclusions, problems } = loadLinkExclusions(dir, entities);
    expect(exclusions).toEqual([]);
    expect(problems).toMatchObject([
      { line: 1, field: '[0].entity', message: 'names the entity "governance/no-such-page", which does not exist' },
      { line: 5, field: '[1].phrases[0]', message: expect.stringContaining('does not contain any name of governance/siwei-yiti') },
    ]);
    expect(problems[0].file).toBe(join(dir, 'link-exclusions.yaml'));

    writeFileSync(join(dir, 'link-exclusions.yaml'), '- entity: governance/siwei-yiti\n  phrase: [四位一体机制]\n  why: test entry\n');
    const misspelt = loadLinkExclusions(dir, entities).problems;
    expect(misspelt.length).toBeGreaterThan(0);
    expect(misspelt[0]).toMatchObject({ line: 2 });
  });
});

describe('regions', () => {
  const cityWide = { id: 'governance/a', region: '上海市' };
  const town = { id: 'governance/b', region: '普陀区长征镇' };
  const xinhong = { id: 'governance/c', region: '闵行区新虹街道' };

  it("a name shared by entities of different regions resolves to the one of the document's region", () => {
    expect(chooseCandidate([xinhong, town], '上海市普陀区长征镇')).toBe(town);
    expect(chooseCandidate([town, xinhong], '上海市闵行区新虹街道')).toBe(xinhong);
  });

  it("else to the nearest enclosing region; never to a region beside or inside the document's", () => {
    expect(chooseCandidate([cityWide, xinhong], '上海市普陀区长征镇')).toBe(cityWide);
    expect(chooseCandidate([town], '上海市闵行区新虹街道')).toBeUndefined();
    expect(chooseCandidate([town], '上海市普陀区')).toBeUndefined();
  });

  it('an entity page also links to entities inside its region', () => {
    expect(chooseCandidate([town], '上海市', true)).toBe(town);
    expect(chooseCandidate([xinhong], '普陀区长征镇', true)).toBeUndefined();
  });

  it("in a whole paragraph: the 普陀区 report does not link 长征镇's 第二梯队", () => {
    const m = buildEntityMatcher([{ id: 'governance/di-er-tidui', name: '第二梯队', aliases: ['社区第二梯队'], region: '普陀区长征镇' }]);
    const tree: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: parseInline('来自机关青年、社区第二梯队、楼委会主任、养老从业者') }],
    };
    const mentions: Mention[] = [];
    remarkLinkEntities({ matcher: m, href: (id) => `/${id}/`, region: '上海市普陀区', onMention: (x) => mentions.push(x) })(tree);
    expect(toString(tree)).toBe('来自机关青年、社区第二梯队、楼委会主任、养老从业者');
    expect(JSON.stringify(tree)).not.toContain('entity-link');
    expect(mentions).toEqual([]);
  });
});
