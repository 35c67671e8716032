import { describe, expect, it } from 'vitest';
import type { EntityBacklinks } from '../../src/lib/types.ts';
import { documentPages } from '../../src/lib/views/document-listing.ts';
import { documentFilter, facets, kindIndexPages, type IndexedEntity } from '../../src/lib/views/kind-index.ts';
import { firstView, mentionPages } from '../../src/lib/views/mentions.ts';
import { paginate, paginationNav } from '../../src/lib/views/paginate.ts';
import { comparePinyin, pinyinInitial, pinyinKey, sortByPinyin } from '../../src/lib/views/pinyin-order.ts';

// Real entity names and document titles from content/ (policies, projects, governance, sources).
const names = [
  '智能制造及机器人产业园',
  '云枢纽3.0',
  '长征镇数字经济产业扶持办法',
  '长征助业直通车',
  '“三位一体”运作机制',
  '重大项目周边环境打造',
  '1+N+X解纷体系',
  '宝能西上海中心',
  '靠谱贷',
  '长征镇互联网行业党委',
  '楼长制',
  '真光路桥',
];

describe('pinyin order', () => {
  it('reads 长 in 长征 as cháng, so 长征镇… files under C, not between 云枢纽3.0 and 智能制造', () => {
    expect(pinyinKey('长征镇数字经济产业扶持办法').startsWith('chang2 zheng1 zhen4')).toBe(true);
    expect(pinyinInitial('长征镇互联网行业党委')).toBe('C');
    const sorted = sortByPinyin(names, (n) => n);
    const yun = sorted.indexOf('云枢纽3.0');
    const zhi = sorted.indexOf('智能制造及机器人产业园');
    for (const n of sorted.filter((x) => x.startsWith('长征'))) {
      const i = sorted.indexOf(n);
      expect(i < yun || i > zhi, n).toBe(true);
      expect(i).toBeLessThan(sorted.indexOf('楼长制'));
    }
  });
  it('reads polyphones in context: 楼长 is zhǎng, 重大 is zhòng', () => {
    expect(pinyinKey('楼长制')).toBe('lou2 zhang3 zhi4');
    expect(pinyinInitial('重大项目周边环境打造')).toBe('Z');
  });
  it('ignores quotation marks and files digits first', () => {
    expect(pinyinInitial('“三位一体”运作机制')).toBe('S');
    expect(pinyinInitial('1+N+X解纷体系')).toBe('#');
    expect(sortByPinyin(names, (n) => n)[0]).toBe('1+N+X解纷体系');
    expect(sortByPinyin(names, (n) => n)).toEqual([
      '1+N+X解纷体系',
      '宝能西上海中心',
      '长征镇互联网行业党委',
      '长征镇数字经济产业扶持办法',
      '长征助业直通车',
      '靠谱贷',
      '楼长制',
      '“三位一体”运作机制',
      '云枢纽3.0',
      '真光路桥',
      '智能制造及机器人产业园',
      '重大项目周边环境打造',
    ]);
  });
  it('is a total order (equal readings fall back to code points)', () => {
    expect(comparePinyin('楼长制', '楼长制')).toBe(0);
    expect(Math.sign(comparePinyin('靠谱贷', '楼长制'))).toBe(-Math.sign(comparePinyin('楼长制', '靠谱贷')));
  });
});

describe('pagination', () => {
  it('splits into pages of at most the size, and always has a first page', () => {
    const pages = paginate(
      Array.from({ length: 61 }, (_, i) => i),
      30,
    );
    expect(pages.map((p) => p.items.length)).toEqual([30, 30, 1]);
    expect(pages[2]).toMatchObject({ number: 3, total: 3, count: 61 });
    expect(paginate([], 30)).toHaveLength(1);
    expect(() => paginate([1], 0)).toThrow(/positive integer/);
  });
  it('shows a bounded navigation whatever the number of pages', () => {
    const href = (n: number) => `/documents/${n === 1 ? '' : `page/${n}/`}`;
    const nav = paginationNav(17, 40, href);
    expect(nav.links.length).toBeLessThanOrEqual(9);
    expect(nav.links[0]).toEqual({ number: 1, href: '/documents/', current: false });
    expect(nav.links).toContainEqual({ number: 17, href: '/documents/page/17/', current: true });
    expect(nav.previous).toBe('/documents/page/16/');
    expect(nav.next).toBe('/documents/page/18/');
    expect(paginationNav(1, 1, href)).toEqual({
      previous: undefined,
      next: undefined,
      links: [{ number: 1, href: '/documents/', current: true }],
    });
  });
});

