import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/search/normalize.ts';
import { containsAll, parseQuery } from '../../src/lib/search/query.ts';
import { rankExact, relevance, type RankablePage } from '../../src/lib/search/rank.ts';
import { loadEntities } from '../../src/lib/source/load-entities.ts';

/** Real pages: the five documents (title + text) and every entity page (name + summary + body). */
const CONTENT = join(import.meta.dirname, '../../content');
const documents: RankablePage[] = readdirSync(join(CONTENT, 'sources'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => {
    const slug = f.slice(0, -4);
    const meta = parse(readFileSync(join(CONTENT, 'sources', `${slug}.meta.yaml`), 'utf8')) as { title: string };
    return { url: `/documents/${slug}/`, titleKey: fold(meta.title), key: fold(meta.title + readFileSync(join(CONTENT, 'sources', f), 'utf8')) };
  });
const entityPages: RankablePage[] = loadEntities(CONTENT).entities.map((e) => ({
  url: `/${e.id}/`,
  titleKey: fold(e.name),
  key: fold(e.name + e.frontmatter.summary + e.body),
}));
const pages = [...documents, ...entityPages];
const averageLength = pages.reduce((n, p) => n + p.key.length, 0) / pages.length;
const context = (entityUrl?: string) => ({
  totalPages: pages.length,
  averageLength,
  docFreq: (w: string) => pages.filter((p) => p.key.includes(w)).length,
  entityUrl,
});
const rank = (q: string, entityUrl?: string) => {
  const query = parseQuery(q);
  return rankExact(pages.filter((p) => containsAll(p.key, query.words)), query, context(entityUrl)).map((p) => p.url);
};

describe('rankExact', () => {
  it('puts the entity the query names first', () => {
    expect(rank('楼长制', '/policies/louzhangzhi/')[0]).toBe('/policies/louzhangzhi/');
    // Even where other pages say it more often.
    expect(rank('党建引领', '/governance/dangjian-yinling-wangge-zhili/')[0]).toBe('/governance/dangjian-yinling-wangge-zhili/');
  });

  it('then pages whose title contains the query, the closest title first', () => {
    const urls = rank('网格化');
    const titled = pages.filter((p) => p.titleKey.includes('网格化')).map((p) => p.url);
    expect(titled.length).toBeGreaterThan(0);
    expect(urls.slice(0, titled.length).sort()).toEqual([...titled].sort());
    const lengths = urls.slice(0, titled.length).map((u) => pages.find((p) => p.url === u)!.titleKey.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('then by relevance: a page about the phrase before a long document mentioning it once', () => {
    const urls = rank('三送一关怀');
    expect(urls[0]).toBe('/policies/san-song-yi-guanhuai/'); // title
    const plan = urls.indexOf('/documents/changzheng-14th-five-year-plan/');
    const service = urls.indexOf('/projects/louyu-zonghe-fuwuzhan/');
    expect(service).toBeGreaterThanOrEqual(0);
    expect(plan).toBeGreaterThan(service);
  });

  it('scores more occurrences and rarer words higher', () => {
    const query = parseQuery('楼长制');
    const ctx = context();
    const short = { url: '/a/', titleKey: '', key: fold('楼长制是长征镇联系服务楼宇企业的工作制度，做优楼长制服务方式。') };
    const once = { url: '/b/', titleKey: '', key: fold('楼长制是长征镇联系服务楼宇企业的工作制度，做好招商引资和服务经济工作。') };
    expect(relevance(short, query, ctx)).toBeGreaterThan(relevance(once, query, ctx));
    const common = { url: '/c/', titleKey: '', key: fold('长征镇长征镇') };
    expect(relevance(common, parseQuery('长征镇'), ctx)).toBeLessThan(relevance(short, query, ctx));
  });

  it('ranks every page containing a multi-word query, and only those', () => {
    const query = parseQuery('楼长制 三送一关怀');
    const matching = pages.filter((p) => containsAll(p.key, query.words));
    expect(matching.length).toBeGreaterThan(2);
    expect(rankExact(matching, query, context()).length).toBe(matching.length);
  });
});
