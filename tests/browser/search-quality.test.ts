import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_SUBSET, QUERIES, TARGETS, runBenchmark, type QueryOutcome } from '../../tools/bench/search-bench.ts';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site.ts';
import { serveStatic } from '../../tools/static-server.ts';

/**
 * The search benchmark (npm run bench:search) on a subset of its queries, through the same code:
 * fails when recall, precision or entity-first fall below the targets. Timing is not checked here.
 */
let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;
let page: Page;
let outcomes: QueryOutcome[];
let summary: Awaited<ReturnType<typeof runBenchmark>>['summary'];

beforeAll(async () => {
  site = await serveStatic(DIST);
  browser = await launchChromium();
  page = await browser.newPage();
  // In the subset's order: its first query (网格, inside longer words) runs on a fresh page.
  const queries = QUALITY_SUBSET.map((q) => QUERIES.find((x) => x.q === q)!);
  ({ outcomes, summary } = await runBenchmark({ dist: DIST, siteUrl: site.url, page, queries, passes: 1 }));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('search quality (benchmark subset)', () => {
  it('runs every kind of query, each found somewhere on the site', () => {
    expect(outcomes.map((o) => o.q).sort()).toEqual([...QUALITY_SUBSET].sort());
    expect(new Set(outcomes.map((o) => o.type)).size).toBeGreaterThanOrEqual(6);
    for (const o of outcomes) expect(o.relevant, o.q).toBeGreaterThan(0);
  });

  it('counts every page that contains the query, exactly', () => {
    const incomplete = outcomes.filter((o) => o.matches !== o.relevant).map((o) => `${o.q}: ${o.matches} of ${o.relevant}`);
    expect(incomplete).toEqual([]);
  });

  it(`finds every page containing the query in the top 10 (recall ${TARGETS.recall * 100}%)`, () => {
    const missed = outcomes.filter((o) => o.recall < TARGETS.recall).map((o) => `${o.q}: ${(o.recall * 100).toFixed(0)}%`);
    expect(missed).toEqual([]);
    expect(summary.recall).toBeGreaterThanOrEqual(TARGETS.recall);
  });

  it(`lists pages containing the query exactly (precision ≥ ${TARGETS.precision * 100}%)`, () => {
    expect(summary.precision).toBeGreaterThanOrEqual(TARGETS.precision);
  });

  it(`puts the entity a query names first (≥ ${TARGETS.entityFirst * 100}%)`, () => {
    const named = outcomes.filter((o) => o.entityFirst !== undefined);
    expect(named.length).toBeGreaterThanOrEqual(3);
    expect(summary.entityFirst).toBeGreaterThanOrEqual(TARGETS.entityFirst);
  });
});
