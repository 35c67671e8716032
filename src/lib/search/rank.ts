import { countOccurrences } from './excerpt.ts';
import type { ParsedQuery } from './query.ts';

/** A page that contains every word of the query, as the ranking sees it. */
export interface RankablePage {
  url: string;
  /** Title in normal form. */
  titleKey: string;
  /** Whole indexed text in normal form. */
  key: string;
}

export interface RankContext {
  /** Number of pages searched, and how many of them contain a word: for the words' weights. */
  totalPages: number;
  docFreq: (word: string) => number;
  averageLength: number;
  /** The entity page the query names (name or alias), which goes first. */
  entityUrl?: string;
}

const K1 = 1.2;
const B = 0.75;

/** BM25 over exact occurrences: many occurrences in a short page beat one in a long document. */
export function relevance(page: RankablePage, query: ParsedQuery, ctx: RankContext): number {
  let score = 0;
  for (const w of query.words) {
    const tf = countOccurrences(page.key, w);
    if (tf === 0) continue;
    const n = Math.max(1, ctx.docFreq(w));
    const idf = Math.log(1 + (ctx.totalPages - n + 0.5) / (n + 0.5));
    const norm = 1 - B + (B * page.key.length) / Math.max(1, ctx.averageLength);
    score += (idf * tf * (K1 + 1)) / (tf + K1 * norm);
  }
  return score;
}

/**
 * Orders pages that contain the query exactly:
 *   1. the entity the query names;
 *   2. pages whose title contains every word, closest title first (shortest);
 *   3. the rest by relevance (BM25 over the exact occurrences).
 * Ties keep the given order (Pagefind's), which is stable across runs.
 */
export function rankExact<T extends RankablePage>(pages: readonly T[], query: ParsedQuery, ctx: RankContext): T[] {
  const scored = pages.map((page, order) => {
    const tier = page.url === ctx.entityUrl ? 0 : query.words.every((w) => page.titleKey.includes(w)) ? 1 : 2;
    return { page, order, tier, titleLength: page.titleKey.length, score: relevance(page, query, ctx) };
  });
  scored.sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.tier === 1 ? a.titleLength - b.titleLength : 0) ||
      b.score - a.score ||
      a.order - b.order,
  );
  return scored.map((s) => s.page);
}
