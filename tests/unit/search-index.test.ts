import { describe, expect, it } from 'vitest';
import { SearchIndexBuilder, buildSearchIndex, documentNames, type IndexInput } from '../../src/lib/search/exact-index.ts';
import {
  BLOCK_SEPARATOR,
  CHUNK,
  decodeDeltas,
  fnv1a,
  fnv1aUnits,
  paths,
  shardOf,
  type Fragment,
  type IndexMeta,
  type PairPositions,
  type PositionShard,
} from '../../src/lib/search/index-format.ts';
import { fold } from '../../src/lib/search/normalize.ts';
import { extractIndexedPage, type IndexedPage } from '../../src/lib/search/indexed-text.ts';
import { SearchCore, type ResultCard } from '../../src/lib/search/search-core.ts';

/**
 * The exact-match index and the search core on excerpts of the sources, in memory: what a query
 * finds, how it is ranked, and which files it needs.
 */
const page = (url: string, title: string, kind: string, texts: string[], extra: Partial<IndexedPage> = {}): IndexedPage => ({
  url,
  title,
  kind,
  filters: { 类型: [kind] },
  blocks: [{ anchor: '', element: 'h1', text: title }, ...texts.map((text, i) => ({ anchor: `p-${i}`, element: 'p', text }))],
  citations: [],
  ...extra,
});

const PAGES: IndexedPage[] = [
  page('documents/changzheng-party-building-2023/', '党建引领基层治理', '文件', [
    '聚焦基层治理“六大工程”和“靠谱力”提升，长征镇根据实际不断完善网格治理体系，未来将实现社区治理资源的进一步整合优化。',
  ]),
  page('documents/changzheng-14th-five-year-plan/', '普陀区长征镇国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', '文件', [
    '坚持共建共治共享，深化社会治理创新，动员群众广泛参与社区治理、城市管理等多方面工作，不断提升镇域社会治理现代化水平。',
    '积极发挥“楼长制”+楼宇综合服务站创新服务的作用，继续做好“三送一关怀”活动，不断提升企业服务能级。',
  ]),
  page('documents/changzheng-2022-plan/', '长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知', '文件', [
    '继续实施领导走访机制、“楼长制”和“三送一关怀”活动，做好现有各类惠企政策宣传解释和落地兑现。',
  ]),
  page('documents/xinhong-hub-party-building/', '上海市闵行区新虹街道创新实践“枢纽党建” 推动虹桥国际中央商务区高质量发展', '文件', [
    '把党的政治优势、组织优势、创新优势转化成党在虹桥国际中央商务区的引领力、组织力、凝聚力。',
  ]),
  page('policies/louzhangzhi/', '楼长制', '政策', ['由镇领导担任楼长，联系楼宇内企业，做好“三送一关怀”。']),
  page('governance/weiwangge/', '微网格', '治理模式', ['把网格划细划小，微网格长由楼组长担任。']),
];

function makeCore(input: Partial<IndexInput> = {}) {
  const files = new Map<string, string>();
  const built = buildSearchIndex(
    {
      pages: PAGES,
      names: [
        { label: '楼长制', name: '楼长制', url: 'policies/louzhangzhi/' },
        { label: '十四五规划', name: PAGES[1].title, url: 'documents/changzheng-14th-five-year-plan/' },
        { label: '2022年计划', name: PAGES[2].title, url: 'documents/changzheng-2022-plan/' },
      ],
      t2s: { 區: '区', 樓: '楼', 長: '长' },
      synonyms: [{ abbreviation: 'CBD', means: ['中央商务区'] }],
      kindOrder: ['文件', '政策', '项目', '治理模式'],
      charsPerShard: 40,
      ...input,
    },
    (path, text) => files.set(path, text),
  );
  const loaded: string[] = [];
  const core = new SearchCore(
    async (path) => {
      loaded.push(path);
      const text = files.get(path);
      if (text === undefined) throw new Error(`no ${path}`);
      return JSON.parse(text);
    },
    (p) => '/' + p,
  );
  return { core, built, loaded };
}

