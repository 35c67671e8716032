/**
 * The search page's engine over Pagefind's JS API (no Pagefind UI).
 *
 * Pagefind segments Chinese with jieba when it indexes and with Intl.Segmenter when it searches, and
 * matches words by prefix over the parts of its index loaded so far; a phrase inside a longer indexed
 * word (网格 in 完善网格治理体系) or split differently can be missed, and its scores reward loose
 * character matches. So Pagefind is used for what it is good at — loading pages' text and finding
 * loose matches — and exactness is decided here, on the page text Pagefind returns
 * (`data().content`), in the normal form of src/lib/search/normalize.ts:
 *
 *   - after the first search the engine loads every page's text through Pagefind (`search(null)`
 *     lists all pages; `data()` loads each fragment once, about 260 KB compressed for this site),
 *     so the exact matches of a query are complete, not just those Pagefind's segmentation found;
 *     until then, Pagefind's candidates are verified and results are marked incomplete;
 *   - exact matches are ranked by src/lib/search/rank.ts (named entity, title, BM25) and shown
 *     at once; Pagefind's other results follow as looser matches when its search returns.
 */
import { entityNamedBy, prepareEntities, suggestEntities, type PreparedEntity, type SearchIndexData, type Suggestion } from '../../lib/search/entities.ts';
import { buildExcerpt, matchRanges, segmentsFromPagefindExcerpt, type Excerpt, type MatchRange } from '../../lib/search/excerpt.ts';
import { fold, foldWithOffsets, toSimplified, type FoldedText, type T2sMap } from '../../lib/search/normalize.ts';
import { containsAll, parseQuery, type ParsedQuery } from '../../lib/search/query.ts';
import { rankExact } from '../../lib/search/rank.ts';
import { foldAnchors, matchingSections, type FoldedAnchors, type PageAnchor } from '../../lib/search/sections.ts';
import { FILTER_KEYS, activeFilters, matchesFilters, type FilterKey, type Filters, type SearchState } from '../../lib/search/state.ts';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors: PageAnchor[];
  excerpt: string;
  sub_results: Array<{ url: string; title: string; excerpt: string }>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}
export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Filters }) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

interface StoredPage {
  id: string;
  url: string;
  title: string;
  kind: string;
  date?: string;
  document?: string;
  filters: Record<string, string[]>;
  content: string;
  anchors: PageAnchor[];
  key: string;
  titleKey: string;
  /** Computed when the page is first shown as a result. */
  folded?: FoldedText;
  foldedAnchors?: FoldedAnchors;
}

export interface SectionLink {
  url: string;
  heading?: string;
  excerpt: Excerpt;
}

export interface ResultCard {
  url: string;
  title: string;
  kind: string;
  date?: string;
  document?: string;
  excerpt: Excerpt;
  /** The paragraph the excerpt comes from, when it has an id (then the excerpt links to it). */
  excerptLink?: SectionLink;
  sections: SectionLink[];
  /** Contains the query exactly (every word). */
  exact: boolean;
  /** The entity the query names. */
  named: boolean;
}

export type FacetCounts = Partial<Record<FilterKey, Record<string, number>>>;

export type Outcome =
  | { type: 'empty' }
  | { type: 'browse'; pages: ResultCard[]; facets: FacetCounts }
  | {
      type: 'results';
      query: ParsedQuery;
      /** The query with traditional characters and full-width forms converted: what was searched. */
      searchedAs: string;
      /** Results to list first: the named entity, then the exact matches, ranked; cards are built on demand (`cards`). */
      exactCount: number;
      /** Pages that contain the query (within the filters). */
      matches: number;
      cards: (from: number, to: number) => ResultCard[];
      /** With no exact match: Pagefind's looser matches, which are then the results. */
      loose: ResultCard[];
      /** With exact matches: looser matches to list after them (not waited for). */
      related: Promise<ResultCard[]>;
      /** Every page was checked (not only Pagefind's candidates). */
      complete: boolean;
      suggestions: Suggestion[];
      facets: FacetCounts;
    };

