import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/search/normalize.ts';
import { containsAll, parseQuery } from '../../src/lib/search/query.ts';
import { buildT2sMap } from '../../src/lib/search/t2s-map.ts';

const plan2022 = readFileSync(join(import.meta.dirname, '../../content/sources/changzheng-2022-plan.txt'), 'utf8');
const t2s = buildT2sMap(plan2022);

describe('parseQuery', () => {
  it('keeps a phrase typed without spaces as one word', () => {
    expect(parseQuery('深化走访联系企业机制').words).toEqual(['深化走访联系企业机制']);
  });

  it('splits at ASCII and ideographic spaces', () => {
    expect(parseQuery('楼长制 三送一关怀').words).toEqual(['楼长制', '三送一关怀']);
    expect(parseQuery('楼长制　三送一关怀').words).toEqual(['楼长制', '三送一关怀']);
    expect(parseQuery('  党建   引领 治理 ').words).toEqual(['党建', '引领', '治理']);
  });

  it('drops repeated words and words inside longer ones', () => {
    expect(parseQuery('党建 党建引领 党建').words).toEqual(['党建引领']);
  });

  it('normalizes each word', () => {
    expect(parseQuery('樓長制 Ｇ２', t2s).words).toEqual(['楼长制', 'g2']);
  });

  it('gives the whole query without spaces as the key for entity names', () => {
    expect(parseQuery('靠长征 谱未来').key).toBe(fold('靠长征 谱未来'));
    expect(parseQuery('   ').words).toEqual([]);
  });
});

describe('containsAll', () => {
  const paragraph = fold(plan2022.split('\n').find((l) => l.includes('12345'))!);

  it('needs every word, in any order', () => {
    expect(containsAll(paragraph, parseQuery('12345').words)).toBe(true);
    expect(containsAll(paragraph, parseQuery('市民服务热线 12345').words)).toBe(true);
    expect(containsAll(paragraph, parseQuery('12345 56亿元').words)).toBe(false);
  });

  it('matches the sources as readers type them', () => {
    expect(containsAll(paragraph, parseQuery('１２３４５').words)).toBe(true);
    expect(containsAll(paragraph, parseQuery('大數據+網格化+鐵腳板', t2s).words)).toBe(true);
    expect(containsAll(paragraph, parseQuery('').words)).toBe(false);
  });
});
