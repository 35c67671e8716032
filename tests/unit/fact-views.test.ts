import { describe, expect, it } from 'vitest';
import type { ResolvedEvent, ResolvedFigure } from '../../src/lib/types.ts';
import {
  buildFiguresPages,
  computeProgress,
  formatFigureValue,
  formatPeriod,
  groupFigures,
  planTable,
  ROWS_PER_PAGE,
  trendOf,
  type FiguresIndexPage,
  type PlanTablePage,
  type PlansListPage,
} from '../../src/lib/views/figures.ts';
import { paginateGroups } from '../../src/lib/views/paginate.ts';
import { buildTimelinePages, groupByYear } from '../../src/lib/views/timeline.ts';

// The example, as content/figures.yaml states it (quotes from the sources).
const source = (document: string, quote: string, date: string) => ({
  document,
  anchor: 'p-x',
  title: document,
  date,
  quote,
  label: `${date.slice(0, 4)}年`,
});
const plan = (quote: string) => source('changzheng-14th-five-year-plan', quote, '2021');
const figure = (id: number, f: Partial<ResolvedFigure> & Pick<ResolvedFigure, 'value' | 'kind' | 'period' | 'unit'>): ResolvedFigure => ({
  id,
  metric: '区级税收',
  region: '普陀区长征镇',
  entities: [],
  source: plan('区级税收'),
  ...f,
});
// In file order, deliberately not chronological.
const tax: ResolvedFigure[] = [
  figure(0, {
    value: 17,
    qualifier: '超',
    unit: '亿元',
    kind: '实际',
    period: '2022',
    source: source('changzheng-party-building-2023', '区级税收超17亿元', '2023'),
  }),
  figure(1, {
    value: { min: 85, max: 90 },
    unit: '亿元',
    kind: '目标',
    period: '2021-2025',
    periodLabel: '十四五期间',
    source: plan('完成区级税收85-90亿元'),
  }),
  figure(2, {
    value: 75.93,
    unit: '亿元',
    kind: '基数',
    period: '2016-2020',
    periodLabel: '十三五期间累计',
    source: plan('累计完成区级税收75.93亿元'),
  }),
  figure(3, {
    value: 15,
    aspect: '增长',
    unit: '%',
    kind: '目标',
    period: '2022',
    source: source('changzheng-2022-plan', '区级税收增长15%', '2022-01-13'),
  }),
];