/** Results shown before "show more", and the top of the page the loose matches fill up to. */
export const PAGE_SIZE = 20;
const LOOSE_FILL = 10;
/** Pagefind candidates verified while the full text is still loading. */
const CANDIDATES = 60;

export class SearchEngine {
  private pagefind?: Promise<Pagefind>;
  private basics?: Promise<{ t2s: T2sMap; entities: PreparedEntity[] }>;
  private pages = new Map<string, StoredPage>();
  private loading = new Map<string, Promise<StoredPage>>();
  private preloaded?: Promise<void>;
  private total = 0;
  complete = false;

  constructor(
    private readonly base: string,
    private readonly importPagefind: () => Promise<Pagefind>,
  ) {}

  /** Pagefind, the entity names and the t2s map; started once, early. */
  start(): Promise<unknown> {
    this.pagefind ??= this.importPagefind().then(async (pf) => {
      await pf.options({ baseUrl: this.base, excerptLength: 40 });
      await pf.init();
      return pf;
    });
    this.basics ??= Promise.all([this.json<T2sMap>('search-index/t2s.json'), this.json<SearchIndexData>('search-index/entities.json')]).then(
      ([t2s, data]) => ({ t2s, entities: prepareEntities(data.entities, t2s) }),
    );
    return Promise.all([this.pagefind, this.basics]);
  }

