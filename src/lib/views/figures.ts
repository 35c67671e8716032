import { site } from '../../config/site.config.ts';
import { figureKinds, qualifierPlacement, type FigureKind } from '../schema/facts.ts';
import type { ResolvedFigure } from '../types.ts';
import { paginate, paginateGroups } from './paginate.ts';

/** One value as the 指标 page and entity pages show it. */
export interface FigureView {
  id: number;
  kind: FigureKind;
  /** 超17亿元, 85–90亿元, 增长15%, 90%以上. */
  value: string;
  /** 2022年, 2021–2025年, or the source's words (十四五期间). */
  period: string;
  region: string;
  source: ResolvedFigure['source'];
}

/** A target and what is known to have been achieved against it, when the units agree. */
export interface ProgressView {
  target: number;
  text: string;
  /** The share alone, for a table cell: 约18.9%–20%. */
  share: string;
  /** What the share covers when it is not the whole period: 已知2022年；其余年份原文未载. */
  note?: string;
  /** The share as fractions (low ≤ high), for a progress bar. */
  fraction: { low: number; high: number };
}

/** The values of one metric in one region, in the order of their periods. */
export interface RegionSeries {
  region: string;
  values: FigureView[];
  progress: ProgressView[];
}

export interface MetricGroup {
  metric: string;
  /** One series per region: values of different regions are never mixed in one row. */
  series: RegionSeries[];
}

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** The value as the source writes it: qualifier, number or range, unit. */
export function formatFigureValue(f: Pick<ResolvedFigure, 'value' | 'qualifier' | 'unit' | 'aspect'>): string {
  const number = typeof f.value === 'number' ? NUMBER.format(f.value) : `${NUMBER.format(f.value.min)}–${NUMBER.format(f.value.max)}`;
  const place = f.qualifier ? qualifierPlacement[f.qualifier] : undefined;
  const core =
    (place === 'before' ? f.qualifier : '') +
    number +
    (place === 'inside' ? f.qualifier : '') +
    f.unit +
    (place === 'after' ? f.qualifier : '');
  return (f.aspect ?? '') + core;
}

/** 2022 → 2022年; 2021-2025 → 2021–2025年; the source's own words when given. */
export function formatPeriod(f: Pick<ResolvedFigure, 'period' | 'periodLabel'>): string {
  return f.periodLabel ?? `${f.period.replace('-', '–')}年`;
}

const span = (period: string): [number, number] => {
  const [from, to] = period.split('-').map(Number);
  return [from, to ?? from];
};

const kindOrder = (k: FigureKind) => figureKinds.indexOf(k);

/** Earlier periods first; a longer period (the plan) before a year inside it; 基数, 目标, 实际. */
export function compareFigures(a: ResolvedFigure, b: ResolvedFigure): number {
  const [a0, a1] = span(a.period);
  const [b0, b1] = span(b.period);
  return a0 - b0 || b1 - a1 || kindOrder(a.kind) - kindOrder(b.kind) || a.id - b.id;
}

const percent = (x: number) => `${NUMBER.format(Math.round(x * 1000) / 10)}%`;

/**
 * Progress of each numeric target against achieved values of the same metric, region, unit and
 * aspect within its period: the same period gives 完成率; years inside a multi-year target give the
 * share those known years make up (the others are not in the sources, so no total is claimed).
 */
