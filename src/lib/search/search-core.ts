/**
 * The one search core, used by the online search page and by the offline copy opened from disk:
 * query parsing and folding (query.ts, normalize.ts), exact matching over the sharded index
 * (index-format.ts), ranking (SearchCore.search: the page the query names, then documents before
 * entity pages, then BM25 over the densest passage with a title bonus) and result cards with
 * excerpts (excerpt.ts, sections.ts). How files are fetched is the caller's: `fetch` online, plain
 * <script> files from disk (fetch does not work on file://).
 *
 * A query loads meta.json once, the name shard of the whole query, for a word of one or two
 * characters its gram shard, for a longer word the position shards of a cover of bigrams (page
 * lists and offsets, no gram shard), and then one fragment per result shown: never a list of all
 * pages.
 */
import { characterOverlap } from './entities.ts';
import { buildExcerpt, matchRanges, type Excerpt } from './excerpt.ts';
import {
  CHUNK,
  decodeDeltas,
  passageImpact,
  paths,
  shardOf,
  type FilterTable,
  type Fragment,
  type GramPostings,
  type GramShard,
  type IndexMeta,
  type NameEntry,
  type NameShard,
  type PairPositions,
  type PositionShard,
  type TitlePostings,
} from './index-format.ts';
import { fold, foldWithOffsets, toSimplified } from './normalize.ts';
import { documentNumberLine } from '../text/document-number.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { matchingSections, type PageAnchor } from './sections.ts';
import { FILTER_KEYS, activeFilters, type FilterKey, type Filters, type SearchState } from './state.ts';

/** Loads one index file (path relative to the index folder) as parsed JSON. */
export type Loader = (path: string) => Promise<unknown>;

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
  /** The entity or document the query names. */
  named: boolean;
}

export interface Suggestion {
  /** The name or alias that looks like the query, as written. */
  label: string;
  /** The entity's own name, when the label is an alias. */
  name: string;
  url: string;
  kind: string;
}

export type FacetCounts = Partial<Record<FilterKey, Record<string, number>>>;
/** [kind, pages] in the site's kind order. */
export type KindCounts = Array<[kind: string, count: number]>;

export type Outcome =
  | { type: 'empty' }
  | { type: 'browse'; total: number; kinds: KindCounts; cards: (from: number, to: number) => Promise<ResultCard[]>; facets: FacetCounts }
  | {
      type: 'results';
      query: ParsedQuery;
      /** The query with traditional characters and full-width forms converted: what was searched. */
      searchedAs: string;
      /** Results listed first: the named page, then the exact matches, ranked. */
      exactCount: number;
      /** Pages that contain the query (within the filters): exact, never estimated. */
      matches: number;
      /** Pages that contain the query per kind (文件 first), within the filters other than 类型: the kind tabs. */
      kinds: KindCounts;
      cards: (from: number, to: number) => Promise<ResultCard[]>;
      /**
       * Pages containing part of the query, listed after (or, with no exact match, instead of) the
       * exact ones. Loaded when called (once), so the exact results are shown before the files
       * these need are even requested: the page's largest paint is the first exact result, and
       * on a slow connection every byte before it delays it.
       */
      loose: () => Promise<ResultCard[]>;
      complete: true;
      suggestions: Suggestion[];
      facets: FacetCounts;
    };

/** Results per page of results ("show more" loads the next page's fragments). */
export const PAGE_SIZE = 10;
const LOOSE_FILL = 10;
/** What a title holding the word adds to a page's score: as much as one passage mention. */
const TITLE_IMPACT = 100;

interface WordHits {
  /** page → [impact, first offset] */
  pages: Map<number, [number, number]>;
  /** pages whose title contains the word → title length */
  titles: Map<number, number>;
}

/** A page id → the index of its kind in the site's order (ids are assigned kind by kind). */
export function kindGroups(meta: IndexMeta): (id: number) => number {
  const starts = meta.kinds.map(([, first]) => first);
  return (id) => {
    let g = 0;
    while (g + 1 < starts.length && starts[g + 1] <= id) g++;
    return g;
  };
}