  private async json<T>(path: string): Promise<T> {
    const response = await fetch(this.base + path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  /** Loads every page's text through Pagefind, in the background; resolves when exact search is complete. */
  preloadAll(): Promise<void> {
    this.preloaded ??= (async () => {
      await this.start();
      const pf = await this.pagefind!;
      const all = (await pf.search(null))?.results ?? [];
      this.total = all.length;
      for (let i = 0; i < all.length; i += 24) await Promise.all(all.slice(i, i + 24).map((r) => this.load(r)));
      this.complete = true;
    })();
    return this.preloaded;
  }

  async filterValues(): Promise<Record<string, Record<string, number>>> {
    await this.start();
    return (await this.pagefind!).filters();
  }

  private load(result: PagefindResult): Promise<StoredPage> {
    const stored = this.pages.get(result.id);
    if (stored) return Promise.resolve(stored);
    let pending = this.loading.get(result.id);
    if (!pending) {
      pending = Promise.all([result.data(), this.basics!]).then(([d, { t2s }]) => {
        const title = d.meta.title ?? d.url;
        const page: StoredPage = {
          id: result.id,
          url: d.url,
          title,
          kind: d.meta.kind ?? '',
          date: d.meta.date,
          document: d.meta.document,
          filters: d.filters ?? {},
          content: d.content,
          anchors: d.anchors ?? [],
          key: fold(d.content, t2s),
          titleKey: fold(title, t2s),
        };
        this.pages.set(result.id, page);
        this.loading.delete(result.id);
        return page;
      });
      this.loading.set(result.id, pending);
    }
    return pending;
  }

  private storedPages(): StoredPage[] {
    return [...this.pages.values()];
  }

  async search(state: SearchState): Promise<Outcome> {
    await this.start();
    const { t2s, entities } = await this.basics!;
    const pf = await this.pagefind!;
    const query = parseQuery(state.q, t2s);
    const filters = state.filters;

    if (query.words.length === 0) {
      if (activeFilters(filters).length === 0) return { type: 'empty' };
      await this.preloadAll();
      const pages = this.storedPages()
        .filter((p) => matchesFilters(p.filters, filters))
        .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'zh'));
      return { type: 'browse', pages: pages.map((p) => this.plainCard(p)), facets: this.facets(this.storedPages(), filters) };
    }

    const complete = this.complete;
    const term = query.words.join(' ');
    let pagefindResults: PagefindResult[] | undefined;
    let matching: StoredPage[];
    if (complete) {
      matching = this.storedPages().filter((p) => containsAll(p.key, query.words));
    } else {
      pagefindResults = await pagefindSearch(pf, term, filters);
      const candidates = await Promise.all(pagefindResults.slice(0, CANDIDATES).map((r) => this.load(r)));
      matching = candidates.filter((p) => containsAll(p.key, query.words));
    }
    const exact = matching.filter((p) => matchesFilters(p.filters, filters));

    const named = entityNamedBy(entities, query);
    const namedPage = named && this.storedPages().find((p) => p.url === named.url);
    const namedShown = named && (namedPage ? matchesFilters(namedPage.filters, filters) : !filters['类型'] || filters['类型'] === named.kind);

    const averageLength = this.storedPages().reduce((n, p) => n + p.key.length, 0) / Math.max(1, this.pages.size);
    const population = complete ? this.storedPages() : matching;
    const docFreq = memo((w: string) => population.filter((p) => p.key.includes(w)).length);
    const ranked = rankExact(exact, query, { totalPages: Math.max(this.total, this.pages.size), docFreq, averageLength, entityUrl: namedShown ? named!.url : undefined });

    // The named entity goes first even where its page does not repeat the alias typed.
    let namedCard: ResultCard | undefined;
    if (namedShown && !ranked.some((p) => p.url === named!.url)) {
      namedCard = namedPage ? { ...this.plainCard(namedPage), named: true } : entityCard(named!);
    }
    const ordered: Array<StoredPage | ResultCard> = namedCard ? [namedCard, ...ranked] : ranked;
    const cards = (from: number, to: number): ResultCard[] =>
      ordered.slice(from, to).map((p) => ('content' in p ? this.exactCard(p, query, t2s, namedShown === true && p.url === named!.url) : p));
    const exactCount = ordered.length;

    // Looser matches: Pagefind's other results, up to a first screen. With exact matches to show
    // they are not waited for (`related`, shown after them); with none, they are the results.
    const room = LOOSE_FILL - exactCount;
    const looseMatches = async (): Promise<ResultCard[]> => {
      if (room <= 0) return [];
      pagefindResults ??= await pagefindSearch(pf, term, filters);
      // Pages already listed (known by their Pagefind id) are skipped without loading them again.
      const listedIds = new Set(ranked.map((p) => p.id));
      const shown = new Set([...ranked.map((p) => p.url), ...(namedCard ? [namedCard.url] : [])]);
      const others = pagefindResults.filter((r) => !listedIds.has(r.id)).slice(0, room + (namedCard ? 1 : 0));
      return (await Promise.all(others.map((r) => r.data())))
        .filter((d) => !shown.has(d.url))
        .slice(0, room)
        .map((d) => looseCard(d));
    };
    const loose = exactCount === 0 ? await looseMatches() : [];
    const related = exactCount === 0 ? Promise.resolve([]) : looseMatches();
    related.catch(() => undefined); // a superseded search may never read it

    const suggestions = exactCount === 0 ? suggestEntities(entities, query) : [];
    const searchedAs = toSimplified(query.raw, t2s).replace(/\s+/g, ' ');
    return { type: 'results', query, searchedAs, exactCount, matches: ranked.length, cards, loose, related, complete, suggestions, facets: complete ? this.facets(matching, filters) : {} };
  }

  /** For each filter, how many of `pages` each value would leave (the other chosen filters applied). */
  private facets(pages: StoredPage[], filters: Filters): FacetCounts {
    const out: FacetCounts = {};
    for (const key of FILTER_KEYS) {
      const counts: Record<string, number> = {};
      for (const p of pages) {
        if (!matchesFilters(p.filters, filters, key)) continue;
        for (const v of new Set(p.filters[key] ?? [])) counts[v] = (counts[v] ?? 0) + 1;
      }
      out[key] = counts;
    }
    return out;
  }

