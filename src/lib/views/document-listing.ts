import { paginate, type Page } from './paginate.ts';

/** What a listing needs of a document (newest first is the caller's order). */
export interface ListedDocument {
  slug: string;
  meta: { title: string; date: string; kind: string; issuer: string; documentNumber?: string; summary: string; region: string };
}

export const DOCUMENTS_PER_PAGE = 30;
export const LATEST_ON_HOME = 10;

/** Slims a compiled document to what a card shows, so a listing never carries a document's body. */
export function listedDocument(d: ListedDocument): ListedDocument {
  const { title, date, kind, issuer, documentNumber, summary, region } = d.meta;
  return { slug: d.slug, meta: { title, date, kind, issuer, documentNumber, summary, region } };
}

export interface YearLink {
  year: string;
  count: number;
  /** The listing page where that year's documents begin. */
  page: number;
}

/**
 * The year index every listing page shows: each year and the page its documents start on, so any
 * document is two clicks from any listing page. Bounded by the number of years, not documents.
 */
export function yearIndex(pages: Page<ListedDocument>[]): YearLink[] {
  const years = new Map<string, YearLink>();
  for (const page of pages) {
    for (const d of page.items) {
      const year = d.meta.date.slice(0, 4);
      const link = years.get(year);
      if (link) link.count++;
      else years.set(year, { year, count: 1, page: page.number });
    }
  }
  return [...years.values()];
}

/** `/documents/` split into pages, newest first, each with the year index. */
export function documentPages(documents: readonly ListedDocument[], size = DOCUMENTS_PER_PAGE) {
  const sorted = [...documents].sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.slug.localeCompare(b.slug)).map(listedDocument);
  const pages = paginate(sorted, size);
  const years = yearIndex(pages);
  return pages.map((page) => ({ page, years }));
}

/** A listing page's documents split by year (they are newest first), for its year headings. */
export function byYear(documents: readonly ListedDocument[]): Array<{ year: string; documents: ListedDocument[] }> {
  const groups: Array<{ year: string; documents: ListedDocument[] }> = [];
  for (const d of documents) {
    const year = d.meta.date.slice(0, 4);
    const last = groups.at(-1);
    if (last?.year === year) last.documents.push(d);
    else groups.push({ year, documents: [d] });
  }
  return groups;
}