/** Result counts per kind, in the site's order (文件 first), kinds without results included. */
export function countByKind(meta: IndexMeta, ids: Iterable<number>): KindCounts {
  const group = kindGroups(meta);
  const counts = meta.kinds.map(([kind]): [string, number] => [kind, 0]);
  for (const id of ids) if (counts.length) counts[group(id)][1]++;
  return counts;
}

/**
 * Where the pairs that spell a word exactly start: non-overlapping bigrams at fixed distances
 * (深化|走访|联系|企业|机制), and for an odd length the last pair overlapping the one before (楼长|长制).
 */
function coverOf(word: string): number[] {
  const cover: number[] = [];
  for (let i = 0; i + 2 <= word.length; i += 2) cover.push(i);
  if (word.length % 2 === 1) cover.push(word.length - 2);
  return cover;
}

export class SearchCore {
  private files = new Map<string, Promise<unknown>>();
  private metaPromise?: Promise<IndexMeta>;

  private readonly load: Loader;
  private readonly href: (sitePath: string) => string;

  /** `href`: a page's site path (`documents/x/`) → the link to it. */
  constructor(load: Loader, href: (sitePath: string) => string) {
    this.load = load;
    this.href = href;
  }

  private file<T>(path: string): Promise<T> {
    let p = this.files.get(path);
    if (!p) {
      p = this.load(path);
      p.catch(() => this.files.delete(path)); // a failed load is retried by the next search
      this.files.set(path, p);
    }
    return p as Promise<T>;
  }

  meta(): Promise<IndexMeta> {
    return (this.metaPromise ??= this.file<IndexMeta>(paths.meta));
  }

  private async grams(gram: string): Promise<GramShard> {
    return this.file<GramShard>(paths.grams(shardOf(gram, (await this.meta()).shards)));
  }

  private async positions(gram: string): Promise<PositionShard> {
    return this.file<PositionShard>(paths.positions(shardOf(gram, (await this.meta()).shards)));
  }

  filterTable(): Promise<FilterTable> {
    return this.file<FilterTable>(paths.filters);
  }

  /** Filter values with their number of pages, for the filter controls (loads filters.json). */
  async filterValues(): Promise<Record<string, Record<string, number>>> {
    const table = await this.filterTable();
    const out: Record<string, Record<string, number>> = {};
    for (const [key, values] of Object.entries(table))
      out[key] = Object.fromEntries(Object.entries(values).map(([v, ids]) => [v, ids.length]));
    return out;
  }

  /** Every page containing `word` (normal form), with its impact and first offset, and the titles containing it. */
  async matchWord(word: string): Promise<WordHits> {
    const hits: WordHits = { pages: new Map(), titles: new Map() };
    if (word.length <= 2) {
      const shard = await this.grams(word);
      const posting = shard[word] as GramPostings | undefined;
      if (posting) {
        const ids = decodeDeltas(posting[0]);
        ids.forEach((id, i) => hits.pages.set(id, [posting[1][i], posting[2][i]]));
      }
      const title = shard['^' + word] as TitlePostings | undefined;
      if (title) decodeDeltas(title[0]).forEach((id, i) => hits.titles.set(id, title[1][i]));
      return hits;
    }
    const cover = coverOf(word);
    const grams = cover.map((at) => word.slice(at, at + 2));
    // Only the pairs' positions: page lists and offsets, and the titles' (p files).
    const shards = await Promise.all(grams.map((g) => this.positions(g)));

    // Body: pages having every pair, then their offsets checked at the cover's distances.
    const postings = grams.map((g, i) => shards[i][g] as PairPositions | undefined);
    if (postings.every(Boolean)) {
      const lists = postings.map((p) => decodeDeltas(p![0]));
      const rows = lists.map((ids) => new Map(ids.map((id, row) => [id, row])));
      const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
      for (const id of rarest) {
        if (!rows.every((r) => r.has(id))) continue;
        // Offsets ascend: one forward walk per gram, no sets (thousands of candidate pages).
        const offsets = grams.map((_, i) => decodeDeltas(postings[i]![1][rows[i].get(id)!]));
        const cursor = new Array<number>(grams.length).fill(0);
        const starts: number[] = [];
        for (const start of offsets[0]) {
          let all = true;
          for (let i = 1; i < grams.length && all; i++) {
            const want = start + cover[i];
            const list = offsets[i];
            while (cursor[i] < list.length && list[cursor[i]] < want) cursor[i]++;
            all = list[cursor[i]] === want;
          }
          if (all) starts.push(start);
        }
        if (starts.length > 0) hits.pages.set(id, [passageImpact(starts), starts[0]]);
      }
    }
    // Title: the same check on the title's offsets.
    const titles = grams.map((g, i) => shards[i]['^' + g] as TitlePostings | undefined);
    if (titles.every(Boolean)) {
      const rows = titles.map((t) => new Map(decodeDeltas(t![0]).map((id, row) => [id, row])));
      for (const [id, row0] of rows[0]) {
        if (!rows.every((r) => r.has(id))) continue;
        const sets = titles.map((t, i) => new Set(t![2][rows[i].get(id)!]));
        if ([...sets[0]].some((start) => cover.every((at, i) => sets[i].has(start + at)))) hits.titles.set(id, titles[0]![1][row0]);
      }
    }
    return hits;
  }

