import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchCore, type ResultCard } from '../../src/lib/search/search-core.ts';
import { site } from '../../src/config/site.config.ts';
import { DIST } from '../support/site.ts';

/**
 * Ranking on the built site's index, through the one search core: primary documents ahead of the
 * entity pages that quote or summarise them (issue cases: 十四五, 网格, 营商环境, a 文号), and a
 * page the query names still first. Targets are found from the built pages' heads, not listed.
 */
const core = new SearchCore(
  async (path) => JSON.parse(readFileSync(join(DIST, 'search-index', path), 'utf8')),
  (p) => p,
);
const documentKind = site.documentsLabel;

async function ranked(q: string): Promise<ResultCard[]> {
  const outcome = await core.search({ q, filters: {} });
  if (outcome.type !== 'results') throw new Error(`${q}: ${outcome.type}`);
  return outcome.cards(0, outcome.exactCount);
}
const position = (cards: ResultCard[], test: (c: ResultCard) => boolean) => cards.findIndex(test) + 1;
const isPlan = (c: ResultCard) => c.kind === documentKind && /第十四个五年规划/.test(c.title);

describe('search ranking on the built site: documents first', () => {
  it('十四五 → the Five-Year Plan within the top 3', async () => {
    const cards = await ranked('十四五');
    const at = position(cards, isPlan);
    expect(
      at,
      cards
        .slice(0, 5)
        .map((c) => c.title)
        .join(' | '),
    ).toBeGreaterThan(0);
    expect(at).toBeLessThanOrEqual(3);
  });

  it('营商环境 → the Plan (which has a section on it) within the top 3', async () => {
    const at = position(await ranked('营商环境'), isPlan);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThanOrEqual(3);
  });

  it('网格 and other topics: a document within the top 3, every matching document before the first entity page', async () => {
    for (const q of ['网格', '党建引领', '营商环境', '社区治理', '楼宇']) {
      const cards = await ranked(q);
      const kinds = cards.map((c) => c.kind);
      expect(
        position(cards, (c) => c.kind === documentKind),
        q,
      ).toBeGreaterThan(0);
      expect(
        position(cards, (c) => c.kind === documentKind),
        q,
      ).toBeLessThanOrEqual(3);
      const firstEntity = kinds.findIndex((k, i) => i > 0 && k !== documentKind);
      const lastDocument = kinds.lastIndexOf(documentKind);
      if (firstEntity > 0) expect(lastDocument, q).toBeLessThan(firstEntity);
    }
  });

  it('a 文号 → its document first, in any bracket form', async () => {
    const cards = await ranked('普长府〔2022〕1号');
    expect(cards[0].kind).toBe(documentKind);
    expect(cards[0].document).toMatch(/^普长府〔2022〕1号/);
    expect(cards[0].title).toMatch(/通知$/);
    expect((await ranked('普长府[2022]1号'))[0].url).toBe(cards[0].url);
  });

  it('the page a query names stays first: an entity by name, a document by its short label', async () => {
    const louzhang = await ranked('楼长制');
    expect(louzhang[0].title).toBe('楼长制');
    expect(louzhang[1].kind).toBe(documentKind);
    expect(isPlan((await ranked('十四五规划'))[0])).toBe(true);
  });

  it("counts results per kind, in the site configuration's order, and the counts add up", async () => {
    const outcome = await core.search({ q: '网格', filters: {} });
    if (outcome.type !== 'results') throw new Error(outcome.type);
    expect(outcome.kinds.map(([k]) => k)).toEqual([documentKind, ...site.kinds.map((k) => k.badge)]);
    expect(outcome.kinds.reduce((n, [, c]) => n + c, 0)).toBe(outcome.matches);
  });
});
