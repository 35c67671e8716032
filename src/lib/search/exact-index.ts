/**
 * Builds the exact-match search index (file layout in index-format.ts) from the pages' indexed
 * text: one pass over the pages, pure (returns the files; the integration writes them).
 *
 * Why our own index rather than a library: readers type Chinese without spaces and expect every
 * page containing the characters they typed, including a phrase inside a longer word (网格 in
 * 完善网格治理体系). Word-based engines (Pagefind, lunr, MiniSearch, FlexSearch) segment the text
 * and miss such phrases or need the whole index in memory; positional character bigrams find every
 * occurrence, and sharding them by hash keeps what one query loads independent of the corpus size.
 */
import { parseDocumentNumber } from '../text/document-number.ts';
import { fold, type T2sMap } from './normalize.ts';
import type { IndexedPage } from './indexed-text.ts';
import {
  BLOCK_SEPARATOR,
  CHUNK,
  INDEX_VERSION,
  encodeDeltas,
  fnv1aUnits,
  passageImpact,
  paths,
  shardOf,
  type FilterTable,
  type Fragment,
  type GramShard,
  type IndexMeta,
  type NameEntry,
  type NameShard,
  type PositionShard,
} from './index-format.ts';

export interface IndexName {
  /** As written: `楼长制`, `十四五规划`. */
  label: string;
  /** The entity's or document's own name, shown beside an alias. */
  name: string;
  /** Site path without the base of the page it names. */
  url: string;
}

/**
 * The names a primary document is found by: its title, its short names (the 来源文件 values the
 * templates mark) and its 文号, which the page's `document` meta holds as `文号 · 发文机关`.
 */
export function documentNames(page: Pick<IndexedPage, 'url' | 'title' | 'document' | 'filters'>): IndexName[] {
  const numbers = (page.document ?? '').split(' · ').flatMap((part) => parseDocumentNumber(part) ?? []);
  return [...new Set([page.title, ...(page.filters.来源文件 ?? []), ...numbers])].map((label) => ({
    label,
    name: page.title,
    url: page.url,
  }));
}

/** What the index needs besides the pages. */
export interface IndexOptions {
  t2s: T2sMap;
  /** Abbreviation → what it stands for, as written in content/search-synonyms.yaml. */
  synonyms: ReadonlyArray<{ abbreviation: string; means: readonly string[] }>;
  /** Kind badges in listing order (文件 first): page ids follow it, so filtering alone lists in order. */
  kindOrder: readonly string[];
  /** Normal-form characters per shard (tests use small values to exercise sharding). */
  charsPerShard?: number;
  /** Normal-form characters per counting pass (tests use small values to exercise several passes). */
  charsPerPass?: number;
}

export interface IndexInput extends IndexOptions {
  pages: readonly IndexedPage[];
  /** Entity names and aliases first, then document titles and citation labels. */
  names: readonly IndexName[];
}

export interface BuiltIndex {
  files: number;
  bytes: number;
  pages: number;
  shards: number;
}

/** Where the files go: path under search-index/ and JSON text (written as they are made, so memory stays flat). */
export type IndexSink = (path: string, text: string) => void;

/**
 * An output the builder can also rename in: with it, each page's fragments are written when the
 * page is added (under a provisional name, since page ids follow a sort of all pages) and renamed
 * by `finish`, instead of being held in memory until then (a third of the builder's memory at
 * 5,000 documents).
 */
export interface IndexOutput {
  write: IndexSink;
  move: (from: string, to: string) => void;
}

/**
 * A growable list of int32 tuples: postings for millions of gram occurrences without millions of
 * small arrays (which would dominate memory and garbage collection at thousands of documents).
 */
