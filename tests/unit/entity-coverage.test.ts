import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareName, findEntityCandidates } from '../../src/lib/site/entity-candidates.ts';
import { loadEntities } from '../../src/lib/source/load-entities.ts';
import { loadIgnoreList } from '../../src/lib/source/load-ignore-list.ts';

const CONTENT = join(import.meta.dirname, '../../content');

describe('entity coverage', () => {
  const { entities, problems } = loadEntities(CONTENT);
  const names = new Set(entities.flatMap((e) => [e.name, ...e.aliases]).map(bareName));
  const ignored = new Set(loadIgnoreList(CONTENT).map(bareName));

  it('loads every entity page without problems', () => expect(problems).toEqual([]));

  it('has a page, or a reasoned ignore entry, for every 《》 title in the sources', () => {
    const uncovered: string[] = [];
    for (const file of readdirSync(join(CONTENT, 'sources')).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(CONTENT, 'sources', file), 'utf8');
      for (const m of text.matchAll(/《([^《》\n]+)》/g)) {
        const title = bareName(m[1]);
        if (!names.has(title) && !ignored.has(title)) uncovered.push(`${file}: 《${m[1]}》`);
      }
    }
    expect(uncovered).toEqual([]);
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
});
