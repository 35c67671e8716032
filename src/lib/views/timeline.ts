import { formatChineseDate } from '../labels.ts';
import type { ResolvedEvent } from '../types.ts';
import { paginateGroups } from './paginate.ts';

export interface EventView {
  id: number;
  /** As precise as the source: 2019, 2020-04, 2022-01-13. */
  date: string;
  /** 2019年, 2020年4月, 2022年1月13日. */
  dateText: string;
  /** The date under its year's heading, without the year: 4月, 1月13日; empty when only the year is known. */
  dayText: string;
  title: string;
  kind: string;
  region: string;
  entities: string[];
  source: ResolvedEvent['source'];
}

export interface YearGroup {
  year: string;
  events: EventView[];
}

export interface TimelinePage {
  page: number;
  pages: number;
  years: YearGroup[];
  /** The regions and kinds on this page, for the filter. */
  regions: string[];
  kinds: string[];
  total: number;
}

/** Events per page of /timeline/: a year is never split across pages. */
export const EVENTS_PER_PAGE = 150;

/**
 * Chronological: a date known only to the year comes before the months of that year, a month
 * before its days (the ISO-like strings sort that way); same date: file order.
 */
export function compareEvents(a: Pick<ResolvedEvent, 'date' | 'id'>, b: Pick<ResolvedEvent, 'date' | 'id'>): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

export const toEventView = (e: ResolvedEvent): EventView => ({
  id: e.id,
  date: e.date,
  dateText: formatChineseDate(e.date),
  dayText: formatChineseDate(e.date).replace(/^\d{4}年/, ''),
  title: e.title,
  kind: e.kind,
  region: e.region,
  entities: e.entities,
  source: e.source,
});

/** Events → years in order, each with its events in order. */
export function groupByYear(events: ResolvedEvent[]): YearGroup[] {
  const years = new Map<string, EventView[]>();
  for (const e of [...events].sort(compareEvents)) {
    const year = e.date.slice(0, 4);
    (years.get(year) ?? years.set(year, []).get(year)!).push(toEventView(e));
  }
  return [...years].map(([year, events]) => ({ year, events }));
}

/** The pages of /timeline/, in order of the configured region and kind lists for the filter (other regions after them). */
export function buildTimelinePages(
  events: ResolvedEvent[],
  order: { regions: string[]; kinds: string[] },
  perPage = EVENTS_PER_PAGE,
): TimelinePage[] {
  const pages = paginateGroups(groupByYear(events), (y) => y.events.length, perPage);
  return pages.map((years, i) => {
    const on = years.flatMap((y) => y.events);
    return {
      page: i + 1,
      pages: pages.length,
      years,
      // Configured regions first, then divisions the configuration does not list, as they come.
      regions: [
        ...order.regions.filter((r) => on.some((e) => e.region === r)),
        ...new Set(on.map((e) => e.region).filter((r) => !order.regions.includes(r))),
      ],
      kinds: order.kinds.filter((k) => on.some((e) => e.kind === k)),
      total: events.length,
    };
  });
}
