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
import { fold, type T2sMap } from './normalize.ts';
import type { IndexedPage } from './indexed-text.ts';
import {
  BLOCK_SEPARATOR, CHUNK, INDEX_VERSION, encodeDeltas, impact, paths, shardOf,
  type FilterTable, type Fragment, type GramShard, type IndexMeta, type NameEntry, type NameShard, type PositionShard,
} from './index-format.ts';

export interface IndexName {
  /** As written: `楼长制`, `十四五规划`. */
  label: string;
  /** The entity's or document's own name, shown beside an alias. */
  name: string;
  /** Site path without the base of the page it names. */
  url: string;
}

export interface IndexInput {
  pages: readonly IndexedPage[];
  /** Entity names and aliases first, then document titles and citation labels. */
  names: readonly IndexName[];
  t2s: T2sMap;
  /** Abbreviation → what it stands for, as written in content/search-synonyms.yaml. */
  synonyms: ReadonlyArray<{ abbreviation: string; means: readonly string[] }>;
  /** Kind badges in listing order (文件 first): page ids follow it, so filtering alone lists in order. */
  kindOrder: readonly string[];
  /** Target average shard size in bytes (tests use small values to exercise sharding). */
  shardBytes?: number;
}

export interface BuiltIndex {
  /** Path under search-index/ → JSON text. */
  files: Map<string, string>;
  pages: number;
  shards: number;
}

interface Posting {
  ids: number[];
  impacts: number[];
  firsts: number[];
  /** Bigrams only: per page, text length and offsets. */
  lengths?: number[];
  offsets?: number[][];
}

interface TitlePosting {
  ids: number[];
  lengths: number[];
  offsets: number[][];
}

/** The grams of a normal-form text: every unit and every pair of units not across a block boundary. */
function gramsOf(key: string, withOffsets: boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (g: string, at: number) => {
    const list = out.get(g);
    if (list) list.push(at);
    else out.set(g, [at]);
  };
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === BLOCK_SEPARATOR) continue;
    add(c, i);
    const next = key[i + 1];
    if (next !== undefined && next !== BLOCK_SEPARATOR) add(c + next, i);
  }
  if (!withOffsets) for (const [g, list] of out) if (g.length === 1) out.set(g, [list[0], list.length]);
  return out;
}

