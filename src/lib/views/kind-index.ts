import { paginate } from './paginate.ts';
import { comparePinyin, pinyinInitial, sortByPinyin } from './pinyin-order.ts';

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
    [...known.filter((v) => counts.has(v)), ...[...counts.keys()].filter((v) => !known.includes(v)).sort(comparePinyin)].map((value) => ({ value, count: counts.get(value)! }));
  // Statuses are the sources' own words, not a fixed list: the most frequent first.
  const statuses = count((e) => e.statuses);
  return {
    theme: inOrder(count((e) => [e.theme]), order.themes),
    region: inOrder(count((e) => [e.region]), order.regions),
    status: [...statuses].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || comparePinyin(a.value, b.value)),
  };
}

export interface LetterSection {
  letter: string;
  entities: IndexedEntity[];
}

/** Entities in pinyin order, filed under their initial letter (长征… under C). */
export function letterSections(entities: readonly IndexedEntity[]): LetterSection[] {
  const sections: LetterSection[] = [];
  for (const e of sortByPinyin(entities, (x) => x.name)) {
    const letter = pinyinInitial(e.name);
    const last = sections.at(-1);
    if (last?.letter === letter) last.entities.push(e);
    else sections.push({ letter, entities: [e] });
  }
  // Digits and symbols (`#`) come first in pinyin order; keep them there, A–Z after.
  return sections;
}

/** A kind's index pages: pinyin order, split beyond `size`, each page in letter sections. */
export function kindIndexPages(entities: readonly IndexedEntity[], size = ENTITIES_PER_PAGE) {
  const sorted = sortByPinyin(entities, (e) => e.name);
  return paginate(sorted, size).map((page) => ({ ...page, sections: letterSections(page.items) }));
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
export function documentFilter(backlinks: ReadonlyArray<{ slug: string; documents: ReadonlyArray<{ slug: string; title: string; date: string }> }>): DocumentFilterEntry[] {
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
  entries: ReadonlyArray<{ id: string; data: { name: string; kind: string; theme: string; region: string; status: ReadonlyArray<{ value: string }>; summary: string } }>,
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
  return kindIndexPages(entities, size).map((page) => ({ number: page.number, total: page.total, count: page.count, sections: page.sections, facets: f }));
}