export function computeProgress(values: ResolvedFigure[]): ProgressView[] {
  const out: ProgressView[] = [];
  for (const target of values.filter((v) => v.kind === '目标')) {
    const [t0, t1] = span(target.period);
    const actuals = values.filter(
      (v) => v.kind === '实际' && v.unit === target.unit && v.aspect === target.aspect && typeof v.value === 'number',
    );
    const within = actuals.filter((v) => {
      const [a0, a1] = span(v.period);
      return a0 >= t0 && a1 <= t1;
    });
    if (within.length === 0 || target.unit.includes('%')) continue;
    // Sum only distinct single years (or the whole period): overlapping values would count twice.
    const whole = within.find((v) => v.period === target.period);
    const parts = whole
      ? [whole]
      : within.filter((v, i) => !within.slice(0, i).some((w) => w.period === v.period) && !v.period.includes('-'));
    const sum = parts.reduce((n, v) => n + (v.value as number), 0);
    const [lo, hi] = typeof target.value === 'number' ? [target.value, target.value] : [target.value.min, target.value.max];
    const share = lo === hi ? percent(sum / lo) : `${percent(sum / hi)}–${percent(sum / lo)}`;
    const qualified = parts.some((v) => v.qualifier);
    const achieved = parts.map((v) => `${formatPeriod(v)}${formatFigureValue(v)}`).join('、');
    out.push({
      target: target.id,
      share: `${qualified ? '约' : ''}${share}`,
      note: whole ? undefined : `已知${parts.map((v) => formatPeriod(v)).join('、')}；其余年份原文未载`,
      fraction: { low: sum / hi, high: sum / lo },
      text: whole
        ? `${achieved}，为${formatPeriod(target)}目标的${qualified ? '约' : ''}${share}`
        : `已知实际：${achieved}，${qualified ? '约' : ''}为${formatPeriod(target)}目标（${formatFigureValue(target)}）的${share}；其余年份原文未载`,
    });
  }
  return out;
}

const toView = (f: ResolvedFigure): FigureView => ({
  id: f.id,
  kind: f.kind,
  value: formatFigureValue(f),
  period: formatPeriod(f),
  region: f.region,
  source: f.source,
});

/** Figures → metric groups (in the order metrics first appear), each split by region. */
export function groupFigures(figures: ResolvedFigure[]): MetricGroup[] {
  const byMetric = new Map<string, Map<string, ResolvedFigure[]>>();
  for (const f of figures) {
    const regions = byMetric.get(f.metric) ?? byMetric.set(f.metric, new Map()).get(f.metric)!;
    (regions.get(f.region) ?? regions.set(f.region, []).get(f.region)!).push(f);
  }
  return [...byMetric].map(([metric, regions]) => ({
    metric,
    series: [...regions].map(([region, values]) => {
      const sorted = [...values].sort(compareFigures);
      return { region, values: sorted.map(toView), progress: computeProgress(sorted) };
    }),
  }));
}

/** An entity page's figures: the same views, grouped by metric and region. */
export const entityFigureGroups = groupFigures;

/** One value in a table cell: the full value for its title, the number without the row's unit. */
export interface CellValue extends FigureView {
  /** 75.93, 85–90, 超17, 增长15%: the unit is the row's (kept when it differs). */
  short: string;
}

/** Level values of one period length with distinct periods: a series worth a sparkline. */
export interface TrendPoint {
  label: string;
  value: number;
  kind: FigureKind;
}

/** One indicator (a metric in one region) as a table row. */
export interface IndicatorRow {
  metric: string;
  region: string;
  /** The unit most of its values use; values in another unit keep theirs. */
  unit: string;
  topic: string;
  base: CellValue[];
  target: CellValue[];
  /** Targets for the average yearly growth (年均增长率): the 年均增长 column of a plan's table. */
  growth: CellValue[];
  actual: CellValue[];
  progress: ProgressView[];
  trend: TrendPoint[];
}

/** A document that sets targets, as the 指标 pages link it. */
export interface PlanLink {
  slug: string;
  title: string;
  date: string;
  indicators: number;
  href: string;
}

export interface TopicGroup {
  topic: string;
  /** Part of a topic continued from the previous page (a topic larger than a page is split). */
  continued: boolean;
  rows: IndicatorRow[];
}