class IntList {
  data = new Int32Array(4);
  length = 0;
  push(a: number, b?: number, c?: number): void {
    const need = this.length + (b === undefined ? 1 : c === undefined ? 2 : 3);
    if (need > this.data.length) {
      // Grows by half rather than doubling: the lists of all pairs are most of the builder's memory.
      const next = new Int32Array(Math.max(need, Math.ceil(this.data.length * 1.5)));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = a;
    if (b !== undefined) this.data[this.length++] = b;
    if (c !== undefined) this.data[this.length++] = c;
  }
}

/**
 * Normal-form characters per shard. A query loads whole shards, so every other gram in them is
 * baggage: at 5,005 documents 3,500 characters gave shards of 7–9 KB compressed (median; 32–36 KB
 * at the 99th percentile) and 十四五规划 loaded 55 KB of positions; 1,500 gives 3 KB (median;
 * 22–23 KB p99) and 34 KB, for about twice as many (small) files.
 */
const CHARS_PER_SHARD = 1_500;

/** Normal-form characters whose pairs one counting pass holds (see writeIndex): four passes at 5,000 documents. */
const CHARS_PER_PASS = 2_500_000;

/** A page as the builder keeps it between `add` and `finish`: its head, normal form and serialised fragments. */
interface PageRecord {
  url: string;
  title: string;
  kind: string;
  date?: string;
  filters: IndexedPage['filters'];
  /** The page's normal form, blocks joined by BLOCK_SEPARATOR. */
  key: string;
  /** Its fragment files' JSON, one per CHUNK of the normal form (none when written at `add`). */
  fragments: string[];
  /** Its fragments written at `add` under provisional names: their number and characters. */
  pending?: { seq: number; chunks: number; characters: number };
}

/** Where a page's fragment waits between `add` and `finish` (renamed to paths.fragment then). */
const pendingFragment = (seq: number, chunk: number) => `f/pending-${seq}-${chunk}.json`;

/**
 * Builds the index from pages given one at a time (`add`, as the post-build pass reads them), then
 * writes every file (`finish`). A page is reduced to its normal form and its fragments' JSON when
 * added, so the builder never holds the pages' block objects.
 */
export class SearchIndexBuilder {
  private readonly records: PageRecord[] = [];
  private readonly options: IndexOptions;
  private readonly output?: IndexOutput;
  /** `output`: write fragments as pages are added (see IndexOutput); without it they are kept until `finish`. */
  constructor(options: IndexOptions, output?: IndexOutput) {
    this.options = options;
    this.output = output;
  }

  add(page: IndexedPage): void {
    const blockKeys = page.blocks.map((b) => fold(b.text, this.options.t2s));
    const offsets: number[] = [];
    let at = 0;
    for (const k of blockKeys) {
      offsets.push(at);
      at += k.length + BLOCK_SEPARATOR.length;
    }
    const chunks = Math.max(1, Math.floor(Math.max(0, at - 1) / CHUNK) + 1);
    const byChunk: Fragment['blocks'][] = Array.from({ length: chunks }, () => []);
    page.blocks.forEach((b, i) => byChunk[Math.floor(offsets[i] / CHUNK)].push([b.anchor, b.element, b.text, offsets[i]]));
    const fragments = byChunk.map((blocks, chunk) => {
      const fragment: Fragment = {
        url: page.url,
        title: page.title,
        kind: page.kind,
        date: page.date,
        document: page.document,
        chunk,
        chunks,
        blocks,
      };
      return JSON.stringify(fragment);
    });
    let pending: PageRecord['pending'];
    if (this.output) {
      const seq = this.records.length;
      fragments.forEach((text, chunk) => this.output!.write(pendingFragment(seq, chunk), text));
      pending = { seq, chunks: fragments.length, characters: fragments.reduce((n, t) => n + t.length, 0) };
    }
    this.records.push({
      url: page.url,
      title: page.title,
      kind: page.kind,
      date: page.date,
      filters: page.filters,
      key: blockKeys.join(BLOCK_SEPARATOR),
      fragments: pending ? [] : fragments,
      pending,
    });
  }

  /**
   * Writes every file of the index through `write` and returns counts for the build report.
   * `names`: entity names and aliases first, then document titles and citation labels.
   */
  finish(names: readonly IndexName[], write: IndexSink): BuiltIndex {
    return writeIndex(this.records.splice(0), names, this.options, write, this.output?.move);
  }
}

/** Builds the index of all `input.pages` at once and hands every file to `write`. */
export function buildSearchIndex(input: IndexInput, write: IndexSink): BuiltIndex {
  const builder = new SearchIndexBuilder(input);
  for (const page of input.pages) builder.add(page);
  return builder.finish(input.names, write);
}

function writeIndex(
  records: PageRecord[],
  nameList: readonly IndexName[],
  input: IndexOptions,
  write: IndexSink,
  move?: IndexOutput['move'],
): BuiltIndex {
  const { t2s } = input;
  const rank = (kind: string) => {
    const i = input.kindOrder.indexOf(kind);
    return i < 0 ? input.kindOrder.length : i;
  };
  const pages = records.sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.title.localeCompare(b.title, 'zh') ||
      a.url.localeCompare(b.url),
  );
  let files = 0;
  let bytes = 0;
  const emit = (path: string, text: string) => {
    files++;
    bytes += text.length;
    write(path, text);
  };