async function find(q: string, core = makeCore().core) {
  const outcome = await core.search({ q, filters: {} });
  if (outcome.type !== 'results') throw new Error(outcome.type);
  const cards: ResultCard[] = await outcome.cards(0, 100);
  return { outcome, cards, urls: cards.map((c) => c.url) };
}

describe('exact-match index', () => {
  it('finds a phrase inside a longer word (网格 in 完善网格治理体系) and one-character queries', async () => {
    expect((await find('网格')).urls.sort()).toEqual(['/documents/changzheng-party-building-2023/', '/governance/weiwangge/']);
    const one = await find('楼');
    expect(one.outcome.matches).toBe(4);
    expect(one.cards.every((c) => c.excerpt.segments.some((s) => s.mark && s.text === '楼'))).toBe(true);
  });

  it('matches phrases of any length exactly: all pairs present is not enough', async () => {
    expect((await find('深化社会治理创新')).urls).toEqual(['/documents/changzheng-14th-five-year-plan/']);
    // 治理 and 社区 both occur on the 2023 page, and 区治 (in 社区治理), but never 治理社区.
    expect((await find('治理社区')).outcome.matches).toBe(0);
    expect((await find('社区治理')).outcome.matches).toBe(2);
    // Odd length: the last pair overlaps (楼长|长制).
    expect((await find('楼长制')).outcome.matches).toBe(3);
  });

  it('reads traditional characters and full-width forms as the page text', async () => {
    expect((await find('社區治理')).urls.sort()).toEqual((await find('社区治理')).urls.sort());
    expect((await find('樓長制')).outcome.matches).toBe(3);
    expect((await find('２０２２年')).outcome.matches).toBe(1);
  });

  it('counts exactly, and needs every word of a multi-word query', async () => {
    const both = await find('楼长制 三送一关怀');
    expect(both.outcome.matches).toBe(3);
    expect((await find('楼长制 微网格')).outcome.matches).toBe(0);
  });

  it('applies the reviewed synonyms: CBD finds 中央商务区 and marks it', async () => {
    const { urls, cards } = await find('CBD');
    expect(urls).toEqual(['/documents/xinhong-hub-party-building/']);
    expect(cards[0].excerpt.segments.filter((s) => s.mark).map((s) => s.text)).toContain('中央商务区');
    expect((await find('国际CBD')).outcome.matches).toBe(1);
  });

  it('puts the page a query names first: an entity, or a document by its short name', async () => {
    expect((await find('楼长制')).urls[0]).toBe('/policies/louzhangzhi/');
    // The plan's title does not contain 十四五规划, and its text does not either: it still comes first.
    const plan = await find('十四五规划');
    expect(plan.urls[0]).toBe('/documents/changzheng-14th-five-year-plan/');
    expect(plan.cards[0].named).toBe(true);
    expect(plan.outcome.matches).toBe(0);
    expect((await find('2022年计划')).urls[0]).toBe('/documents/changzheng-2022-plan/');
  });

  it("lists primary documents before the entity pages derived from them, in the site's kind order", async () => {
    // 微网格's title and its short text hold 网格; the document mentions it once in a long paragraph.
    const { urls, outcome } = await find('网格');
    expect(urls).toEqual(['/documents/changzheng-party-building-2023/', '/governance/weiwangge/']);
    expect(outcome.type === 'results' && outcome.kinds).toEqual([
      ['文件', 1],
      ['政策', 0],
      ['治理模式', 1],
    ]);
    // A named entity still comes first; then the documents.
    const kinds = (await find('楼长制')).cards.map((c) => c.kind);
    expect(kinds).toEqual(['政策', '文件', '文件']);
  });

  it('scores a page by its densest passage: a long document is not outranked for its length', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `第${i}段：推进城市更新和产业发展，完善公共服务体系，提升城区品质。`);
    const pages = [
      page('documents/long-plan/', '长篇规划', '文件', [
        ...filler,
        '营商环境：优化营商环境，打造营商环境示范区，营商环境评价位居前列。',
        ...filler,
      ]),
      page('documents/short-news/', '简讯', '文件', ['本镇营商环境持续改善。']),
    ];
    const { core } = makeCore({ pages, names: [] });
    expect((await find('营商环境', core)).urls).toEqual(['/documents/long-plan/', '/documents/short-news/']);
    // One word of two characters (page-level postings) is scored the same way.
    expect((await find('营商', core)).urls[0]).toBe('/documents/long-plan/');
  });

  it('names a document by its 文号, before an entity that has the 文号 as an alias, whatever brackets are typed', async () => {
    const notice = page('documents/notice/', '关于印发《2022年计划》的通知', '文件', ['现将《2022年计划》印发给你们。'], {
      document: '普长府〔2022〕1号 · 长征镇人民政府',
    });
    const entity = page('policies/plan-2022/', '2022年计划', '政策', ['依据普长府〔2022〕1号通知印发的年度计划。']);
    expect(documentNames(notice).map((n) => n.label)).toEqual([notice.title, '普长府〔2022〕1号']);
    const { core } = makeCore({
      pages: [entity, notice],
      names: [{ label: '普长府〔2022〕1号', name: '2022年计划', url: 'policies/plan-2022/' }, ...documentNames(notice)],
    });
    for (const q of ['普长府〔2022〕1号', '普长府[2022]1号', '普长府（2022）1号']) {
      const { urls, cards, outcome } = await find(q, core);
      expect(urls[0], q).toBe('/documents/notice/');
      expect(cards[0].named).toBe(true);
      expect(outcome.type === 'results' && outcome.searchedAs).toBe('普长府〔2022〕1号');
    }
    // No 文号 (news): the issuer alone names nothing.
    expect(
      documentNames({ url: 'documents/x/', title: '报道', document: '普陀区长征镇（报纸专版）', filters: {} }).map((n) => n.label),
    ).toEqual(['报道']);
  });

  it('filters by kind without loading filters.json (ids are assigned kind by kind)', async () => {
    const { core, loaded } = makeCore();
    const outcome = await core.search({ q: '网格', filters: { 类型: '治理模式' } });
    if (outcome.type !== 'results') throw new Error(outcome.type);
    expect((await outcome.cards(0, 10)).map((c) => c.url)).toEqual(['/governance/weiwangge/']);
    expect(outcome.matches).toBe(1);
    // The tabs' counts stay those of every kind.
    expect(outcome.kinds).toEqual([
      ['文件', 1],
      ['政策', 0],
      ['治理模式', 1],
    ]);
    expect(loaded).not.toContain(paths.filters);
  });

  it('ranks, within a kind, titles holding the query above pages that only mention it', async () => {
    const pages = [
      page('governance/a/', '社区议事会', '治理模式', ['居民议事，微网格长参加。']),
      page('governance/b/', '微网格', '治理模式', ['把网格划细划小。']),
    ];
    const { core } = makeCore({ pages, names: [] });
    expect((await find('网格', core)).urls).toEqual(['/governance/b/', '/governance/a/']);
  });

  it('suggests names that look like the query when nothing contains it', async () => {
    const { outcome } = await find('楼长治');
    expect(outcome.type === 'results' && outcome.suggestions.map((s) => s.label)).toEqual(['楼长制']);
  });

  it('loads only the files a query needs: positions of a cover, one fragment per result, partial matches only when asked', async () => {
    const { core, built, loaded } = makeCore();
    expect(built.shards).toBeGreaterThan(4);
    const { outcome } = await find('深化社会治理创新', core);
    // Exact: 深化|社会|治理|创新, four pairs with positions (page lists included): no gram shard.
    expect(loaded.filter((p) => p.startsWith('p/')).length).toBeGreaterThan(0);
    expect(loaded.filter((p) => p.startsWith('p/')).length).toBeLessThanOrEqual(4);
    expect(loaded.filter((p) => p.startsWith('g/'))).toEqual([]);
    expect(loaded.filter((p) => p.startsWith('f/'))).toEqual([paths.fragment(1, 0)]);
    expect(loaded).not.toContain(paths.filters);
    // Partial matches listed after it, when the page asks: from the cover's position shards already
    // loaded, so nothing but their fragments.
    const before = loaded.length;
    const loose = outcome.type === 'results' ? await outcome.loose() : [];
    expect(loaded.slice(before).every((p) => p.startsWith('f/'))).toBe(true);
    expect(loaded.slice(before).length).toBeLessThanOrEqual(loose.length);
  });

  it("lists pages holding most of a long word's cover as partial matches, after the exact ones", async () => {
    const { outcome } = await find('深化社会治理现代化');
    if (outcome.type !== 'results') throw new Error(outcome.type);
    // 深化|社会|治理|现代|代化: 深化社会治理 and 治理现代化 both hold three of the five pairs, apart.
    expect(outcome.matches).toBe(0);
    const loose = await outcome.loose();
    expect(loose.map((c) => c.url)).toContain('/documents/changzheng-14th-five-year-plan/');
    expect(loose.every((c) => !c.exact)).toBe(true);
  });

  it('stores every offset of every pair exactly: the position shards decode to a plain scan of the text', () => {
    const files = new Map<string, string>();
    const t2s = { 區: '区', 樓: '楼', 長: '长' };
    buildSearchIndex(
      { pages: PAGES, names: [], t2s, synonyms: [], kindOrder: ['文件', '政策', '项目', '治理模式'], charsPerShard: 40 },
      (path, text) => files.set(path, text),
    );
    const meta = JSON.parse(files.get(paths.meta)!) as IndexMeta;
    // Page ids follow the kind order, then date and title: find each page's id by its fragment.
    const idOf = new Map<string, number>();
    for (let id = 0; id < meta.pages; id++) idOf.set((JSON.parse(files.get(paths.fragment(id, 0))!) as Fragment).url, id);
    let checked = 0;
    for (const p of PAGES) {
      const text = p.blocks.map((b) => fold(b.text, t2s)).join(BLOCK_SEPARATOR);
      const pairs = new Set<string>();
      for (let i = 0; i + 2 <= text.length; i++) if (!text.slice(i, i + 2).includes(BLOCK_SEPARATOR)) pairs.add(text.slice(i, i + 2));
      for (const pair of pairs) {
        const expected: number[] = [];
        for (let at = text.indexOf(pair); at >= 0; at = text.indexOf(pair, at + 1)) expected.push(at);
        const shard = JSON.parse(files.get(paths.positions(shardOf(pair, meta.shards)))!) as PositionShard;
        const [ids, offsets] = shard[pair] as PairPositions;
        const row = decodeDeltas(ids).indexOf(idOf.get(p.url)!);
        expect(row, `${pair} in ${p.url}`).toBeGreaterThanOrEqual(0);
        expect(decodeDeltas(offsets[row]), `${pair} in ${p.url}`).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('writes the same files when fragments are written as pages are added and renamed at the end', () => {
    const options = { t2s: {}, synonyms: [], kindOrder: ['文件', '政策', '项目', '治理模式'], charsPerShard: 40 };
    const kept = new Map<string, string>();
    const keeping = new SearchIndexBuilder(options);
    for (const p of PAGES) keeping.add(p);
    const keptBuilt = keeping.finish([], (path, text) => kept.set(path, text));

    const written = new Map<string, string>();
    const output = {
      write: (path: string, text: string) => written.set(path, text),
      move: (from: string, to: string) => {
        written.set(to, written.get(from)!);
        written.delete(from);
      },
    };
    const writing = new SearchIndexBuilder(options, output);
    for (const p of PAGES) writing.add(p);
    expect([...written.keys()].every((path) => path.startsWith('f/pending-'))).toBe(true);
    const writtenBuilt = writing.finish([], output.write);
    expect(writtenBuilt).toEqual(keptBuilt);
    expect(new Map([...written].sort())).toEqual(new Map([...kept].sort()));
  });

  it('writes the same files when pairs are counted in several passes, a group of shards each', () => {
    const files = (charsPerPass?: number) => {
      const out = new Map<string, string>();
      buildSearchIndex(
        {
          pages: PAGES,
          names: [],
          t2s: {},
          synonyms: [],
          kindOrder: ['文件', '政策', '项目', '治理模式'],
          charsPerShard: 40,
          charsPerPass,
        },
        (path, text) => out.set(path, text),
      );
      return new Map([...out].sort());
    };
    const several = files(60);
    expect(JSON.parse(several.get(paths.meta)!).shards).toBeGreaterThan(4);
    expect(several).toEqual(files());
  });

  it('hashes grams from their UTF-16 units as from the string', () => {
    for (const gram of ['楼', '楼长', 'g2', '𠀀', '十四']) {
      const units = [...Array(gram.length).keys()].map((i) => gram.charCodeAt(i));
      expect(fnv1aUnits(units[0], units[1])).toBe(fnv1a(gram));
    }
  });

  it('finds a match in a block longer than a fragment chunk, in the chunk the block starts in', async () => {
    const long = '前言。'.repeat(CHUNK / 3) + '在长征镇推行楼长制。' + '结语。'.repeat(CHUNK / 3);
    const pages = [page('documents/long/', '长文', '文件', ['开头一段。', long, '另一段。'.repeat(CHUNK / 4), '楼长制写在后面。'])];
    const { core, loaded } = makeCore({ pages, names: [] });
    const { cards, outcome } = await find('楼长制', core);
    expect(outcome.type === 'results' && outcome.matches).toBe(1);
    expect(cards[0].excerpt.segments.map((s) => s.text).join('')).toContain('楼长制');
    expect(cards[0].excerptLink?.url).toBe('/documents/long/#p-1');
    // The match lies in chunk 1 while its block starts in chunk 0: both were read, nothing else.
    expect(loaded.filter((p) => p.startsWith('f/')).sort()).toEqual([paths.fragment(0, 0), paths.fragment(0, 1)].sort());
  });

  it('filters by type, and lists a type in listing order when no words are given', async () => {
    const { core } = makeCore();
    const typed = await core.search({ q: '楼长制', filters: { 类型: '文件' } });
    expect(typed.type === 'results' && typed.matches).toBe(2);
    const browse = await core.search({ q: '', filters: { 类型: '文件' } });
    expect(browse.type === 'browse' && browse.total).toBe(4);
  });
});

describe('indexed text', () => {
  const html = `<html><head><title>楼宇综合服务站</title></head><body><header><nav>首页 文件</nav></header>
    <main id="main" data-search-body><article data-search-meta="kind:项目" data-search-filter="类型:项目">
    <h1 data-search-meta="title">楼宇综合服务站</h1>
    <p id="p-1">积极发挥“楼长制”+楼宇综合服务站创新服务的作用。<a class="citation" href="/documents/changzheng-14th-five-year-plan/#p-e3">〔十四五规划〕</a></p>
    <section data-search-ignore><h2>提及</h2><p>长征镇“十四五”规划在营商环境保障部分提出</p></section>
    </article></main><footer>长征镇政策文件库</footer></body></html>`;
  const extracted = extractIndexedPage(html, 'projects/louyu-zonghe-fuwuzhan/')!;

  it('indexes the page text once: no citation labels, mention lists or page chrome', () => {
    const text = extracted.blocks.map((b) => b.text).join('|');
    expect(text).toBe('楼宇综合服务站|积极发挥“楼长制”+楼宇综合服务站创新服务的作用。');
    expect(extracted.citations).toEqual([{ label: '〔十四五规划〕', href: '/documents/changzheng-14th-five-year-plan/#p-e3' }]);
    expect(extracted).toMatchObject({ title: '楼宇综合服务站', kind: '项目', filters: { 类型: ['项目'] } });
    expect(extracted.blocks[1].anchor).toBe('p-1');
  });

  it('skips pages without a searchable body', () => {
    expect(extractIndexedPage('<html><body><main><h1>搜索</h1></main></body></html>', 'search/')).toBeUndefined();
  });
});