describe('figures view', () => {
  it('writes values as the sources do', () => {
    expect(tax.map(formatFigureValue)).toEqual(['超17亿元', '85–90亿元', '75.93亿元', '增长15%']);
    expect(formatFigureValue({ value: 110, qualifier: '余', unit: '万平方米' })).toBe('110余万平方米');
    expect(formatFigureValue({ value: 90, qualifier: '以上', unit: '%' })).toBe('90%以上');
    expect(formatPeriod(tax[0])).toBe('2022年');
    expect(formatPeriod(tax[1])).toBe('十四五期间');
  });

  it('puts the 区级税收 series in period order: 十三五 result → 十四五 target → 2022 target → 2022 result', () => {
    const [group] = groupFigures(tax);
    expect(group.series).toHaveLength(1);
    expect(group.series[0].values.map((v) => `${v.period} ${v.kind} ${v.value}`)).toEqual([
      '十三五期间累计 基数 75.93亿元',
      '十四五期间 目标 85–90亿元',
      '2022年 目标 增长15%',
      '2022年 实际 超17亿元',
    ]);
  });

  it('computes progress only where units agree, and says what is unknown', () => {
    const progress = computeProgress(tax);
    expect(progress).toHaveLength(1);
    expect(progress[0].target).toBe(1);
    expect(progress[0].text).toBe('已知实际：2022年超17亿元，约为十四五期间目标（85–90亿元）的18.9%–20%；其余年份原文未载');
    // Same period: a completion rate.
    const same = computeProgress([
      figure(0, { value: 4, unit: '个', kind: '目标', period: '2022' }),
      figure(1, { value: 3, unit: '个', kind: '实际', period: '2022' }),
    ]);
    expect(same.map((p) => p.text)).toEqual(['2022年3个，为2022年目标的75%']);
  });

  it('never mixes regions: 长征镇 90% and 新虹 92.13% are separate, labelled series', () => {
    const groups = groupFigures([
      figure(0, {
        metric: '一网统管问题解决',
        value: 90,
        qualifier: '以上',
        unit: '%',
        kind: '基数',
        period: '2016-2020',
        aspect: '在基层解决的问题占比',
      }),
      figure(1, {
        metric: '一网统管问题解决',
        region: '闵行区新虹街道',
        value: 92.13,
        unit: '%',
        kind: '实际',
        period: '2021-2022',
        aspect: '城运中心平台群众诉求解决率',
      }),
    ]);
    expect(groups[0].series.map((s) => [s.region, s.values.map((v) => v.value)])).toEqual([
      ['普陀区长征镇', ['在基层解决的问题占比90%以上']],
      ['闵行区新虹街道', ['城运中心平台群众诉求解决率92.13%']],
    ]);
    expect(groups[0].series.every((s) => s.progress.length === 0)).toBe(true);
  });

  it('builds the plan’s 主要指标 table in the plan’s order, with the 2022 result and progress beside the target', () => {
    const inPlan = (id: number, position: number, f: Parameters<typeof figure>[1]) => ({ ...figure(id, f), position });
    const figures = [
      ...tax.map((f) => (f.source.document === 'changzheng-14th-five-year-plan' ? { ...f, position: 10 } : f)),
      inPlan(4, 3, {
        metric: '新增商业商务面积',
        value: 75,
        unit: '万平方米',
        kind: '目标',
        period: '2021-2025',
        periodLabel: '十四五期间',
      }),
      inPlan(5, 12, {
        aspect: '年均增长率',
        value: { min: 6, max: 8 },
        unit: '%',
        kind: '目标',
        period: '2021-2025',
        periodLabel: '十四五期间',
      }),
      inPlan(6, 1, { metric: '帮困救助', value: 16, unit: '万人次', kind: '基数', period: '2016-2020' }),
      // Another region's result is never beside this plan's target.
      figure(7, {
        region: '闵行区新虹街道',
        value: 3,
        unit: '亿元',
        kind: '实际',
        period: '2022',
        source: source('xinhong', '区级税收3亿元', '2023'),
      }),
    ];
    const { rows, baselines } = planTable('changzheng-14th-five-year-plan', figures);
    expect(rows.map((r) => r.metric)).toEqual(['新增商业商务面积', '区级税收']);
    const taxRow = rows[1];
    expect(taxRow.unit).toBe('亿元');
    expect(taxRow.base.map((v) => v.short)).toEqual(['75.93']);
    expect(taxRow.target.map((v) => v.short)).toEqual(['85–90']);
    expect(taxRow.growth.map((v) => v.short)).toEqual(['6–8%']);
    expect(taxRow.actual.map((v) => [v.short, v.period, v.source.date])).toEqual([['超17', '2022年', '2023']]);
    expect(taxRow.progress.map((p) => [p.share, p.note])).toEqual([['约18.9%–20%', '已知2022年；其余年份原文未载']]);
    expect(taxRow.progress[0].fraction.low).toBeCloseTo(17 / 90);
    expect(baselines.map((r) => r.metric)).toEqual(['帮困救助']);
  });

  it('draws a trend only for a real series: one period length, each period once', () => {
    expect(trendOf(tax, '亿元').map((p) => p.label)).toEqual(['十三五期间累计基数', '十四五期间目标']);
    const projects = [0, 1, 2].map((i) =>
      figure(i, { metric: '重点项目总建筑面积', value: 4 + i, unit: '万平方米', kind: '目标', period: '2021-2025' }),
    );
    expect(trendOf(projects, '万平方米')).toEqual([]);
  });

  it('keeps every 指标 page bounded as figures grow: topics paginated, plans listed a page at a time', () => {
    const many: ResolvedFigure[] = [];
    for (let i = 0; i < 3000; i++) {
      const doc = `plan-${i % 400}`;
      many.push(
        figure(i, {
          metric: `指标${i % 900}`,
          value: i,
          unit: '个',
          kind: i % 3 === 0 ? '实际' : '目标',
          period: '2022',
          topic: ['经济发展', '社会治理', undefined][i % 3],
          source: source(doc, `数值${i}`, `20${10 + (i % 15)}`),
        }),
      );
    }
    const pages = buildFiguresPages(many);
    const index = pages.filter((p): p is FiguresIndexPage => p.view === 'index');
    expect(index.length).toBeGreaterThan(10);
    for (const p of index) {
      expect(p.groups.reduce((n, g) => n + g.rows.length, 0)).toBeLessThanOrEqual(ROWS_PER_PAGE);
      expect(p.plans.length).toBeLessThanOrEqual(8);
      expect(p.topics.map((t) => t.topic)).toEqual(['经济发展', '社会治理', '其他']);
    }
    expect(index.flatMap((p) => p.groups.flatMap((g) => g.rows)).length).toBe(900);
    const lists = pages.filter((p): p is PlansListPage => p.view === 'plans');
    expect(lists.flatMap((p) => p.plans).length).toBe(400);
    expect(Math.max(...lists.map((p) => p.plans.length))).toBeLessThanOrEqual(100);
    const plans = pages.filter((p): p is PlanTablePage => p.view === 'plan');
    expect(plans.length).toBe(400);
    expect(new Set(pages.map((p) => p.page)).size).toBe(pages.length);
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
  });

  it('paginates by metric, never splitting one', () => {
    expect(paginateGroups([3, 2, 4, 1], (n) => n, 5)).toEqual([
      [3, 2],
      [4, 1],
    ]);
    expect(paginateGroups([7, 1], (n) => n, 5)).toEqual([[7], [1]]);
    expect(paginateGroups([], (n: number) => n, 5)).toEqual([[]]);
  });
});