  /** The pages containing a pair, from its position shard (which a longer word containing it has loaded). */
  private async pairHits(pair: string): Promise<WordHits> {
    const hits: WordHits = { pages: new Map(), titles: new Map() };
    const posting = (await this.positions(pair))[pair] as PairPositions | undefined;
    if (posting)
      decodeDeltas(posting[0]).forEach((id, row) => {
        const offsets = decodeDeltas(posting[1][row]);
        hits.pages.set(id, [passageImpact(offsets), offsets[0]]);
      });
    return hits;
  }

  /** A word and its reviewed synonyms (CBD → 中央商务区): a page matches when it has any of them. */
  private async matchWithSynonyms(word: string): Promise<WordHits> {
    const { synonyms } = await this.meta();
    const forms = new Set([word]);
    for (const [abbreviation, means] of synonyms)
      if (word.includes(abbreviation)) for (const m of means) forms.add(word.replace(abbreviation, m));
    const all = await Promise.all([...forms].map((f) => this.matchWord(f)));
    if (all.length === 1) return all[0];
    const merged: WordHits = { pages: new Map(), titles: new Map() };
    for (const h of all) {
      for (const [id, [imp, first]] of h.pages) {
        const had = merged.pages.get(id);
        merged.pages.set(id, had ? [Math.max(had[0], imp), Math.min(had[1], first)] : [imp, first]);
      }
      for (const [id, len] of h.titles) merged.titles.set(id, len);
    }
    return merged;
  }

  /** The words as searched: each with the forms its synonyms add (for marking excerpts). */
  async forms(words: readonly string[]): Promise<string[]> {
    const { synonyms } = await this.meta();
    const out = new Set(words);
    for (const w of words)
      for (const [abbreviation, means] of synonyms)
        if (w.includes(abbreviation)) for (const m of means) out.add(w.replace(abbreviation, m));
    return [...out];
  }

  /** The pages a whole query names (entity names and aliases, document titles and short names). */
  async named(key: string): Promise<number[]> {
    if (!key) return [];
    const { nameShards } = await this.meta();
    const shard = await this.file<NameShard>(paths.names(shardOf(key, nameShards)));
    return shard[key] ?? [];
  }

  private async allowed(filters: Filters): Promise<Set<number> | undefined> {
    const chosen = activeFilters(filters);
    if (chosen.length === 0) return undefined;
    const table = await this.filterTable();
    let out: Set<number> | undefined;
    for (const [key, value] of chosen) {
      const ids = new Set(decodeDeltas(table[key]?.[value] ?? []));
      out = out ? new Set([...out].filter((id) => ids.has(id))) : ids;
    }
    return out ?? new Set();
  }

  /** For each filter, how many of `pages` each value would leave (the other chosen filters applied). */
  private async facets(pages: readonly number[], filters: Filters): Promise<FacetCounts> {
    const table = await this.filterTable();
    const sets = new Map<string, Set<number>>();
    const has = (key: string, value: string, id: number) => {
      const k = `${key}\u0000${value}`;
      let s = sets.get(k);
      if (!s) sets.set(k, (s = new Set(decodeDeltas(table[key]?.[value] ?? []))));
      return s.has(id);
    };
    const out: FacetCounts = {};
    for (const key of FILTER_KEYS) {
      const others = activeFilters(filters).filter(([k]) => k !== key);
      const within = pages.filter((id) => others.every(([k, v]) => has(k, v, id)));
      const counts: Record<string, number> = {};
      for (const value of Object.keys(table[key] ?? {})) {
        const n = within.filter((id) => has(key, value, id)).length;
        if (n) counts[value] = n;
      }
      out[key] = counts;
    }
    return out;
  }