  // Page ids follow the sort; each page's fragments are written under its id, then dropped.
  const keys = pages.map((page, id) => {
    page.fragments.forEach((text, chunk) => emit(paths.fragment(id, chunk), text));
    page.fragments = [];
    if (page.pending && move) {
      for (let chunk = 0; chunk < page.pending.chunks; chunk++) move(pendingFragment(page.pending.seq, chunk), paths.fragment(id, chunk));
      files += page.pending.chunks;
      bytes += page.pending.characters;
    }
    return page.key;
  });
  const totalLength = keys.reduce((n, k) => n + k.length, 0);
  const averageLength = totalLength / Math.max(1, keys.length);
  const shards = Math.max(1, Math.ceil(totalLength / (input.charsPerShard ?? CHARS_PER_SHARD)));

  // Names: whole names for "the query names this page", bigrams of names for "did you mean".
  const idOf = new Map(pages.map((p, id) => [p.url, id]));
  const names: NameShard = {};
  const nameGrams = new Map<string, NameEntry[]>();
  for (const n of nameList) {
    const id = idOf.get(n.url);
    const key = fold(n.label, t2s);
    if (id === undefined || !key) continue;
    const ids = (names[key] ??= []);
    if (!ids.includes(id)) {
      ids.push(id);
      // Ids follow the kind order, so ascending ids name the primary document before an entity page.
      ids.sort((a, b) => a - b);
    }
    for (let i = 0; i + 2 <= key.length; i++) {
      const g = key.slice(i, i + 2);
      const list = nameGrams.get(g) ?? [];
      if (!list.some((e) => e[0] === n.label && e[2] === id)) list.push([n.label, n.name, id]);
      nameGrams.set(g, list);
    }
  }

  const byShard = <T>(map: Map<string, T>) => {
    const out: Array<Array<[string, T]>> = Array.from({ length: shards }, () => []);
    for (const entry of map) out[shardOf(entry[0], shards)].push(entry);
    return out;
  };
  const nameGramShards = byShard(nameGrams);

  // Pass 2: postings. Page ids ascend, so every list is sorted as it is built.
  // Units: (page, impact, first offset); pairs: -(page + 1) when the page changes, then its
  // offsets (one number per occurrence, not two: these lists are most of the builder's memory);
  // titles: (page, offset).
  // Grams are keyed by their UTF-16 units as a number while counting (a pair: high unit × 65536 +
  // low unit): string keys made per character dominated the build at thousands of documents.
  // Pairs are counted for a group of shards at a time (one pass over the text per group), so only
  // a group's postings are ever held: at 5,000 documents all of them at once were the build's peak memory.
  const groups = Math.min(shards, Math.max(1, Math.ceil(totalLength / (input.charsPerPass ?? CHARS_PER_PASS))));
  const titleKeys = pages.map((page) => fold(page.title, t2s));
  const titleLengths = titleKeys.map((k) => k.length);
  const unitShard = new Map<number, number>();
  for (let group = 0; group < groups; group++) {
    const inGroup = (shard: number) => shard % groups === group;
    const units = new Map<number, IntList>();
    const pairs = new Map<number, IntList>();
    /** Per pair, the last page that pushed to its list. */
    const lastPage = new Map<number, number>();
    const titles = new Map<string, IntList>();
    // Per page: each character's offsets (for its densest passage), reused between pages.
    const occurrences = new Map<number, number[]>();
    const SEPARATOR = BLOCK_SEPARATOR.charCodeAt(0);
    keys.forEach((key, id) => {
      occurrences.clear();
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (c === SEPARATOR) continue;
        let cs = unitShard.get(c);
        if (cs === undefined) unitShard.set(c, (cs = fnv1aUnits(c) % shards));
        if (inGroup(cs)) {
          const seen = occurrences.get(c);
          if (seen === undefined) occurrences.set(c, [i]);
          else seen.push(i);
        }
        if (i + 1 >= key.length) continue;
        const next = key.charCodeAt(i + 1);
        if (next === SEPARATOR || !inGroup(fnv1aUnits(c, next) % shards)) continue;
        const g = c * 65536 + next;
        let list = pairs.get(g);
        if (!list) pairs.set(g, (list = new IntList()));
        if (lastPage.get(g) !== id) {
          lastPage.set(g, id);
          list.push(-(id + 1));
        }
        list.push(i);
      }
      for (const [c, at] of occurrences) {
        let list = units.get(c);
        if (!list) units.set(c, (list = new IntList()));
        list.push(id, passageImpact(at), at[0]);
      }
      const titleKey = titleKeys[id];
      for (let i = 0; i < titleKey.length; i++) {
        for (const g of [titleKey[i], titleKey.slice(i, i + 2)]) {
          if ((g.length === 2 && i + 1 >= titleKey.length) || !inGroup(shardOf(g, shards))) continue;
          let list = titles.get(g);
          if (!list) titles.set(g, (list = new IntList()));
          list.push(id, i);
        }
      }
    });

