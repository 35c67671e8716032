import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SearchIndexData } from '../search/entities.ts';
import { SearchIndexBuilder, documentNames, type BuiltIndex, type IndexName } from '../search/exact-index.ts';
import { extractIndexedPage, type IndexedPage } from '../search/indexed-text.ts';
import type { T2sMap } from '../search/normalize.ts';
import type { Synonyms } from '../compiler/source/load-synonyms.ts';
import { htmlFiles, pageUrl } from './built-pages.ts';

/**
 * The indexed text of every searchable page of a built site, read again from disk (the benchmark
 * and tests; the build hands pages to SearchIndexWriter as its one pass reads them).
 */
export function indexedPages(dist: string): IndexedPage[] {
  return htmlFiles(dist).flatMap((file) => extractIndexedPage(readFileSync(join(dist, file), 'utf8'), pageUrl(file)) ?? []);
}

const stripBase = (href: string, base: string) => (href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '')).replace(/[?#].*$/, '');

/**
 * Post-build: the exact-match search index of the built pages, written to `dist/search-index/`
 * next to the t2s map and entity names the Astro routes wrote there. Pages are added one at a time
 * as the post-build pass reads them (src/lib/postbuild/built-pages.ts). Names that find a page:
 * entity names and aliases, then document titles, 文号 and the labels entity pages cite documents by
 * (〔十四五规划〕 → the Five-Year Plan).
 */
export class SearchIndexWriter {
  private readonly dir: string;
  private readonly builder: SearchIndexBuilder;
  private readonly entityNames: IndexName[];
  private readonly documentNames: IndexName[] = [];
  /** Citation links of all pages: only label and target are kept. */
  private readonly citations: Array<{ label: string; href: string }> = [];

  private readonly base: string;
  private readonly kindOrder: readonly string[];

  constructor(dist: string, base: string, synonyms: Synonyms, kindOrder: readonly string[]) {
    this.base = base;
    this.kindOrder = kindOrder;
    this.dir = join(dist, 'search-index');
    const t2s = JSON.parse(readFileSync(join(this.dir, 't2s.json'), 'utf8')) as T2sMap;
    const { entities } = JSON.parse(readFileSync(join(this.dir, 'entities.json'), 'utf8')) as SearchIndexData;
    this.entityNames = entities.flatMap((e) => [e.name, ...e.aliases].map((label) => ({ label, name: e.name, url: stripBase(e.url, base) })));
    this.builder = new SearchIndexBuilder({ t2s, synonyms, kindOrder });
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
    const made = new Set<string>();
    return this.builder.finish(names, (path, text) => {
      const file = join(this.dir, path);
      const folder = dirname(file);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(file, text);
    });
  }
}