const doc = (slug: string, date: string, title = slug) => ({
  slug,
  meta: { title, date, kind: '规划', issuer: '长征镇人民政府', summary: '……', region: '普陀区长征镇' },
});

describe('document listing', () => {
  it('is newest first, paginated, with a year index pointing at the page each year starts on', () => {
    const docs = [
      doc('changzheng-14th-five-year-plan', '2021'),
      doc('changzheng-2022-plan', '2022-01-13'),
      doc('changzheng-party-building-2023', '2023'),
      doc('putuo-grassroots-governance-2025', '2025-02'),
      doc('xinhong-hub-party-building', '2022'),
    ];
    const pages = documentPages(docs, 2);
    expect(pages.map((p) => p.page.items.map((d) => d.slug))).toEqual([
      ['putuo-grassroots-governance-2025', 'changzheng-party-building-2023'],
      ['changzheng-2022-plan', 'xinhong-hub-party-building'],
      ['changzheng-14th-five-year-plan'],
    ]);
    expect(pages[0].years).toEqual([
      { year: '2025', count: 1, page: 1 },
      { year: '2023', count: 1, page: 1 },
      { year: '2022', count: 2, page: 2 },
      { year: '2021', count: 1, page: 3 },
    ]);
  });
});

const mention = (n: number) => ({ anchor: `p-${n}`, before: '推进', match: '楼长制', after: `工作${n}` });
const backlinkDocs = (counts: number[]): EntityBacklinks['documents'] =>
  counts.map((c, i) => ({
    slug: `doc-${i}`,
    title: `文件${i}`,
    date: `20${String(50 - i).padStart(2, '0')}`,
    mentions: Array.from({ length: c }, (_, j) => mention(j)),
  }));

describe('mentions', () => {
  it('first view: the 20 most recent documents, a few excerpts each, and says whether that is all', () => {
    const view = firstView(backlinkDocs(Array.from({ length: 25 }, () => 5)));
    expect(view.groups).toHaveLength(20);
    expect(view.groups[0]).toMatchObject({ slug: 'doc-0', total: 5 });
    expect(view.groups[0].mentions).toHaveLength(3);
    expect(view).toMatchObject({ complete: false, documentCount: 25, mentionCount: 125 });
    expect(firstView(backlinkDocs([1, 2])).complete).toBe(true);
  });
  it('full list: every mention exactly once, grouped by document, a split document marked continued', () => {
    const pages = mentionPages(backlinkDocs([40, 30, 5]), 60);
    expect(pages).toHaveLength(2);
    expect(pages[0].groups.map((g) => [g.slug, g.mentions.length, g.continued])).toEqual([
      ['doc-0', 40, false],
      ['doc-1', 20, false],
    ]);
    expect(pages[1].groups.map((g) => [g.slug, g.mentions.length, g.continued])).toEqual([
      ['doc-1', 10, true],
      ['doc-2', 5, false],
    ]);
    expect(pages.flatMap((p) => p.groups.flatMap((g) => g.mentions)).length).toBe(75);
  });
});

const entity = (slug: string, name: string, theme: string, region: string, ...statuses: string[]): IndexedEntity => ({
  slug,
  name,
  subtype: '制度',
  theme,
  region,
  statuses,
  summary: '……',
});