describe('timeline view', () => {
  const event = (id: number, date: string, title: string, region = '普陀区长征镇', kind = '组织'): ResolvedEvent => ({
    id,
    date,
    title,
    kind,
    region,
    entities: [],
    source: source('changzheng-party-building-2023', title, '2023'),
  });
  const events = [
    event(0, '2022-11', '百合苑综合修缮工程一期进场施工', undefined, '工程'),
    event(1, '2020-04', '长征镇互联网行业党委升格为普陀区互联网产业党建联盟', '普陀区'),
    event(2, '2019', '长征镇互联网行业党委成立'),
    event(3, '2022-01-13', '长征镇2022年经济与社会发展计划印发', undefined, '发文'),
    event(4, '2022', '抗疫突击队成立', '普陀区'),
    event(5, '2025-02-25', '普陀区党建引领社会治理工作推进会', '普陀区', '会议'),
  ];

  it('is chronological, grouped by year, precision kept (a year before its months)', () => {
    const years = groupByYear(events);
    expect(years.map((y) => y.year)).toEqual(['2019', '2020', '2022', '2025']);
    expect(years.flatMap((y) => y.events.map((e) => e.dateText))).toEqual([
      '2019年',
      '2020年4月',
      '2022年',
      '2022年1月13日',
      '2022年11月',
      '2025年2月25日',
    ]);
  });

  it('lists the regions and kinds of the page in configured order, for the filter', () => {
    const [page] = buildTimelinePages(events, {
      regions: ['上海市', '普陀区', '普陀区长征镇'],
      kinds: ['发文', '会议', '组织', '工程', '事件'],
    });
    expect(page.regions).toEqual(['普陀区', '普陀区长征镇']);
    expect(page.kinds).toEqual(['发文', '会议', '组织', '工程']);
    const split = buildTimelinePages(events, { regions: [], kinds: [] }, 2);
    expect(split.map((p) => p.years.map((y) => y.year))).toEqual([['2019', '2020'], ['2022'], ['2025']]);
  });
});