  private plainCard(p: StoredPage): ResultCard {
    const body = contentAfterTitle(p);
    return { ...meta(p), excerpt: buildExcerpt(body, [], 90), sections: [], exact: false, named: false };
  }

  private exactCard(p: StoredPage, query: ParsedQuery, t2s: T2sMap, named: boolean): ResultCard {
    p.folded ??= foldWithOffsets(p.content, t2s);
    p.foldedAnchors ??= foldAnchors(p.anchors, t2s);
    let ranges = matchRanges(p.folded, query.words);
    // The title is shown above the excerpt: prefer occurrences elsewhere.
    const at = p.content.indexOf(p.title);
    const elsewhere = at < 0 ? ranges : ranges.filter((r: MatchRange) => r.end <= at || r.start >= at + p.title.length);
    if (elsewhere.length > 0) ranges = elsewhere;
    const excerpt = buildExcerpt(p.content, ranges, 90);

    // Links to the paragraphs where the words occur. The one the excerpt comes from becomes the
    // excerpt's own link rather than a repeat of it.
    let excerptLink: SectionLink | undefined;
    const sections: SectionLink[] = [];
    for (const hit of matchingSections(p.anchors, query.words, t2s, 4, 60, p.foldedAnchors)) {
      const link = { url: `${p.url}#${encodeURIComponent(hit.id)}`, heading: hit.heading, excerpt: hit.excerpt };
      const text = p.anchors.find((a) => a.id === hit.id)?.text ?? '';
      const from = text ? p.content.indexOf(text) : -1;
      if (!excerptLink && excerpt.focus !== undefined && from >= 0 && excerpt.focus >= from && excerpt.focus < from + text.length) excerptLink = { ...link, excerpt };
      else sections.push(link);
    }
    return { ...meta(p), excerpt, excerptLink, sections: sections.slice(0, 3), exact: true, named };
  }
}

/** Pagefind's results for the words; none if it fails (exact matches do not depend on it). */
async function pagefindSearch(pf: Pagefind, term: string, filters: Filters): Promise<PagefindResult[]> {
  try {
    return (await pf.search(term, { filters }))?.results ?? [];
  } catch (error) {
    console.warn('Pagefind search failed:', error);
    return [];
  }
}

function meta(p: StoredPage) {
  return { url: p.url, title: p.title, kind: p.kind, date: p.date, document: p.document };
}

function contentAfterTitle(p: StoredPage): string {
  const at = p.content.indexOf(p.title);
  return at < 0 ? p.content : p.content.slice(at + p.title.length).replace(/^[.\s]+/, '');
}

function looseCard(d: PagefindData): ResultCard {
  const sections = (d.sub_results ?? [])
    .filter((s) => s.url.includes('#'))
    .slice(0, 2)
    .map((s) => ({ url: s.url, heading: s.title, excerpt: { segments: segmentsFromPagefindExcerpt(s.excerpt), before: true, after: true } }));
  return {
    url: d.url,
    title: d.meta.title ?? d.url,
    kind: d.meta.kind ?? '',
    date: d.meta.date,
    document: d.meta.document,
    excerpt: { segments: segmentsFromPagefindExcerpt(d.excerpt), before: true, after: true },
    sections,
    exact: false,
    named: false,
  };
}

function entityCard(e: PreparedEntity): ResultCard {
  const aliases = e.aliases.length ? `别名：${e.aliases.join('、')}` : '';
  return { url: e.url, title: e.name, kind: e.kind, excerpt: { segments: [{ text: aliases, mark: false }], before: false, after: false }, sections: [], exact: false, named: true };
}

function kindOrder(kind: string): number {
  const i = ['文件', '政策', '项目', '治理模式'].indexOf(kind);
  return i < 0 ? 9 : i;
}

function memo<T>(fn: (k: string) => T): (k: string) => T {
  const cache = new Map<string, T>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, fn(k));
    return cache.get(k)!;
  };
}
