/**
 * What a search loads from the index of a built site, file by file, measured in Node with the one
 * search core (src/lib/search/search-core.ts) and a loader that reads `dist/search-index/`: gzip
 * bytes (as a static host sends JSON) per kind of file, cold (a fresh page) and warm (after one
 * other query on the same page). The browser's page and scripts are not counted here; the scale
 * benchmark measures the whole page in Chromium.
 *
 *   npx node tools/bench/search-bench-bytes.ts <dist> [--reindex] [query…]
 *
 * `--reindex` first writes the index again from the built pages (src/lib/postbuild/search-index.ts
 * rebuildSearchIndex), so an index format change is measured without rebuilding the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rebuildSearchIndex } from '../../src/lib/postbuild/search-index.ts';
import { PAGE_SIZE, SearchCore } from '../../src/lib/search/search-core.ts';

export interface LoadedFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** A core over `dir` that records every file it loads. */
export function meteredCore(dir: string): { core: SearchCore; loaded: LoadedFile[] } {
  const loaded: LoadedFile[] = [];
  const core = new SearchCore(
    async (path) => {
      const body = readFileSync(join(dir, path));
      loaded.push({ path, bytes: body.length, gzipBytes: gzipSync(body).length });
      return JSON.parse(body.toString('utf8'));
    },
    (path) => `/${path}`,
  );
  return { core, loaded };
}

/** The files one search, its first page of results and the partial matches listed after them load: cold, or warm after `warmUp`. */
export async function searchFiles(dir: string, q: string, warmUp?: string): Promise<{ files: LoadedFile[]; matches: number }> {
  const { core, loaded } = meteredCore(dir);
  const run = async (query: string) => {
    const outcome = await core.search({ q: query, filters: {} });
    if (outcome.type !== 'results') return 0;
    await outcome.cards(0, PAGE_SIZE);
    await outcome.loose();
    return outcome.matches;
  };
  if (warmUp) await run(warmUp);
  const from = loaded.length;
  const matches = await run(q);
  return { files: loaded.slice(from), matches };
}

const kindOf = (path: string) => (path.includes('/') ? path.split('/')[0] : path);

function summary(files: LoadedFile[]): string {
  const byKind = new Map<string, { n: number; gz: number; raw: number }>();
  for (const f of files) {
    const k = byKind.get(kindOf(f.path)) ?? { n: 0, gz: 0, raw: 0 };
    k.n++;
    k.gz += f.gzipBytes;
    k.raw += f.bytes;
    byKind.set(kindOf(f.path), k);
  }
  const total = files.reduce((n, f) => n + f.gzipBytes, 0);
  const parts = [...byKind].map(([k, v]) => `${k} ${v.n}× ${(v.gz / 1024).toFixed(1)} KB (raw ${(v.raw / 1024).toFixed(0)})`);
  return `${(total / 1024).toFixed(1)} KB gzip, ${files.length} files: ${parts.join(', ')}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dist = args[0];
  if (!dist) {
    console.error('usage: npx node tools/bench/search-bench-bytes.ts <dist> [--reindex] [query…]');
    process.exit(2);
  }
  if (args.includes('--reindex')) {
    const t0 = performance.now();
    const built = rebuildSearchIndex(dist);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `reindexed ${built.pages} pages, ${built.shards} shards, ${built.files} files in ${((performance.now() - t0) / 1000).toFixed(1)} s; peak RSS ${rss.toFixed(0)} MB`,
    );
  }
  const queries = args.slice(1).filter((a) => !a.startsWith('--'));
  const dir = join(dist, 'search-index');
  for (const q of queries.length ? queries : ['楼长制', '网格', '十四五规划']) {
    const cold = await searchFiles(dir, q);
    const warm = await searchFiles(dir, q, '社区');
    console.log(`${q} (${cold.matches} found)\n  cold: ${summary(cold.files)}\n  warm: ${summary(warm.files)}`);
    if (args.includes('--files')) for (const f of cold.files) console.log(`    ${f.path} ${(f.gzipBytes / 1024).toFixed(1)} KB`);
  }
}