    // Shards, one at a time.
    // Straight from the numeric maps into shards: no copy of all entries (a third of a million
    // pairs at 5,000 documents) in between.
    const byShardFromCodes = (map: Map<number, IntList>, text: (g: number) => string) => {
      const out: Array<Array<[string, IntList]>> = Array.from({ length: shards }, () => []);
      for (const [g, list] of map) {
        const gram = text(g);
        out[shardOf(gram, shards)].push([gram, list]);
      }
      return out;
    };
    const unitShards = byShardFromCodes(units, (g) => String.fromCharCode(g));
    const pairShards = byShardFromCodes(pairs, (g) => String.fromCharCode(Math.floor(g / 65536), g % 65536));
    units.clear();
    pairs.clear();
    lastPage.clear();
    const titleShards = byShard(titles);
    for (let s = group; s < shards; s += groups) {
      const gram: GramShard = {};
      const position: PositionShard = {};
      for (const [g, list] of unitShards[s]) {
        const ids: number[] = [];
        const imps: number[] = [];
        const fs: number[] = [];
        for (let i = 0; i < list.length; i += 3) {
          ids.push(list.data[i]);
          imps.push(list.data[i + 1]);
          fs.push(list.data[i + 2]);
        }
        gram[g] = [encodeDeltas(ids), imps, fs];
      }
      for (const [g, list] of pairShards[s]) {
        const ids: number[] = [];
        const imps: number[] = [];
        const fs: number[] = [];
        const offsets: number[][] = [];
        for (let i = 0; i < list.length; ) {
          const id = -list.data[i++] - 1;
          const at: number[] = [];
          while (i < list.length && list.data[i] >= 0) at.push(list.data[i++]);
          ids.push(id);
          imps.push(passageImpact(at));
          fs.push(at[0]);
          offsets.push(encodeDeltas(at));
        }
        const deltas = encodeDeltas(ids);
        gram[g] = [deltas, imps, fs];
        position[g] = [deltas, offsets];
      }
      for (const [g, list] of titleShards[s]) {
        const ids: number[] = [];
        const lengths: number[] = [];
        const offsets: number[][] = [];
        for (let i = 0; i < list.length; i += 2) {
          const id = list.data[i];
          if (ids[ids.length - 1] === id) offsets[offsets.length - 1].push(list.data[i + 1]);
          else {
            ids.push(id);
            lengths.push(titleLengths[id]);
            offsets.push([list.data[i + 1]]);
          }
        }
        gram['^' + g] = position['^' + g] = [encodeDeltas(ids), lengths, offsets];
      }
      for (const [g, list] of nameGramShards[s]) gram['~' + g] = list;
      emit(paths.grams(s), JSON.stringify(gram));
      emit(paths.positions(s), JSON.stringify(position));
      unitShards[s] = pairShards[s] = titleShards[s] = [];
    }
  }

  const nameShards = Math.max(1, Math.ceil(JSON.stringify(names).length / 8_000));
  const nameFiles = Array.from({ length: nameShards }, (): NameShard => ({}));
  for (const [key, ids] of Object.entries(names)) nameFiles[shardOf(key, nameShards)][key] = ids;
  nameFiles.forEach((s, i) => emit(paths.names(i), JSON.stringify(s)));

  const filters: FilterTable = {};
  pages.forEach((page, id) => {
    for (const [key, values] of Object.entries(page.filters)) for (const v of values) ((filters[key] ??= {})[v] ??= []).push(id);
  });
  for (const values of Object.values(filters)) for (const v of Object.keys(values)) values[v] = encodeDeltas(values[v]);
  emit(paths.filters, JSON.stringify(filters));

  const kinds: IndexMeta['kinds'] = [];
  pages.forEach((page, id) => {
    if (kinds[kinds.length - 1]?.[0] !== page.kind) kinds.push([page.kind, id]);
  });
  const meta: IndexMeta = {
    version: INDEX_VERSION,
    pages: pages.length,
    averageLength,
    kinds,
    shards,
    nameShards,
    t2s: { ...t2s },
    synonyms: input.synonyms.map((s) => [fold(s.abbreviation, t2s), s.means.map((m) => fold(m, t2s))]),
  };
  emit(paths.meta, JSON.stringify(meta));
  return { files, bytes, pages: pages.length, shards };
}
