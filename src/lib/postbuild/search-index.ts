import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { siteCharactersFile } from '../compiler/emit/write-generated.ts';
import { entityKindBadges } from '../labels.ts';
import { entityKinds, type EntityKind } from '../schema/entity.ts';
import type { SearchIndexData } from '../search/entities.ts';
import { SearchIndexBuilder, documentNames, type BuiltIndex, type IndexName } from '../search/exact-index.ts';
import { extractIndexedPage, type IndexedPage } from '../search/indexed-text.ts';
import type { T2sMap } from '../search/normalize.ts';
import { buildT2sMap } from '../search/t2s-map.ts';
import type { Synonyms } from '../compiler/source/load-synonyms.ts';
import type { CompiledEntity } from '../types.ts';
import { createUrls, type Urls } from '../urls.ts';
import { htmlFiles, pageUrl } from './built-pages.ts';

/**
 * The indexed text of every searchable page of a built site, read again from disk (the benchmark
 * and tests; the build hands pages to SearchIndexWriter as its one pass reads them).
 */
export function indexedPages(dist: string): IndexedPage[] {
  return htmlFiles(dist).flatMap((file) => extractIndexedPage(readFileSync(join(dist, file), 'utf8'), pageUrl(file)) ?? []);
}

const stripBase = (href: string, base: string) =>
  (href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '')).replace(/[?#].*$/, '');

/**
 * Every entity's name and aliases with its page (`search-index/entities.json`), for entity-first
 * ranking and "did you mean": kinds in configured order, names in Chinese collation order within a kind.
 */
export function searchEntities(entityPages: readonly CompiledEntity[], urls: Urls): SearchIndexData {
  const entities: SearchIndexData['entities'] = [];
  for (const kind of entityKinds) {
    const ofKind = entityPages.filter((e) => e.id.split('/')[0] === kind).sort((a, b) => a.data.name.localeCompare(b.data.name, 'zh'));
    for (const e of ofKind)
      entities.push({ name: e.data.name, aliases: e.data.aliases, url: urls.entity(e.id), kind: entityKindBadges[kind as EntityKind] });
  }
  return { entities };
}

/**
 * Post-build: the exact-match search index of the built pages, written to `dist/search-index/`
 * with the two files the search page loads beside it, made from the compiled data (not from what
 * an Astro route wrote, so nothing depends on the order of Astro's routes): the entity names
 * (`entities.json`, from the compiled entity pages) and the traditional → simplified map
 * (`t2s.json`, limited to the characters the compiler found in the site's text: a few kilobytes
 * instead of OpenCC's full tables; the search page loads it with the first query). Pages are added one at a time
 * as the post-build pass reads them (src/lib/postbuild/built-pages.ts). Names that find a page:
 * entity names and aliases, then document titles, 文号 and the labels entity pages cite documents by
 * (〔十四五规划〕 → the Five-Year Plan).
 */
export class SearchIndexAssembler {
  private readonly dir: string;
  private readonly builder: SearchIndexBuilder;
  private readonly entityNames: IndexName[];
  private readonly documentNames: IndexName[] = [];
  /** Citation links of all pages: only label and target are kept. */
  private readonly citations: Array<{ label: string; href: string }> = [];

  private readonly base: string;
  private readonly kindOrder: readonly string[];

  /** `dir`: the index folder; `entities`: as in entities.json (urls with the base). */
  constructor(
    dir: string,
    base: string,
    t2s: T2sMap,
    entities: SearchIndexData['entities'],
    synonyms: Synonyms,
    kindOrder: readonly string[],
  ) {
    this.base = base;
    this.kindOrder = kindOrder;
    this.dir = dir;
    this.entityNames = entities.flatMap((e) =>
      [e.name, ...e.aliases].map((label) => ({ label, name: e.name, url: stripBase(e.url, base) })),
    );
    this.builder = new SearchIndexBuilder(
      { t2s, synonyms, kindOrder },
      { write: (path, text) => this.write(path, text), move: (from, to) => renameSync(join(dir, from), join(dir, to)) },
    );
  }

  private readonly folders = new Set<string>();
  private write(path: string, text: string): void {
    const file = join(this.dir, path);
    const folder = dirname(file);
    if (!this.folders.has(folder)) mkdirSync(folder, { recursive: true });
    this.folders.add(folder);
    writeFileSync(file, text);
  }

  add(page: IndexedPage): void {
    this.builder.add(page);
    if (page.kind === this.kindOrder[0]) {
      this.documentNames.push(...documentNames(page));
    }
    this.citations.push(...page.citations);
  }

  finish(): BuiltIndex {
    const titleOf = new Map(this.documentNames.filter((n) => n.label === n.name).map((n) => [n.url, n.name]));
    const names = [...this.entityNames, ...this.documentNames];
    for (const c of this.citations) {
      const url = stripBase(c.href, this.base);
      const label = c.label.replace(/^[〔［[]|[〕］\]]$/g, '');
      if (titleOf.has(url) && label) names.push({ label, name: titleOf.get(url)!, url });
    }
    return this.builder.finish(names, (path, text) => this.write(path, text));
  }
}

/** The build's writer: the entity names and the t2s map from the compiled data, written beside the index. */
export class SearchIndexWriter extends SearchIndexAssembler {
  constructor(dist: string, base: string, synonyms: Synonyms, kindOrder: readonly string[], entityPages: readonly CompiledEntity[]) {
    const t2s: T2sMap = buildT2sMap(readFileSync(siteCharactersFile(), 'utf8'));
    const { entities } = searchEntities(entityPages, createUrls(base));
    const dir = join(dist, 'search-index');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 't2s.json'), JSON.stringify(t2s));
    writeFileSync(join(dir, 'entities.json'), JSON.stringify({ entities }));
    super(dir, base, t2s, entities, synonyms, kindOrder);
  }
}

/**
 * Writes `dist/search-index/` again from the built pages alone, reusing the `t2s.json`,
 * `entities.json` and `meta.json` (synonyms, kind order) of the index the build wrote: for
 * benchmarks and tools that change the index format without rebuilding the site. Pages are read
 * one at a time, as in the build.
 */
export function rebuildSearchIndex(dist: string, base = '/'): BuiltIndex {
  const dir = join(dist, 'search-index');
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const t2s = read('t2s.json') as T2sMap;
  const { entities } = read('entities.json') as SearchIndexData;
  const meta = read('meta.json') as { kinds: Array<[string, number]>; synonyms: Array<[string, string[]]> };
  const synonyms = meta.synonyms.map(([abbreviation, means]) => ({ abbreviation, means, why: '' }));
  const kindOrder = meta.kinds.map(([kind]) => kind);
  const assembler = new SearchIndexAssembler(dir, base, t2s, entities, synonyms, kindOrder);
  for (const file of htmlFiles(dist)) {
    const page = extractIndexedPage(readFileSync(join(dist, file), 'utf8'), pageUrl(file));
    if (page) assembler.add(page);
  }
  return assembler.finish();
}