/** A page of /figures/: indicators grouped by topic, one compact row each. */
export interface FiguresIndexPage {
  view: 'index';
  /** Unique among all slices (the generated file's name); pages of this view are 1…pages. */
  page: number;
  number: number;
  pages: number;
  /** The route below /figures/: '' for page 1, '2' … */
  path: string;
  groups: TopicGroup[];
  /** Every topic with its number of indicators and the page it starts on (bounded by the configured themes). */
  topics: Array<{ topic: string; count: number; href: string }>;
  /** The most recent documents that set targets; the rest are on /figures/plans/. */
  plans: PlanLink[];
  planCount: number;
  indicators: number;
  values: number;
}

/** /figures/plan/<slug>/: the 主要指标 table of one document that sets targets. */
export interface PlanTablePage {
  view: 'plan';
  page: number;
  path: string;
  groups: [];
  plan: PlanLink;
  /** Indicators with a target in this document, in the document's own order. */
  rows: IndicatorRow[];
  /** Baseline values the document states for indicators it sets no target for (its review of the last period). */
  baselines: IndicatorRow[];
}

/** /figures/plans/ …: every document that sets targets, newest first, a bounded page at a time. */
export interface PlansListPage {
  view: 'plans';
  page: number;
  number: number;
  pages: number;
  path: string;
  groups: [];
  plans: PlanLink[];
}

export type FiguresPage = FiguresIndexPage | PlanTablePage | PlansListPage;

/** Indicator rows per page of /figures/ (a topic is split only when it alone is larger). */
export const ROWS_PER_PAGE = 40;
/** Documents that set targets listed on /figures/ itself; all of them on /figures/plans/. */
export const PLANS_ON_INDEX = 8;
export const PLANS_PER_PAGE = 100;
/** Topic of indicators whose entities have no theme. */
export const OTHER_TOPIC = '其他';

