import { paginate } from './paginate.ts';
import { comparePinyin, sortByPinyin } from './pinyin-order.ts';

/** What an index card needs of an entity page. */
export interface IndexedEntity {
  slug: string;
  name: string;
  subtype: string;
  theme: string;
  region: string;
  /** Each source's word for its state (sources may differ), distinct, in the entity's order. */
  statuses: string[];
  summary: string;
}

/** Beyond this, a kind's index is split into pages (each well under the 120 KB page budget). */
export const ENTITIES_PER_PAGE = 100;

export interface FacetOption {
  value: string;
  count: number;
}

export interface Facets {
  theme: FacetOption[];
  region: FacetOption[];
  status: FacetOption[];
}

/**
 * The values each filter offers, with counts: in the configuration's order where it has one, then
 * values it does not list (a region that is an administrative division the site does not configure)
 * in pinyin order.
 */
export function facets(entities: readonly IndexedEntity[], order: { themes: readonly string[]; regions: readonly string[] }): Facets {
  const count = (pick: (e: IndexedEntity) => readonly string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const e of entities) for (const v of new Set(pick(e))) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  const inOrder = (counts: Map<string, number>, known: readonly string[]) =>
    [...known.filter((v) => counts.has(v)), ...[...counts.keys()].filter((v) => !known.includes(v)).sort(comparePinyin)].map((value) => ({
      value,
      count: counts.get(value)!,
    }));
  // Statuses are the sources' own words, not a fixed list: the most frequent first.
  const statuses = count((e) => e.statuses);
  return {
    theme: inOrder(
      count((e) => [e.theme]),
      order.themes,
    ),
    region: inOrder(
      count((e) => [e.region]),
      order.regions,
    ),
    status: [...statuses].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || comparePinyin(a.value, b.value)),
  };
}

/** A theme's entities on one index page; `continued` when the theme began on an earlier page. */
export interface ThemeSection {
  theme: string;
  entities: IndexedEntity[];
  continued: boolean;
}

/** Where each theme starts in a kind's index, with its count: the 主题 browse above the cards. */
export interface ThemeNavEntry {
  theme: string;
  count: number;
  /** The index page (1-based) its first entity is on. */
  page: number;
}

/** The anchor of a theme's section on an index page. */
export const themeSectionId = (theme: string) => `theme-${theme}`;

/**
 * Entities by 主题 (the configured themes in their order, then any other in pinyin order), each
 * theme in pinyin order: readers of Chinese policy libraries browse by 主题分类, and a name's
 * pinyin initial says little about what it is.
 */
export function sortByTheme(entities: readonly IndexedEntity[], themes: readonly string[]): IndexedEntity[] {
  const rank = (t: string) => {
    const i = themes.indexOf(t);
    return i < 0 ? themes.length : i;
  };
  return sortByPinyin(entities, (e) => e.name).sort(
    (a, b) => rank(a.theme) - rank(b.theme) || (rank(a.theme) === themes.length ? comparePinyin(a.theme, b.theme) : 0),
  );
}

/** One page's entities (already in theme order) in sections by theme. */
export function themeSections(entities: readonly IndexedEntity[], startedBefore: ReadonlySet<string> = new Set()): ThemeSection[] {
  const sections: ThemeSection[] = [];
  for (const e of entities) {
    const last = sections.at(-1);
    if (last?.theme === e.theme) last.entities.push(e);
    else sections.push({ theme: e.theme, entities: [e], continued: startedBefore.has(e.theme) });
  }
  return sections;
}

/**
 * A kind's index pages: theme order, split beyond `size` (so a page stays bounded at any library
 * size), each page in theme sections, with the 主题 browse: every theme, its count and the page it
 * starts on (a few dozen entries at most, whatever the number of entities).
 */
export function kindIndexPages(entities: readonly IndexedEntity[], size = ENTITIES_PER_PAGE, themes: readonly string[] = []) {
  const sorted = sortByTheme(entities, themes);
  const pages = paginate(sorted, size);
  const nav: ThemeNavEntry[] = [];
  const seen = new Set<string>();
  const out = pages.map((page) => {
    const sections = themeSections(page.items, seen);
    for (const s of sections) {
      if (!s.continued) nav.push({ theme: s.theme, count: 0, page: page.number });
      seen.add(s.theme);
    }
    return { ...page, sections };
  });
  for (const e of sorted) nav.find((n) => n.theme === e.theme)!.count++;
  return out.map((page) => ({ ...page, themeNav: nav }));
}

/** One document in a kind's document filter: which of the kind's entities it mentions. */
export interface DocumentFilterEntry {
  slug: string;
  title: string;
  date: string;
  entities: string[];
}

/**
 * The data of the 文件 filter, from the kind's backlinks: documents newest first, each with the
 * slugs of the kind's entities it mentions. Served as its own JSON file and loaded only when a
 * reader opens that filter, so the index page does not grow with the number of documents.
 */
export function documentFilter(
  backlinks: ReadonlyArray<{ slug: string; documents: ReadonlyArray<{ slug: string; title: string; date: string }> }>,
): DocumentFilterEntry[] {
  const byDoc = new Map<string, DocumentFilterEntry>();
  for (const b of backlinks) {
    for (const d of b.documents) {
      const entry = byDoc.get(d.slug) ?? { slug: d.slug, title: d.title, date: d.date, entities: [] };
      entry.entities.push(b.slug);
      byDoc.set(d.slug, entry);
    }
  }
  return [...byDoc.values()].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

/** Slims an entity page to its card (never its body), and all pages of a kind's index with their filters. */
export function kindIndex(
  entries: ReadonlyArray<{
    id: string;
    data: { name: string; kind: string; theme: string; region: string; status: ReadonlyArray<{ value: string }>; summary: string };
  }>,
  order: Parameters<typeof facets>[1],
  size = ENTITIES_PER_PAGE,
) {
  const entities: IndexedEntity[] = entries.map(({ id, data: d }) => ({
    slug: id,
    name: d.name,
    subtype: d.kind,
    theme: d.theme,
    region: d.region,
    statuses: [...new Set(d.status.map((s) => s.value))],
    summary: d.summary,
  }));
  const f = facets(entities, order);
  return kindIndexPages(entities, size, order.themes).map((page) => ({
    number: page.number,
    total: page.total,
    count: page.count,
    sections: page.sections,
    themeNav: page.themeNav,
    facets: f,
  }));
}