  async search(state: SearchState, options: { facets?: boolean } = {}): Promise<Outcome> {
    const meta = await this.meta();
    // A 文号 typed with other brackets (普长府[2022]1号, （2022）) is searched in the standard's
    // 〔〕 form that documents print and name themselves by; "searched as" shows it.
    const number = documentNumberLine(state.q.trim());
    const query = parseQuery(number ?? state.q, meta.t2s);
    const filters = state.filters;
    const filtering = activeFilters(filters).length > 0;
    // Facet counts need filters.json: only for the filter controls, or when a filter other than 类型 is chosen.
    const withFacets = options.facets || activeFilters(filters).some(([key]) => key !== '类型');

    if (query.words.length === 0) {
      if (!filtering) return { type: 'empty' };
      const ids = [...(await this.allowed(filters))!].sort((a, b) => a - b);
      const { 类型: _type, ...otherFilters } = filters;
      const other = await this.allowed(otherFilters);
      const kinds = other
        ? countByKind(meta, other)
        : meta.kinds.map(([kind, first], i): [string, number] => [kind, (meta.kinds[i + 1]?.[1] ?? meta.pages) - first]);
      return {
        type: 'browse',
        total: ids.length,
        kinds,
        cards: (from, to) => Promise.all(ids.slice(from, to).map((id) => this.plainCard(id, false))),
        facets: await this.facets(ids, filters),
      };
    }

    // The 类型 filter is a range of page ids (meta.kinds), so the kind tabs cost no file; the
    // other filters need filters.json.
    const { 类型: typeFilter, ...otherFilters } = filters;
    const [perWord, namedIds, allowedOther] = await Promise.all([
      Promise.all(query.words.map((w) => this.matchWithSynonyms(w))),
      this.named(query.key),
      this.allowed(otherFilters),
    ]);
    const group = kindGroups(meta);
    const typeGroup = typeFilter ? meta.kinds.findIndex(([kind]) => kind === typeFilter) : -1;
    const inOtherFilters = (id: number) => !allowedOther || allowedOther.has(id);
    const inFilters = (id: number) => inOtherFilters(id) && (!typeFilter || group(id) === typeGroup);

    // Pages containing every word; BM25 over the words' impacts, rarer words weighing more.
    const idf = perWord.map((h) => Math.log(1 + (meta.pages - h.pages.size + 0.5) / (h.pages.size + 0.5)));
    const smallest = perWord.reduce((a, b) => (b.pages.size < a.pages.size ? b : a));
    const all: Array<{ id: number; score: number; first: number; title?: number }> = [];
    for (const id of smallest.pages.keys()) {
      if (!perWord.every((h) => h.pages.has(id))) continue;
      const score = perWord.reduce((n, h, i) => n + idf[i] * h.pages.get(id)![0], 0);
      const inTitle = perWord.every((h) => h.titles.has(id));
      all.push({ id, score, first: perWord[0].pages.get(id)![1], title: inTitle ? perWord[0].titles.get(id) : undefined });
    }
    const exact = all.filter((p) => inFilters(p.id));
    const named = namedIds.find(inFilters);
    // The named page first; then the kinds in the site's order, so the primary documents come
    // before the entity pages derived from them (ids follow that order); within a kind, by the
    // densest passage (a long document's best paragraph on equal terms with a short page), a
    // title holding every word counting as one more mention.
    const titleBonus = idf.reduce((n, w) => n + w * TITLE_IMPACT, 0);
    const rankScore = (p: { score: number; title?: number }) => p.score + (p.title !== undefined ? titleBonus : 0);
    exact.sort(
      (a, b) => Number(b.id === named) - Number(a.id === named) || group(a.id) - group(b.id) || rankScore(b) - rankScore(a) || a.id - b.id,
    );

    // The named page goes first even where it does not repeat the words typed (an alias).
    const namedMissing = named !== undefined && !exact.some((p) => p.id === named);
    const order: Array<{ id: number; first?: number; exact: boolean }> = [
      ...(namedMissing ? [{ id: named, exact: false }] : []),
      ...exact.map((p) => ({ id: p.id, first: p.first, exact: true })),
    ];
    const marks = await this.forms(query.words);
    const cards = (from: number, to: number) =>
      Promise.all(
        order.slice(from, to).map((o) => (o.exact ? this.exactCard(o.id, o.first!, marks, o.id === named) : this.plainCard(o.id, true))),
      );

    // Pages holding some of the words (several words), or most of the pairs that spell one long word (its cover).
    const listed = new Set(order.map((o) => o.id));
    const room = LOOSE_FILL - order.length;
    let looseCards: Promise<ResultCard[]> | undefined;
    const loose = () => (looseCards ??= room > 0 ? this.looseCards(query, perWord, listed, inFilters, room) : Promise.resolve([]));
    const suggestions = order.length === 0 ? await this.suggest(query) : [];
    const searchedAs = toSimplified(query.raw, meta.t2s).replace(/\s+/g, ' ');
    const facets = withFacets
      ? await this.facets(
          all.map((p) => p.id),
          filters,
        )
      : {};
    const kinds = countByKind(
      meta,
      all.flatMap((p) => (inOtherFilters(p.id) ? [p.id] : [])),
    );
    return {
      type: 'results',
      query,
      searchedAs,
      exactCount: order.length,
      matches: exact.length,
      kinds,
      cards,
      loose,
      complete: true,
      suggestions,
      facets,
    };
  }