export function buildSearchIndex(input: IndexInput): BuiltIndex {
  const { t2s } = input;
  const rank = (kind: string) => {
    const i = input.kindOrder.indexOf(kind);
    return i < 0 ? input.kindOrder.length : i;
  };
  const pages = [...input.pages].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'zh') || a.url.localeCompare(b.url),
  );
  const files = new Map<string, string>();

  // Pass 1: each page's normal form, block offsets and fragments.
  const keys: string[] = [];
  pages.forEach((page, id) => {
    const blockKeys = page.blocks.map((b) => fold(b.text, t2s));
    const offsets: number[] = [];
    let at = 0;
    for (const k of blockKeys) {
      offsets.push(at);
      at += k.length + BLOCK_SEPARATOR.length;
    }
    keys.push(blockKeys.join(BLOCK_SEPARATOR));
    const chunks = Math.max(1, Math.floor(Math.max(0, at - 1) / CHUNK) + 1);
    for (let chunk = 0; chunk < chunks; chunk++) {
      const fragment: Fragment = {
        url: page.url, title: page.title, kind: page.kind, date: page.date, document: page.document, chunk, chunks,
        blocks: page.blocks.flatMap((b, i) => (Math.floor(offsets[i] / CHUNK) === chunk ? [[b.anchor, b.element, b.text, offsets[i]] as Fragment['blocks'][number]] : [])),
      };
      files.set(paths.fragment(id, chunk), JSON.stringify(fragment));
    }
  });
  const averageLength = keys.reduce((n, k) => n + k.length, 0) / Math.max(1, keys.length);

  // Pass 2: postings. Page ids ascend, so every list is sorted as it is built.
  const grams = new Map<string, Posting>();
  const titles = new Map<string, TitlePosting>();
  keys.forEach((key, id) => {
    for (const [g, list] of gramsOf(key, true)) {
      let p = grams.get(g);
      if (!p) grams.set(g, (p = g.length === 2 ? { ids: [], impacts: [], firsts: [], lengths: [], offsets: [] } : { ids: [], impacts: [], firsts: [] }));
      p.ids.push(id);
      p.impacts.push(impact(list.length, key.length, averageLength));
      p.firsts.push(list[0]);
      if (p.offsets) {
        p.lengths!.push(key.length);
        p.offsets.push(encodeDeltas(list));
      }
    }
    const titleKey = fold(pages[id].title, t2s);
    for (const [g, list] of gramsOf(titleKey, true)) {
      let p = titles.get(g);
      if (!p) titles.set(g, (p = { ids: [], lengths: [], offsets: [] }));
      p.ids.push(id);
      p.lengths.push(titleKey.length);
      p.offsets.push(list);
    }
  });

  // Names: whole names for "the query names this page", bigrams of names for "did you mean".
  const idOf = new Map(pages.map((p, id) => [p.url, id]));
  const names: NameShard = {};
  const nameGrams = new Map<string, NameEntry[]>();
  for (const n of input.names) {
    const id = idOf.get(n.url);
    const key = fold(n.label, t2s);
    if (id === undefined || !key) continue;
    const ids = (names[key] ??= []);
    if (!ids.includes(id)) ids.push(id);
    for (const g of new Set([...gramsOf(key, false).keys()].filter((g) => g.length === 2))) {
      const list = nameGrams.get(g) ?? [];
      if (!list.some((e) => e[0] === n.label && e[2] === id)) list.push([n.label, n.name, id]);
      nameGrams.set(g, list);
    }
  }

  // Shards: as many as keep an average shard near the target size.
  const target = input.shardBytes ?? 24_000;
  let gramBytes = 0;
  let positionBytes = 0;
  for (const p of grams.values()) {
    gramBytes += p.ids.length * 9;
    if (p.offsets) positionBytes += p.offsets.reduce((n, o) => n + o.length * 3 + 4, 0);
  }
  const shards = Math.max(1, Math.ceil(Math.max(gramBytes / target, positionBytes / (target * 3))));
  const gramShards = Array.from({ length: shards }, (): GramShard => ({}));
  const positionShards = Array.from({ length: shards }, (): PositionShard => ({}));
  for (const [g, p] of grams) {
    const s = shardOf(g, shards);
    gramShards[s][g] = [encodeDeltas(p.ids), p.impacts, p.firsts];
    if (p.offsets) positionShards[s][g] = [p.lengths!, p.offsets];
  }
  for (const [g, p] of titles) gramShards[shardOf(g, shards)]['^' + g] = [encodeDeltas(p.ids), p.lengths, p.offsets];
  for (const [g, list] of nameGrams) gramShards[shardOf(g, shards)]['~' + g] = list;
  gramShards.forEach((s, i) => files.set(paths.grams(i), JSON.stringify(s)));
  positionShards.forEach((s, i) => files.set(paths.positions(i), JSON.stringify(s)));

  const nameShards = Math.max(1, Math.ceil(JSON.stringify(names).length / 8_000));
  const nameFiles = Array.from({ length: nameShards }, (): NameShard => ({}));
  for (const [key, ids] of Object.entries(names)) nameFiles[shardOf(key, nameShards)][key] = ids;
  nameFiles.forEach((s, i) => files.set(paths.names(i), JSON.stringify(s)));

  const filters: FilterTable = {};
  pages.forEach((page, id) => {
    for (const [key, values] of Object.entries(page.filters)) for (const v of values) ((filters[key] ??= {})[v] ??= []).push(id);
  });
  for (const values of Object.values(filters)) for (const v of Object.keys(values)) values[v] = encodeDeltas(values[v]);
  files.set(paths.filters, JSON.stringify(filters));

  const meta: IndexMeta = {
    version: INDEX_VERSION,
    pages: pages.length,
    averageLength,
    shards,
    nameShards,
    t2s: { ...t2s },
    synonyms: input.synonyms.map((s) => [fold(s.abbreviation, t2s), s.means.map((m) => fold(m, t2s))]),
  };
  files.set(paths.meta, JSON.stringify(meta));
  return { files, pages: pages.length, shards };
}
