import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterOverlap, entityNamedBy, prepareEntities, suggestEntities } from '../../src/lib/search/entities.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { buildT2sMap } from '../../src/lib/search/t2s-map.ts';
import { loadEntities } from '../../src/lib/source/load-entities.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const { entities: sources } = loadEntities(CONTENT);
const corpus = ['sources', 'policies', 'projects', 'governance'].flatMap((d) => readdirSync(join(CONTENT, d)).map((f) => readFileSync(join(CONTENT, d, f), 'utf8'))).join('');
const t2s = buildT2sMap(corpus);
/** The same list /search-index/entities.json is built from. */
const entities = prepareEntities(
  sources.map((e) => ({ name: e.name, aliases: e.aliases, url: `/${e.id}/`, kind: e.kind })),
  t2s,
);
const named = (q: string) => entityNamedBy(entities, parseQuery(q, t2s))?.url;

describe('entityNamedBy', () => {
  it('finds the entity a query names', () => {
    expect(named('楼长制')).toBe('/policies/louzhangzhi/');
    expect(named('建德模式')).toBe('/governance/jiande-moshi/');
    expect(named('宝能西上海中心')).toBe('/projects/baoneng-xi-shanghai-zhongxin/');
  });

  it('by an alias', () => {
    expect(named('长征文化767')).toBe('/policies/changzheng-wenhua-767-gongcheng/');
    expect(named('数字经济产业扶持政策')).toBe('/policies/changzheng-shuzi-jingji-chanye-fuchi-banfa/');
  });

  it('typed in traditional characters, full width, without quotation marks or with spaces', () => {
    expect(named('寶能西上海中心')).toBe('/projects/baoneng-xi-shanghai-zhongxin/');
    expect(named('樓長制')).toBe('/policies/louzhangzhi/');
    expect(named('3+5+X产业政策体系')).toBe('/policies/3-5-x-chanye-zhengce-tixi/');
    expect(named('３＋５＋Ｘ产业政策体系')).toBe('/policies/3-5-x-chanye-zhengce-tixi/');
    expect(named('靠长征 谱未来')).toBe('/governance/kao-changzheng-pu-weilai/');
  });

  it('only for the whole name, not a part of it', () => {
    expect(named('楼长')).toBeUndefined();
    expect(named('建德模式 网格')).toBeUndefined();
  });

  it('prefers an entity whose name it is over one whose alias it is', () => {
    const list = prepareEntities(
      [
        { name: '甲计划', aliases: ['乙计划'], url: '/a/', kind: '政策' },
        { name: '乙计划', aliases: [], url: '/b/', kind: '政策' },
      ],
      t2s,
    );
    expect(entityNamedBy(list, parseQuery('乙计划'))?.url).toBe('/b/');
  });
});

describe('suggestEntities: names that look like a query nothing matches', () => {
  const first = (q: string) => suggestEntities(entities, parseQuery(q, t2s))[0]?.entity.name;

  it('finds the name behind a typo', () => {
    expect(first('楼长治')).toBe('楼长制');
    expect(first('建德模试')).toBe('建德模式');
    expect(first('宝能西上海中新')).toBe('宝能西上海中心');
  });

  it('shows the alias that matched', () => {
    const [s] = suggestEntities(entities, parseQuery('长征文化７６８', t2s));
    expect(s.entity.name).toBe('“长征文化767”工程');
    expect(s.label).toBe('长征文化767');
  });

  it('suggests nothing for a query unlike any name', () => {
    expect(suggestEntities(entities, parseQuery('量子计算机', t2s))).toEqual([]);
  });

  it('scores by character overlap', () => {
    expect(characterOverlap('楼长治', '楼长制')).toBeCloseTo(2 / 3);
    expect(characterOverlap('楼长制', '楼长制')).toBe(1);
    expect(characterOverlap('', '')).toBe(0);
  });
});
