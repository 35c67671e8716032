/**
 * The search benchmark's queries and measurement (run by `npm run bench:search`,
 * scripts/bench-search.ts, and in part by tests/browser/search-quality.test.ts): search quality and
 * speed in headless Chromium on the real /search/ page of a built site.
 *
 * For every query it types the query into the search box and reads the rendered result list
 * (`#search-results > li`, first link of each). The expected pages are computed independently from
 * the built HTML with the site's one extractor of indexed text (src/lib/search/indexed-text.ts):
 * every page whose text contains each word of the query within a block, compared in the search's
 * normal form (src/lib/search/normalize.ts). It reports
 *
 *   recall         pages containing the query found in the top 10, out of min(10, such pages)
 *   precision      share of the top 10 results that contain the query
 *   entity-first   share of entity-name/alias queries whose first result is that entity's page
 *   time           from the input event to rendered results, warm (second pass), median and p95
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { indexedPages } from '../../src/lib/postbuild/search-index.ts';
import { fold, type T2sMap } from '../../src/lib/search/normalize.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import type { SearchIndexData } from '../../src/lib/search/entities.ts';
import { typeQuery } from '../browser/type-query.ts';

export type QueryType = 'entity' | 'alias' | 'phrase' | 'number' | 'traditional' | 'full-width' | 'multi-word';

export interface BenchQuery {
  q: string;
  type: QueryType;
}

/**
 * Written from the sources: entity names and aliases as the entity pages give them, phrases and
 * numbers copied from the documents, the same typed in traditional characters or full-width forms,
 * and several words at once. Which pages should be found is never written here; it is computed.
 */
export const QUERIES: BenchQuery[] = [
  // Entity names (the expected first result is looked up in /search-index/entities.json).
  { q: '楼长制', type: 'entity' },
  { q: '建德模式', type: 'entity' },
  { q: '宝能西上海中心', type: 'entity' },
  { q: '枢纽党建', type: 'entity' },
  { q: '多格合一', type: 'entity' },
  { q: '蒲公英计划', type: 'entity' },
  { q: '三送一关怀', type: 'entity' },
  { q: '天地软件园', type: 'entity' },
  { q: '河长制', type: 'entity' },
  { q: '411倍增计划', type: 'entity' },
  { q: '长征助业直通车', type: 'entity' },
  { q: '枫桥经验', type: 'entity' },
  { q: '靠谱贷', type: 'entity' },
  { q: '产权制度改革', type: 'entity' },
  // Aliases.
  { q: '数字经济产业扶持政策', type: 'alias' },
  { q: '长征文化767', type: 'alias' },
  { q: '镇级产权制度改革', type: 'alias' },
  { q: '长征助业直通车加速计划', type: 'alias' },
  { q: '人靠谱（普）、事办妥（陀）', type: 'alias' },
  // Exact phrases.
  { q: '深化走访联系企业机制', type: 'phrase' },
  { q: '抓大不放小', type: 'phrase' },
  { q: '城市精细化管理', type: 'phrase' },
  { q: '安商稳商', type: 'phrase' },
  { q: '早期商品房', type: 'phrase' },
  { q: '行走的对接会', type: 'phrase' },
  { q: '党建引领', type: 'phrase' },
  { q: '社区治理', type: 'phrase' },
  { q: '网格化', type: 'phrase' },
  { q: '虹桥国际中央商务区', type: 'phrase' },
  { q: '15分钟生活服务圈', type: 'phrase' },
  { q: '招大商', type: 'phrase' },
  { q: '网格', type: 'phrase' },
  // Numbers.
  { q: '56亿元', type: 'number' },
  { q: '12345', type: 'number' },
  { q: '区级税收增长15%', type: 'number' },
  { q: '100%', type: 'number' },
  { q: '普长府〔2022〕1号', type: 'number' },
  { q: 'G42', type: 'number' },
  // Traditional characters.
  { q: '社區治理', type: 'traditional' },
  { q: '樓長制', type: 'traditional' },
  { q: '黨建引領', type: 'traditional' },
  { q: '寶能西上海中心', type: 'traditional' },
  { q: '網格化', type: 'traditional' },
  // Full-width letters and digits.
  { q: 'Ｇ２', type: 'full-width' },
  { q: '１２３４５', type: 'full-width' },
  { q: '５６億元', type: 'full-width' },
  { q: 'ＡＩ＋', type: 'full-width' },
  // Several words.
  { q: '楼长制 三送一关怀', type: 'multi-word' },
  { q: '建德模式 网格', type: 'multi-word' },
  { q: '枢纽党建 虹桥', type: 'multi-word' },
  { q: '数字经济 扶持', type: 'multi-word' },
  { q: '党建 引领 治理', type: 'multi-word' },
];

