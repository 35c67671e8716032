/**
 * The exact-match search index as files: the contract between the builder (exact-index.ts, at
 * build time) and the search core (search-core.ts, in the reader's browser, online or from disk).
 * Every file is small and found by computing its name, so a query never reads a list of all pages:
 *
 *   meta.json          counts, shard counts, the t2s map and the reviewed synonyms
 *   g/<shard>.json     what a word of one or two characters needs, per gram (one or two UTF-16
 *                      units of the normal form): the pages containing it (page ids as deltas), an
 *                      impact (BM25 term part of the page's densest passage, see PASSAGE) and the
 *                      first offset; `^gram`: the pages whose title contains it, with title
 *                      lengths and offsets; `~gram`: entity and document names containing the
 *                      bigram, for "did you mean"
 *   p/<shard>.json     what a word of three or more characters needs, per bigram: the pages
 *                      containing it (ids as deltas) and each page's offsets (deltas), from which
 *                      the core computes matches, impacts and first offsets itself; `^gram` as in g.
 *                      Such a word loads only p files: impacts and first offsets of its pairs
 *                      would be dead weight (they were half of what 十四五规划 loaded at 5,000
 *                      documents).
 *   n/<shard>.json     per whole name in normal form: the page(s) it names (entity names and
 *                      aliases, document titles and the labels entity pages cite them by)
 *   f/<page>-<chunk>.json  one page's head (url, title, kind, date, document) and the text blocks
 *                      starting in one CHUNK-sized stretch of its normal form: a result loads one
 *   filters.json       filter values with their pages, loaded only when the reader filters
 *
 * A gram is sharded by the FNV-1a hash of its bare form, so `g`, `^g`, `~g` and `p` entries of the
 * same gram sit in files with the same number.
 */

export const INDEX_VERSION = 3;
/** Normal-form characters per fragment chunk; a match at offset o is in chunk floor(o / CHUNK). */
export const CHUNK = 1200;
/** Separates blocks in a page's normal form: never produced by folding (whitespace is dropped). */
export const BLOCK_SEPARATOR = '\n';

export interface IndexMeta {
  version: number;
  pages: number;
  averageLength: number;
  /** Result kinds in the site's order (文件 first) with the first page id of each: ids follow this order. */
  kinds: Array<[kind: string, firstId: number]>;
  shards: number;
  nameShards: number;
  t2s: Record<string, string>;
  /** [abbreviation, what it stands for] in normal form. */
  synonyms: Array<[string, string[]]>;
}

/** Page ids (delta-coded), impact per page, first offset per page. */
export type GramPostings = [number[], number[], number[]];
/** Page ids (delta-coded), title length per page, offsets in the title per page. */
export type TitlePostings = [number[], number[], number[][]];
/** [label as written, entity or document name, page id]. */
export type NameEntry = [string, string, number];
export type GramShard = Record<string, GramPostings | TitlePostings | NameEntry[]>;
/** Page ids (delta-coded) and each page's offsets (delta-coded). */
export type PairPositions = [number[], number[][]];
/** Per bigram its positions; per `^gram` its title postings (as in g). */
export type PositionShard = Record<string, PairPositions | TitlePostings>;
/** Whole name → page ids it names, ascending (so in the kind order: documents before entity pages). */
export type NameShard = Record<string, number[]>;

export interface FragmentHead {
  /** Site path without the base: `documents/x/`. */
  url: string;
  title: string;
  kind: string;
  date?: string;
  document?: string;
}

/** [anchor id ('' when none), element tag, text, offset of its normal form in the page]. */
export type FragmentBlock = [string, string, string, number];

export interface Fragment extends FragmentHead {
  chunk: number;
  chunks: number;
  blocks: FragmentBlock[];
}

/** Filter key → value → page ids (delta-coded). */
export type FilterTable = Record<string, Record<string, number[]>>;

/** 32-bit FNV-1a over UTF-16 units: stable in every browser and in Node. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const K1 = 1.2;
const B = 0.75;

/**
 * Normal-form characters of a passage: about one paragraph. A page is scored by its densest
 * passage (the most occurrences of a word within PASSAGE characters), not by its whole length:
 * whole-page BM25 lets a 300-character entity summary outrank the 50,000-character plan it
 * summarises, because length normalisation rewards short pages. With a fixed-size passage (as in
 * passage-level retrieval) a document's best paragraph competes with a summary on equal terms.
 * Fixed windows rather than the page's own paragraphs: the core can compute them from the offsets
 * it already loads, for words of any length, and the index stays block-agnostic.
 */
export const PASSAGE = 400;

/** The most of `offsets` (ascending) that fit in one passage of PASSAGE characters. */
export function densestPassage(offsets: ArrayLike<number>, width = PASSAGE): number {
  let best = 0;
  let from = 0;
  for (let to = 0; to < offsets.length; to++) {
    while (offsets[to] - offsets[from] >= width) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

/** A word's impact on a page: BM25's term part over its densest passage (every passage has the same length). */
export const passageImpact = (offsets: ArrayLike<number>): number => impact(densestPassage(offsets), PASSAGE, PASSAGE);

/** BM25's term part (tf saturation and length normalisation), 0–220 as an integer. */
export function impact(tf: number, length: number, averageLength: number): number {
  const norm = 1 - B + (B * length) / Math.max(1, averageLength);
  return Math.round((100 * tf * (K1 + 1)) / (tf + K1 * norm));
}

export const shardOf = (gram: string, shards: number): number => fnv1a(gram) % shards;

/** fnv1a of the one- or two-unit string of these UTF-16 units, without making the string (the index builder's inner loop). */
export function fnv1aUnits(a: number, b?: number): number {
  let h = Math.imul(0x811c9dc5 ^ a, 0x01000193) >>> 0;
  if (b !== undefined) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

export const paths = {
  meta: 'meta.json',
  grams: (shard: number) => `g/${shard}.json`,
  positions: (shard: number) => `p/${shard}.json`,
  names: (shard: number) => `n/${shard}.json`,
  fragment: (page: number, chunk: number) => `f/${page}-${chunk}.json`,
  filters: 'filters.json',
};

export function encodeDeltas(sorted: readonly number[]): number[] {
  return sorted.map((v, i) => (i === 0 ? v : v - sorted[i - 1]));
}

export function decodeDeltas(deltas: readonly number[]): number[] {
  const out = new Array<number>(deltas.length);
  let v = 0;
  for (let i = 0; i < deltas.length; i++) out[i] = v += deltas[i];
  return out;
}
