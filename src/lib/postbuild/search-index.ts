import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { SearchIndexData } from '../search/entities.ts';
import { buildSearchIndex, type IndexName } from '../search/exact-index.ts';
import { extractIndexedPage, type IndexedPage } from '../search/indexed-text.ts';
import type { T2sMap } from '../search/normalize.ts';
import type { Synonyms } from '../source/load-synonyms.ts';

/** Built folders that hold no pages to search. */
const NOT_PAGES = new Set(['_astro', 'search-index', 'pagefind', 'offline']);

/** Every built HTML file as [site path without the base, file]. */
export function builtPages(dist: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === dist && NOT_PAGES.has(entry.name))) walk(path);
      } else if (entry.name.endsWith('.html')) {
        const rel = relative(dist, path).split(sep).join('/');
        out.push([rel.replace(/(^|\/)index\.html$/, '$1'), path]);
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The indexed text of every searchable page of a built site (the one extractor, indexed-text.ts). */
export function indexedPages(dist: string): IndexedPage[] {
  return builtPages(dist).flatMap(([url, file]) => extractIndexedPage(readFileSync(file, 'utf8'), url) ?? []);
}

const stripBase = (href: string, base: string) => (href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '')).replace(/[?#].*$/, '');

/**
 * Post-build: the exact-match search index of the built pages, written to `dist/search-index/`
 * next to the t2s map and entity names the Astro routes wrote there. Names that find a page:
 * entity names and aliases, then document titles and the labels entity pages cite documents by
 * (〔十四五规划〕 → the Five-Year Plan).
 */
export function writeSearchIndex(dist: string, base: string, synonyms: Synonyms, kindOrder: readonly string[]) {
  const dir = join(dist, 'search-index');
  const t2s = JSON.parse(readFileSync(join(dir, 't2s.json'), 'utf8')) as T2sMap;
  const { entities } = JSON.parse(readFileSync(join(dir, 'entities.json'), 'utf8')) as SearchIndexData;
  const pages = indexedPages(dist);
  const names: IndexName[] = entities.flatMap((e) => [e.name, ...e.aliases].map((label) => ({ label, name: e.name, url: stripBase(e.url, base) })));
  const documents = pages.filter((p) => p.kind === kindOrder[0]);
  for (const d of documents) for (const label of new Set([d.title, ...(d.filters['来源文件'] ?? [])])) names.push({ label, name: d.title, url: d.url });
  const titleOf = new Map(documents.map((d) => [d.url, d.title]));
  for (const p of pages) {
    for (const c of p.citations) {
      const url = stripBase(c.href, base);
      const label = c.label.replace(/^[〔［[]|[〕］\]]$/g, '');
      if (titleOf.has(url) && label) names.push({ label, name: titleOf.get(url)!, url });
    }
  }
  const made = new Set<string>();
  return buildSearchIndex({ pages, names, t2s, synonyms, kindOrder }, (path, text) => {
    const file = join(dir, path);
    const folder = dirname(file);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(file, text);
  });
}
