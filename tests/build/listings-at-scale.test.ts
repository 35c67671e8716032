import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, readEntityNames, readSeedSources, writeCorpus } from '../../tools/bench/generate-corpus.ts';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { CHUNK, type IndexMeta } from '../../src/lib/search/index-format.ts';
import { cleanBuildEnv } from '../setup/build-site.ts';
import { precacheList } from '../../src/lib/postbuild/generate-service-worker.ts';
import { copyProject } from '../../tools/project-copy.ts';
import { readPage } from '../support/site.ts';

/**
 * Every reader's cost stays bounded as the corpus grows: a copy of the project with 300 generated
 * documents (recombined from the sources, valid metadata, generated entity pages) added to the
 * real ones, built, and its listing pages, entity pages and first-visit download measured.
 */
const DOCUMENTS = 300;
const KB = 1024;
const work = copyProject('listings-at-scale-');
const dist = join(work, 'dist');
let generated: string[] = [];

beforeAll(() => {
  const content = join(work, 'content');
  const corpus = generateCorpus(readSeedSources(content), { documents: DOCUMENTS, seed: 8, reservedNames: readEntityNames(content) });
  writeCorpus(content, corpus, { replace: false });
  generated = corpus.documents;
  execSync('npm run build', { cwd: work, stdio: 'pipe', env: cleanBuildEnv() });
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const size = (page: string) => statSync(join(dist, page, 'index.html')).size;

describe(`a site of ${DOCUMENTS}+ documents`, () => {
  it('keeps the home page ≤ 60 KB and /documents/ pages ≤ 100 KB, and reaches every document from them', () => {
    const pages = listPages(dist);
    expect(size('')).toBeLessThanOrEqual(60 * KB);
    const listing = pages.filter((p) => /^documents\/(page\/\d+\/)?$/.test(p));
    expect(listing.length).toBeGreaterThan(5);
    expect(listing.filter((p) => size(p) > 100 * KB)).toEqual([]);
    const reached = new Set(
      listing.flatMap((p) =>
        (selectAll('main section h3 a', readPage(p + 'index.html', dist)) as Element[]).map((a) => String(a.properties.href)),
      ),
    );
    expect(generated.filter((slug) => !reached.has(`/documents/${slug}/`))).toEqual([]);
  });

  it('keeps every listing, entity and mention page ≤ 120 KB; an entity mentioned by many documents gets paginated mentions', () => {
    const pages = listPages(dist).filter((p) => !/^documents\/(?!page\/)[^/]+\/$/.test(p));
    const over = pages.filter((p) => size(p) > 120 * KB).map((p) => `${p}: ${Math.round(size(p) / KB)} KB`);
    expect(over).toEqual([]);
    expect(pages.some((p) => /^[^/]+\/[^/]+\/mentions\/2\/$/.test(p))).toBe(true);
    const largest = (re: RegExp) => Math.round(Math.max(...pages.filter((p) => re.test(p)).map(size)) / KB);
    // The figures the README quotes.
    console.log(
      `at ${DOCUMENTS}+ documents: home ${Math.round(size('') / KB)} KB; largest /documents/ page ${largest(/^documents\//)} KB, kind index ${largest(/^(policies|projects|governance)\/(page\/\d+\/)?$/)} KB, ` +
        `entity page ${largest(/^(policies|projects|governance)\/(?!page\/)[^/]+\/$/)} KB, mentions page ${largest(/\/mentions\//)} KB`,
    );
  });

  it('keeps the 指标 and 关系 pages ≤ 120 KB each: tables by topic, one per plan, relations a bounded page at a time', () => {
    const pages = listPages(dist).filter((p) => /^(figures|relations)\//.test(p));
    expect(pages).toEqual(expect.arrayContaining(['figures/', 'relations/']));
    expect(pages.filter((p) => size(p) > 120 * KB).map((p) => `${p}: ${Math.round(size(p) / KB)} KB`)).toEqual([]);
    // The relations map keeps its size: at most a dozen entities, each a link.
    const map = selectAll('svg.relations-map a', readPage('relations/index.html', dist));
    expect(map.length).toBeGreaterThan(1);
    expect(map.length).toBeLessThanOrEqual(12);
    const largest = (re: RegExp) => Math.round(Math.max(...pages.filter((p) => re.test(p)).map(size)) / KB);
    console.log(
      `at ${DOCUMENTS}+ documents: ${pages.length} 指标/关系 pages; largest /figures/ page ${largest(/^figures\//)} KB, /relations/ ${largest(/^relations\//)} KB`,
    );
  });

  it('precaches ≤ 3 MB on the first visit; everything else is in the offline manifest', () => {
    const entries = precacheList(readFileSync(join(dist, 'sw.js'), 'utf8'));
    const bytes = entries.reduce((n, e) => n + statSync(join(dist, e.url)).size, 0);
    expect(bytes).toBeLessThanOrEqual(3 * KB * KB);
    console.log(`at ${DOCUMENTS}+ documents: precache ${entries.length} files, ${(bytes / KB / KB).toFixed(2)} MB`);
    expect(entries.some((e) => /^documents\/(?!page\/)[^/]+\/index\.html$/.test(e.url))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(dist, 'offline-manifest.json'), 'utf8')) as { files: Array<{ url: string }> };
    const listed = new Set(manifest.files.map((f) => f.url));
    expect(generated.filter((slug) => !listed.has(`documents/${slug}/`))).toEqual([]);
    expect(existsSync(join(dist, 'offline/index.html'))).toBe(true);
  });

  it('shards the search index by the text, so a shard and a fragment stay small whatever the corpus', () => {
    const dir = join(dist, 'search-index');
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as IndexMeta;
    const kb = (folder: string, file: string) => statSync(join(dir, folder, file)).size / KB;
    const shards = readdirSync(join(dir, 'g')).map((f) => kb('g', f) + kb('p', f));
    expect(shards.length).toBe(meta.shards);
    // More text makes more shards (about one per 1,500 characters), not bigger ones.
    expect(meta.shards).toBeGreaterThan(100);
    const sorted = [...shards].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(median).toBeLessThan(150);
    expect(sorted[sorted.length - 1]).toBeLessThan(400);
    // A result loads one fragment: the blocks starting in one CHUNK of the page's text (UTF-8, 3 bytes a character, plus a block's overrun).
    const fragments = readdirSync(join(dir, 'f')).map((f) => kb('f', f));
    expect(Math.max(...fragments)).toBeLessThan((3 * 3 * CHUNK) / KB);
    console.log(
      `at ${DOCUMENTS}+ documents: ${meta.pages} pages indexed, ${meta.shards} shards (median ${median.toFixed(1)} KB, largest ${sorted[sorted.length - 1].toFixed(0)} KB, g + p), ${fragments.length} fragments (largest ${Math.max(...fragments).toFixed(1)} KB)`,
    );
  });
});