const mostCommon = (items: string[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/** The value without the row's unit: 75.93, 85–90, 超17, 增长15%. */
export function formatFigureNumber(f: Pick<ResolvedFigure, 'value' | 'qualifier' | 'unit' | 'aspect'>, rowUnit: string): string {
  if (f.unit !== rowUnit) return formatFigureValue(f);
  return formatFigureValue({ ...f, unit: '' });
}

const isGrowth = (f: ResolvedFigure) => f.aspect?.includes('年均增长') ?? false;
const midpoint = (v: ResolvedFigure['value']) => (typeof v === 'number' ? v : (v.min + v.max) / 2);

/**
 * The row's sparkline: its level values (no aspect, the row's unit) of one period length, each
 * period once, in order; fewer than two gives none. Values of different period lengths (a
 * five-year total beside one year) or several values of one period (8 projects' floor areas) are
 * not a series, so they are not drawn as one.
 */
export function trendOf(values: ResolvedFigure[], unit: string): TrendPoint[] {
  const level = values.filter((v) => !v.aspect && v.unit === unit);
  const byLength = new Map<number, ResolvedFigure[]>();
  for (const v of level) {
    const [a, b] = span(v.period);
    (byLength.get(b - a) ?? byLength.set(b - a, []).get(b - a)!).push(v);
  }
  const series = [...byLength.values()]
    .filter((list) => new Set(list.map((v) => v.period)).size === list.length && list.length >= 2)
    .sort((a, b) => b.length - a.length)[0];
  return (series ?? []).sort(compareFigures).map((v) => ({ label: `${formatPeriod(v)}${v.kind}`, value: midpoint(v.value), kind: v.kind }));
}

/** One indicator's row from its values (one metric, one region). */
export function indicatorRow(values: ResolvedFigure[]): IndicatorRow {
  const sorted = [...values].sort(compareFigures);
  const unit = mostCommon(sorted.filter((v) => !v.aspect).map((v) => v.unit)) ?? mostCommon(sorted.map((v) => v.unit)) ?? '';
  const cell = (f: ResolvedFigure): CellValue => ({ ...toView(f), short: formatFigureNumber(f, unit) });
  // In the 年均增长 column the aspect is the column's name: 6–8%, not 年均增长率6–8%.
  const growthCell = (f: ResolvedFigure): CellValue => ({ ...toView(f), short: formatFigureNumber({ ...f, aspect: undefined }, unit) });
  return {
    metric: sorted[0].metric,
    region: sorted[0].region,
    unit,
    topic: mostCommon(sorted.flatMap((v) => (v.topic ? [v.topic] : []))) ?? OTHER_TOPIC,
    base: sorted.filter((v) => v.kind === '基数').map(cell),
    target: sorted.filter((v) => v.kind === '目标' && !isGrowth(v)).map(cell),
    growth: sorted.filter((v) => v.kind === '目标' && isGrowth(v)).map(growthCell),
    actual: sorted.filter((v) => v.kind === '实际').map(cell),
    progress: computeProgress(sorted),
    trend: trendOf(sorted, unit),
  };
}

const keyOf = (f: ResolvedFigure) => `${f.metric}\u0000${f.region}`;

function byIndicator(figures: ResolvedFigure[]): Map<string, ResolvedFigure[]> {
  const out = new Map<string, ResolvedFigure[]>();
  for (const f of figures) (out.get(keyOf(f)) ?? out.set(keyOf(f), []).get(keyOf(f))!).push(f);
  return out;
}

function byDocumentOf(figures: ResolvedFigure[]): Map<string, ResolvedFigure[]> {
  const out = new Map<string, ResolvedFigure[]>();
  for (const f of figures) (out.get(f.source.document) ?? out.set(f.source.document, []).get(f.source.document)!).push(f);
  return out;
}

/** Documents that set targets (any 目标 value cites them), newest first. */
function planLinks(figures: ResolvedFigure[], href: (slug: string) => string): PlanLink[] {
  const plans = new Map<string, PlanLink & { keys: Set<string> }>();
  for (const f of figures) {
    if (f.kind !== '目标') continue;
    const { document, title, date } = f.source;
    const plan =
      plans.get(document) ??
      plans.set(document, { slug: document, title, date, indicators: 0, href: href(document), keys: new Set() }).get(document)!;
    plan.keys.add(keyOf(f));
  }
  return [...plans.values()]
    .map(({ keys, ...p }) => ({ ...p, indicators: keys.size }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

/**
 * A document's 主要指标 table: each indicator it sets a target for, in the order the document
 * states them, with its baseline, its targets, the average-growth target, and the results later
 * documents report within the target's period (dated and linked), with progress where units agree.
 */
export function planTable(
  slug: string,
  figures: ResolvedFigure[],
  // Built once by buildFiguresPages, so a table costs its own values, not a pass over all figures.
  index: { all: Map<string, ResolvedFigure[]>; byDocument: Map<string, ResolvedFigure[]> } = {
    all: byIndicator(figures),
    byDocument: byDocumentOf(figures),
  },
): { rows: IndicatorRow[]; baselines: IndicatorRow[] } {
  const { all } = index;
  const own = index.byDocument.get(slug) ?? [];
  const position = (f: ResolvedFigure) => f.position ?? f.id;
  const ordered = [...byIndicator(own)].sort(
    ([, a], [, b]) =>
      Math.min(...a.map(position)) - Math.min(...b.map(position)) || Math.min(...a.map((f) => f.id)) - Math.min(...b.map((f) => f.id)),
  );
  const rows: IndicatorRow[] = [];
  const baselines: IndicatorRow[] = [];
  for (const [key, mine] of ordered) {
    const targets = mine.filter((f) => f.kind === '目标');
    if (targets.length === 0) {
      baselines.push(indicatorRow(mine.filter((f) => f.kind === '基数' || f.kind === '实际')));
      continue;
    }
    const spans = targets.map((t) => span(t.period));
    const within = (f: ResolvedFigure) => {
      const [a0, a1] = span(f.period);
      return spans.some(([t0, t1]) => a0 >= t0 && a1 <= t1);
    };
    const before = (f: ResolvedFigure) => spans.some(([t0]) => span(f.period)[1] < t0);
    // The document's own values, then what other documents report for the target's period (results)
    // or before it (baselines, when the document states none).
    const others = (all.get(key) ?? []).filter((f) => f.source.document !== slug);
    const ownBase = mine.some((f) => f.kind === '基数');
    const added = others.filter((f) => (f.kind === '实际' && within(f)) || (!ownBase && f.kind === '基数' && before(f)));
    rows.push(indicatorRow([...mine, ...added]));
  }
  return { rows, baselines };
}

/**
 * All slices of /figures/: the index pages (indicators by topic, ROWS_PER_PAGE rows a page, each
 * topic's start linked from every page), one 主要指标 table per document that sets targets, and the
 * list of those documents. No slice grows with the corpus beyond its page size.
 */
export function buildFiguresPages(
  figures: ResolvedFigure[],
  options: { topics?: readonly string[]; href?: (path: string) => string; rowsPerPage?: number } = {},
): FiguresPage[] {
  // Paths below /figures/ ('2/', 'plan/<slug>/'): the route makes them addresses for its base.
  const href = options.href ?? ((path: string) => path);
  const rowsPerPage = options.rowsPerPage ?? ROWS_PER_PAGE;
  const order = [...(options.topics ?? site.themes), OTHER_TOPIC];
  const rows = [...byIndicator(figures).values()].map(indicatorRow);
  const topicRank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  const topics = [...new Set(rows.map((r) => r.topic))].sort((a, b) => topicRank(a) - topicRank(b) || a.localeCompare(b, 'zh'));
  // A topic larger than a page is cut into page-sized parts; parts are then packed into pages.
  const parts: TopicGroup[] = topics.flatMap((topic) =>
    paginate(
      rows.filter((r) => r.topic === topic),
      rowsPerPage,
    ).map((p, i) => ({ topic, continued: i > 0, rows: p.items })),
  );
  const pages = paginateGroups(parts, (g) => g.rows.length, rowsPerPage);
  const pagePath = (n: number) => (n <= 1 ? '' : `${n}/`);
  const topicIndex = topics.map((topic) => ({
    topic,
    count: rows.filter((r) => r.topic === topic).length,
    href: `${href(pagePath(pages.findIndex((p) => p.some((g) => g.topic === topic)) + 1))}#${topicAnchor(topic)}`,
  }));
  const plans = planLinks(figures, (slug) => href(`plan/${slug}/`));
  const out: FiguresPage[] = pages.map((groups, i) => ({
    view: 'index',
    page: i + 1,
    number: i + 1,
    pages: pages.length,
    path: pagePath(i + 1).replace(/\/$/, ''),
    groups,
    topics: topicIndex,
    plans: plans.slice(0, PLANS_ON_INDEX),
    planCount: plans.length,
    indicators: rows.length,
    values: figures.length,
  }));
  let next = out.length;
  const index = { all: byIndicator(figures), byDocument: byDocumentOf(figures) };
  for (const plan of plans) {
    const table = planTable(plan.slug, figures, index);
    out.push({ view: 'plan', page: ++next, path: `plan/${plan.slug}`, groups: [], plan, ...table });
  }
  const lists = paginate(plans, PLANS_PER_PAGE);
  if (plans.length > PLANS_ON_INDEX) {
    lists.forEach((p) =>
      out.push({
        view: 'plans',
        page: ++next,
        number: p.number,
        pages: p.total,
        path: p.number === 1 ? 'plans' : `plans/${p.number}`,
        groups: [],
        plans: p.items,
      }),
    );
  }
  return out;
}

/** The anchor of a topic's heading on /figures/ (ASCII, stable: the topic's position is not). */
export function topicAnchor(topic: string): string {
  return `topic-${[...topic].map((c) => c.codePointAt(0)!.toString(36)).join('')}`;
}