/** The small set the quality test runs: every kind of query at least once. */
export const QUALITY_SUBSET = [
  // A phrase inside longer words (网格 in 完善网格治理体系): word-based indexes miss it.
  '网格',
  '楼长制',
  '宝能西上海中心',
  '数字经济产业扶持政策',
  '深化走访联系企业机制',
  '56亿元',
  '12345',
  '社區治理',
  '寶能西上海中心',
  'Ｇ２',
  '楼长制 三送一关怀',
  '党建 引领 治理',
];

export const TARGETS = { recall: 1, precision: 0.95, entityFirst: 0.95, p95Ms: 100 };

// ---------------------------------------------------------------------------------------------
// Expected pages, from the built HTML
// ---------------------------------------------------------------------------------------------

export interface CorpusPage {
  /** Site path, e.g. `/policies/louzhangzhi/`. */
  url: string;
  title: string;
  /** The indexed text's blocks in the search's normal form. */
  blocks: string[];
}

/** Every indexed page of the built site with its text in normal form. */
export function loadCorpus(dist: string, t2s: T2sMap): CorpusPage[] {
  return indexedPages(dist).map((p) => ({ url: '/' + p.url, title: p.title, blocks: p.blocks.map((b) => fold(b.text, t2s)) }));
}

/** Pages whose text contains every word of the query. */
export function pagesContaining(corpus: CorpusPage[], query: string, t2s: T2sMap): CorpusPage[] {
  const { words } = parseQuery(query, t2s);
  return corpus.filter((p) => words.length > 0 && words.every((w) => p.blocks.some((b) => b.includes(w))));
}

// ---------------------------------------------------------------------------------------------
// Running the queries in the browser
// ---------------------------------------------------------------------------------------------

export interface QueryOutcome {
  q: string;
  type: QueryType;
  /** Pages whose text contains the query. */
  relevant: number;
  /** How many pages the search page says contain it (all of them are listed, 20 at a time). */
  matches: number;
  /** Result paths in order (site paths, no base, no #anchor). */
  results: string[];
  recall: number;
  /** Results among the top 10 that contain the query, and how many results the top 10 had. */
  exactInTop: number;
  top: number;
  /** For entity and alias queries: the entity page the query names, and whether it came first. */
  entityUrl?: string;
  entityFirst?: boolean;
  /** Milliseconds from the input event to rendered, complete results (last pass, warm). */
  ms: number;
  /** The same in the first pass (Pagefind and the pages' text still loading). */
  coldMs: number;
}

export interface BenchSummary {
  queries: number;
  /** Share of queries for which the page found exactly the pages containing the query. */
  complete: number;
  recall: number;
  precision: number;
  entityFirst: number;
  medianMs: number;
  p95Ms: number;
  coldMedianMs: number;
  coldP95Ms: number;
}

function sitePath(href: string, base: string): string {
  const path = decodeURI(new URL(href, 'http://x').pathname);
  return path.startsWith(base) ? '/' + path.slice(base.length) : path;
}

