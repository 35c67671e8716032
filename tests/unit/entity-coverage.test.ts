import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntityCandidates, uncoveredTitles } from '../../src/lib/authoring/candidates/entity-candidates.ts';
import { CURATED_SOURCES, curatedEntityCoverage } from '../support/curated-coverage.ts';

const CONTENT = join(import.meta.dirname, '../../content');

// The five curated sources (tests/support/curated-coverage.ts); documents added later are
// reported by npm run check:content instead.
describe(`entity coverage of the ${CURATED_SOURCES.size} curated sources`, () => {
  const { entities, problems, uncovered } = curatedEntityCoverage(CONTENT);

  it('loads every entity page without problems', () => expect(problems).toEqual([]));

  it('has a page, or a reasoned ignore entry, for every 《》 title in the curated sources', () => {
    expect(uncovered.map((u) => `${u.document}: ${u.title}`)).toEqual([]);
  });

  it('covers the issue’s minimum on every kind', () => {
    const count = (k: string) => entities.filter((e) => e.kind === k).length;
    expect(count('policies')).toBeGreaterThanOrEqual(20);
    expect(count('projects')).toBeGreaterThanOrEqual(25);
    expect(count('governance')).toBeGreaterThanOrEqual(25);
  });
});

describe('candidate finder', () => {
  const texts = [
    { document: 'a', text: '依托“种子计划”、泾阳路口袋公园等项目继续推进“邻伙伴”计划，打造“邻声细语话楼组”项目。' },
    { document: 'b', text: '认真贯彻落实《预算管理一体化规范》，继续推进“邻伙伴”计划。' },
  ];
  it('finds quoted and titled terms, counts recurrences, skips covered and ignored names', () => {
    const found = findEntityCandidates(texts, ['种子计划'], ['预算管理一体化规范']);
    expect(found.map((c) => [c.term, c.count])).toEqual([
      ['“邻伙伴”计划', 2],
      ['“邻声细语话楼组”项目', 1],
    ]);
    expect(found[0].documents).toEqual(['a', 'b']);
  });

  it('lists every 《》 title not covered as a whole, in text order', () => {
    expect(uncoveredTitles(texts, ['种子计划'], ['预算管理一体化规范'])).toEqual([]);
    expect(uncoveredTitles(texts, [], ['预算 管理一体化规范'])).toEqual([]);
    expect(uncoveredTitles(texts, ['预算管理'], [])).toEqual([{ document: 'b', title: '《预算管理一体化规范》' }]);
  });
});