  private async looseCards(
    query: ParsedQuery,
    perWord: WordHits[],
    listed: Set<number>,
    inFilters: (id: number) => boolean,
    room: number,
  ): Promise<ResultCard[]> {
    let parts: string[];
    let hits: WordHits[];
    /** Per part, the characters of the query it stands for (one word: a pair's two characters). */
    let spans: number[][];
    let need: number;
    if (query.words.length > 1) {
      // Several words: a page holding any of them.
      parts = query.words;
      hits = perWord;
      spans = parts.map((_, i) => [i]);
      need = 1;
    } else {
      const word = query.words[0];
      if (word.length < 3) return [];
      // The pairs of the word's cover: their position shards are loaded already, so the partial
      // matches cost no other index file (every pair of a long word cost one gram shard each:
      // 270 KB for 深化走访联系企业机制). A page must hold pairs spelling most of the word's
      // characters (楼长 of 楼长治, not 亿元 alone of 56亿元).
      const cover = [...new Map(coverOf(word).map((at) => [word.slice(at, at + 2), at])).entries()];
      parts = cover.map(([pair]) => pair);
      hits = await Promise.all(parts.map((p) => this.pairHits(p)));
      spans = cover.map(([, at]) => [at, at + 1]);
      need = Math.floor(word.length / 2) + 1;
    }
    const score = new Map<number, [covered: Set<number>, impact: number]>();
    hits.forEach((h, part) => {
      for (const [id, [imp]] of h.pages) {
        if (listed.has(id) || !inFilters(id)) continue;
        const s = score.get(id) ?? [new Set<number>(), 0];
        for (const c of spans[part]) s[0].add(c);
        score.set(id, [s[0], s[1] + imp]);
      }
    });
    const ids = [...score.entries()]
      .filter(([, [covered]]) => covered.size >= need)
      .sort((a, b) => b[1][0].size - a[1][0].size || b[1][1] - a[1][1] || a[0] - b[0])
      .slice(0, room);
    return Promise.all(
      ids.map(async ([id]) => {
        const firsts = hits.map((h) => h.pages.get(id)?.[1]).filter((f): f is number => f !== undefined);
        return { ...(await this.exactCard(id, Math.min(...firsts), parts, false)), exact: false };
      }),
    );
  }