export interface BenchOptions {
  dist: string;
  /** A served copy of `dist`. */
  siteUrl: string;
  page: Page;
  queries: BenchQuery[];
  /** Passes over the query set; timings come from the last (warm) one. */
  passes?: number;
}

export async function runBenchmark(options: BenchOptions): Promise<{ outcomes: QueryOutcome[]; summary: BenchSummary }> {
  const { dist, page, queries } = options;
  const t2s = JSON.parse(readFileSync(join(dist, 'search-index/t2s.json'), 'utf8')) as T2sMap;
  const { entities } = JSON.parse(readFileSync(join(dist, 'search-index/entities.json'), 'utf8')) as SearchIndexData;
  const corpus = loadCorpus(dist, t2s);
  await page.goto(options.siteUrl + 'search/');
  await page.waitForSelector('#search-input');

  let outcomes: QueryOutcome[] = [];
  const cold = new Map<string, number>();
  for (let pass = 0; pass < (options.passes ?? 2); pass++) {
    outcomes = [];
    for (const { q, type } of queries) {
      await page.waitForTimeout(150); // a reader's pause: the next keystroke is not coalesced with this one
      const typed = await typeQuery(page, q, { until: 'complete' });
      if (typed.ms === undefined) throw new Error(`Benchmark query "${q}": the search page announced no complete results within 20 s`);
      const { ms, hrefs, base } = typed;
      const matches = typed.matches ?? -1;
      const results = hrefs.map((h) => sitePath(h, base));
      const relevant = new Set(pagesContaining(corpus, q, t2s).map((p) => p.url));
      const top = results.slice(0, 10);
      const exactInTop = top.filter((u) => relevant.has(u)).length;
      const outcome: QueryOutcome = {
        q,
        type,
        relevant: relevant.size,
        matches,
        results,
        recall: relevant.size === 0 ? 1 : exactInTop / Math.min(10, relevant.size),
        exactInTop,
        top: top.length,
        ms,
        coldMs: ms,
      };
      // Any query that names an entity (also typed in traditional characters) should put it first.
      const { key } = parseQuery(q, t2s);
      const named = entities.find((e) => fold(e.name, t2s) === key) ?? entities.find((e) => e.aliases.some((a) => fold(a, t2s) === key));
      if (!named && (type === 'entity' || type === 'alias'))
        throw new Error(`Benchmark query "${q}" is typed ${type} but names no entity in entities.json`);
      if (named) {
        outcome.entityUrl = sitePath(named.url, base);
        outcome.entityFirst = results[0] === outcome.entityUrl;
      }
      outcome.coldMs = cold.get(q) ?? ms;
      if (pass === 0) cold.set(q, ms);
      outcomes.push(outcome);
    }
  }
  return { outcomes, summary: summarize(outcomes) };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarize(outcomes: QueryOutcome[]): BenchSummary {
  const named = outcomes.filter((o) => o.entityFirst !== undefined);
  const top = outcomes.reduce((n, o) => n + o.top, 0);
  return {
    queries: outcomes.length,
    complete: outcomes.filter((o) => o.matches === o.relevant).length / Math.max(1, outcomes.length),
    recall: outcomes.reduce((n, o) => n + o.recall, 0) / Math.max(1, outcomes.length),
    precision: top === 0 ? 0 : outcomes.reduce((n, o) => n + o.exactInTop, 0) / top,
    entityFirst: named.length === 0 ? 1 : named.filter((o) => o.entityFirst).length / named.length,
    medianMs: percentile(
      outcomes.map((o) => o.ms),
      50,
    ),
    p95Ms: percentile(
      outcomes.map((o) => o.ms),
      95,
    ),
    coldMedianMs: percentile(
      outcomes.map((o) => o.coldMs),
      50,
    ),
    coldP95Ms: percentile(
      outcomes.map((o) => o.coldMs),
      95,
    ),
  };
}