describe('kind index', () => {
  const entities = [
    entity('louzhangzhi', '楼长制', '社会治理', '普陀区长征镇', '实施中'),
    entity('yunshuniu', '云枢纽3.0', '党建引领', '闵行区新虹街道'),
    entity('changzheng-zhuye', '长征助业直通车', '民生保障', '普陀区长征镇', '持续推进', '实施中'),
    entity('kaopudai', '靠谱贷', '经济发展', '普陀区长征镇', '实施中'),
  ];
  const themes = ['经济发展', '社会治理', '民生保障', '党建引领', '城市建设'];
  it('files entities by theme in the configured order, pinyin order within one', () => {
    const more = [
      ...entities,
      entity('zhihui', '智慧社区', '社会治理', '普陀区长征镇'),
      entity('anju', '安居工程', '社会治理', '普陀区长征镇'),
    ];
    const [page] = kindIndexPages(more, 100, themes);
    expect(page.sections.map((s) => [s.theme, s.entities.map((e) => e.name)])).toEqual([
      ['经济发展', ['靠谱贷']],
      ['社会治理', ['安居工程', '楼长制', '智慧社区']],
      ['民生保障', ['长征助业直通车']],
      ['党建引领', ['云枢纽3.0']],
    ]);
    expect(page.themeNav).toEqual([
      { theme: '经济发展', count: 1, page: 1 },
      { theme: '社会治理', count: 3, page: 1 },
      { theme: '民生保障', count: 1, page: 1 },
      { theme: '党建引领', count: 1, page: 1 },
    ]);
  });
  it('splits a long index into bounded pages; a theme that runs on is marked continued and browsed from where it starts', () => {
    const many = Array.from({ length: 250 }, (_, i) => entity(`e${i}`, `条目${String(i).padStart(3, '0')}`, themes[i % 3], '普陀区长征镇'));
    const pages = kindIndexPages(many, 100, themes);
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 50]);
    expect(pages[0].themeNav).toEqual([
      { theme: '经济发展', count: 84, page: 1 },
      { theme: '社会治理', count: 83, page: 1 },
      { theme: '民生保障', count: 83, page: 2 },
    ]);
    expect(pages[1].sections.map((s) => [s.theme, s.continued])).toEqual([
      ['社会治理', true],
      ['民生保障', false],
    ]);
    expect(pages[2].sections.map((s) => [s.theme, s.continued])).toEqual([['民生保障', true]]);
    expect(kindIndexPages(entities, 3, themes).map((p) => p.items.length)).toEqual([3, 1]);
  });
  it('offers theme and region values in the configured order, statuses by frequency, with counts, only those present', () => {
    const f = facets(entities, {
      themes: ['经济发展', '社会治理', '民生保障', '党建引领', '城市建设'],
      regions: ['普陀区长征镇', '闵行区新虹街道'],
    });
    expect(f.theme.map((o) => o.value)).toEqual(['经济发展', '社会治理', '民生保障', '党建引领']);
    expect(f.region).toEqual([
      { value: '普陀区长征镇', count: 3 },
      { value: '闵行区新虹街道', count: 1 },
    ]);
    // Statuses are the sources' words: an entity with two (sources disagree) counts under both.
    expect(f.status).toEqual([
      { value: '实施中', count: 3 },
      { value: '持续推进', count: 1 },
    ]);
  });
  it('document filter: each document with the kind’s entities it mentions, newest first', () => {
    const data = documentFilter([
      {
        slug: 'louzhangzhi',
        documents: [
          { slug: 'changzheng-2022-plan', title: '2022年计划', date: '2022-01-13' },
          { slug: 'changzheng-14th-five-year-plan', title: '十四五规划', date: '2021' },
        ],
      },
      { slug: 'kaopudai', documents: [{ slug: 'changzheng-2022-plan', title: '2022年计划', date: '2022-01-13' }] },
    ]);
    expect(data).toEqual([
      { slug: 'changzheng-2022-plan', title: '2022年计划', date: '2022-01-13', entities: ['louzhangzhi', 'kaopudai'] },
      { slug: 'changzheng-14th-five-year-plan', title: '十四五规划', date: '2021', entities: ['louzhangzhi'] },
    ]);
  });
});

describe('home page', () => {
  it('links a view only once its route exists', async () => {
    const { hasRoute } = await import('../../src/lib/views/home.ts');
    expect(hasRoute(['pages/index.astro', 'pages/figures/index.astro', 'pages/timeline.astro'], 'figures')).toBe(true);
    expect(hasRoute(['pages/index.astro', 'pages/timeline.astro'], 'timeline')).toBe(true);
    expect(hasRoute(['pages/index.astro', 'pages/figures-old/index.astro'], 'figures')).toBe(false);
  });
});