  /** Entities and documents whose names look like the query, for "did you mean" when nothing matches. */
  private async suggest(query: ParsedQuery, limit = 5, minScore = 0.5): Promise<Suggestion[]> {
    const q = query.words.join('');
    const pairs = new Set<string>();
    for (let i = 0; i + 2 <= q.length; i++) pairs.add(q.slice(i, i + 2));
    if (pairs.size === 0) return [];
    const meta = await this.meta();
    const shards = await Promise.all([...pairs].map((p) => this.grams(p)));
    const best = new Map<number, { entry: NameEntry; score: number }>();
    [...pairs].forEach((p, i) => {
      for (const entry of (shards[i]['~' + p] as NameEntry[] | undefined) ?? []) {
        const score = characterOverlap(q, fold(entry[0], meta.t2s));
        const had = best.get(entry[2]);
        if (score >= minScore && (!had || score > had.score)) best.set(entry[2], { entry, score });
      }
    });
    const top = [...best.values()].sort((a, b) => b.score - a.score || a.entry[0].length - b.entry[0].length).slice(0, limit);
    return Promise.all(
      top.map(async ({ entry: [label, name, id] }) => {
        const f = await this.fragment(id, 0);
        return { label, name, url: this.href(f.url), kind: f.kind };
      }),
    );
  }

  private fragment(id: number, chunk: number): Promise<Fragment> {
    return this.file<Fragment>(paths.fragment(id, chunk));
  }

  /** The chunk holding the block that contains normal-form offset `at` (a long block may start in an earlier chunk). */
  private async fragmentAt(id: number, at: number): Promise<{ fragment: Fragment; block: number }> {
    for (let chunk = Math.floor(at / CHUNK); chunk >= 0; chunk--) {
      const fragment = await this.fragment(id, chunk);
      const block = fragment.blocks.findLastIndex((b) => b[3] <= at);
      if (block >= 0) return { fragment, block };
      if (chunk === 0) return { fragment, block: -1 };
    }
    throw new Error('unreachable');
  }

  private head(f: Fragment) {
    return { url: this.href(f.url), title: f.title, kind: f.kind, date: f.date, document: f.document };
  }

  private async plainCard(id: number, named: boolean): Promise<ResultCard> {
    const f = await this.fragment(id, 0);
    const body = f.blocks
      .filter((b) => b[1] !== 'h1')
      .map((b) => b[2])
      .join(' ');
    return { ...this.head(f), excerpt: buildExcerpt(body, [], 90), sections: [], exact: false, named };
  }

  /** A result: the excerpt around the first occurrence outside the title, and links to other paragraphs of that part of the page where the words occur. */
  private async exactCard(id: number, first: number, words: readonly string[], named: boolean): Promise<ResultCard> {
    const meta = await this.meta();
    const { fragment: f, block } = await this.fragmentAt(id, first);
    const head = this.head(f);
    const blocks = f.blocks.map((b) => ({ anchor: b[0], element: b[1], text: b[2], folded: foldWithOffsets(b[2], meta.t2s) }));
    const holds = (i: number) => words.some((w) => blocks[i].folded.key.includes(w));
    // The title is shown above the excerpt: prefer the first occurrence elsewhere.
    let at = block;
    if (at < 0 || blocks[at].element === 'h1' || !holds(at)) {
      const other = blocks.findIndex((b, i) => b.element !== 'h1' && holds(i));
      at = other >= 0 ? other : at;
    }
    const source = blocks[at] ?? blocks.find((b) => b.element !== 'h1');
    const excerpt = source
      ? buildExcerpt(source.text, matchRanges(source.folded, words), 90)
      : { segments: [], before: false, after: false };
    const excerptLink =
      source?.anchor && source.element !== 'h1' ? { url: `${head.url}#${encodeURIComponent(source.anchor)}`, excerpt } : undefined;

    const anchors: PageAnchor[] = blocks
      .filter((b) => b.anchor && b !== source && b.element !== 'h1')
      .map((b) => ({ element: b.element, id: b.anchor, text: b.text }));
    const sections = matchingSections(anchors, words, meta.t2s, 3, 60)
      .filter((hit) => hit.id !== source?.anchor)
      .map((hit) => ({ url: `${head.url}#${encodeURIComponent(hit.id)}`, heading: hit.heading, excerpt: hit.excerpt }));
    return { ...head, excerpt, excerptLink, sections, exact: true, named };
  }
}
