import { figureKinds, qualifierPlacement, type FigureKind } from '../schema/facts.ts';
import type { ResolvedFigure } from '../types.ts';
import { paginateGroups } from './paginate.ts';

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

export interface FiguresPage {
  page: number;
  pages: number;
  groups: MetricGroup[];
  /** Values on all pages, for the page's summary line. */
  total: number;
}

/** Values per page of /figures/: a metric is never split across pages. */
export const FIGURES_PER_PAGE = 120;

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** The value as the source writes it: qualifier, number or range, unit. */
export function formatFigureValue(f: Pick<ResolvedFigure, 'value' | 'qualifier' | 'unit' | 'aspect'>): string {
  const number = typeof f.value === 'number' ? NUMBER.format(f.value) : `${NUMBER.format(f.value.min)}–${NUMBER.format(f.value.max)}`;
  const place = f.qualifier ? qualifierPlacement[f.qualifier] : undefined;
  const core =
    (place === 'before' ? f.qualifier : '') + number + (place === 'inside' ? f.qualifier : '') + f.unit + (place === 'after' ? f.qualifier : '');
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
    const actuals = values.filter((v) => v.kind === '实际' && v.unit === target.unit && v.aspect === target.aspect && typeof v.value === 'number');
    const within = actuals.filter((v) => {
      const [a0, a1] = span(v.period);
      return a0 >= t0 && a1 <= t1;
    });
    if (within.length === 0 || target.unit.includes('%')) continue;
    // Sum only distinct single years (or the whole period): overlapping values would count twice.
    const whole = within.find((v) => v.period === target.period);
    const parts = whole ? [whole] : within.filter((v, i) => !within.slice(0, i).some((w) => w.period === v.period) && !v.period.includes('-'));
    const sum = parts.reduce((n, v) => n + (v.value as number), 0);
    const [lo, hi] = typeof target.value === 'number' ? [target.value, target.value] : [target.value.min, target.value.max];
    const share = lo === hi ? percent(sum / lo) : `${percent(sum / hi)}–${percent(sum / lo)}`;
    const qualified = parts.some((v) => v.qualifier);
    const achieved = parts.map((v) => `${formatPeriod(v)}${formatFigureValue(v)}`).join('、');
    out.push({
      target: target.id,
      text: whole
        ? `${achieved}，为${formatPeriod(target)}目标的${qualified ? '约' : ''}${share}`
        : `已知实际：${achieved}，${qualified ? '约' : ''}为${formatPeriod(target)}目标（${formatFigureValue(target)}）的${share}；其余年份原文未载`,
    });
  }
  return out;
}

const toView = (f: ResolvedFigure): FigureView => ({ id: f.id, kind: f.kind, value: formatFigureValue(f), period: formatPeriod(f), region: f.region, source: f.source });

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

/** The pages of /figures/: metric groups, at most FIGURES_PER_PAGE values a page. */
export function buildFiguresPages(figures: ResolvedFigure[], perPage = FIGURES_PER_PAGE): FiguresPage[] {
  const groups = groupFigures(figures);
  const size = (g: MetricGroup) => g.series.reduce((n, s) => n + s.values.length, 0);
  const pages = paginateGroups(groups, size, perPage);
  return pages.map((groups, i) => ({ page: i + 1, pages: pages.length, groups, total: figures.length }));
}

/** An entity page's figures: the same views, grouped by metric and region. */
export const entityFigureGroups = groupFigures;
