/**
 * `npm run bench:compile`: compiles synthetic corpora of growing size (the five sources, copied
 * under new slugs, with all entity pages) and prints the cost per document. Per-document work
 * must stay flat as the corpus grows; the site-wide reduce must stay a small share.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileSite } from '../src/lib/pipeline.ts';
import { buildSiteIndex } from '../src/lib/site/build-site-index.ts';
import { createUrls } from '../src/lib/urls.ts';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const corpusSizes = sizes.length ? sizes : [5, 50, 250, 1000];
const sources = readdirSync('content/sources').filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));

function makeCorpus(documents: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  for (const kind of ['policies', 'projects', 'governance']) cpSync(join('content', kind), join(dir, kind), { recursive: true });
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, 'corrections'));
  for (let i = 0; i < documents; i++) {
    const slug = sources[i % sources.length];
    const copy = i < sources.length ? slug : `${slug}-copy-${i}`;
    // Each copy gets a last line of its own: the compiler refuses the same text under two slugs.
    const text = i < sources.length ? readFileSync(join('content/sources', `${slug}.txt`)) : Buffer.concat([readFileSync(join('content/sources', `${slug}.txt`)), Buffer.from(`\n副本${i}\n`)]);
    writeFileSync(join(dir, 'sources', `${copy}.txt`), text);
    const meta = readFileSync(join('content/sources', `${slug}.meta.yaml`), 'utf8');
    writeFileSync(join(dir, 'sources', `${copy}.meta.yaml`), meta.replace(/^sha256: .*$/m, `sha256: ${createHash('sha256').update(text).digest('hex')}`));
    try {
      cpSync(join('content/corrections', `${slug}.yaml`), join(dir, 'corrections', `${copy}.yaml`));
    } catch {
      /* sources without corrections */
    }
  }
  return dir;
}

console.log('documents  total ms  ms/document  site-wide reduce ms');
for (const n of corpusSizes) {
  const dir = makeCorpus(n);
  const t0 = performance.now();
  const build = compileSite(dir, createUrls('/'));
  const total = performance.now() - t0;
  const t1 = performance.now();
  buildSiteIndex(build.documents, build.entityPages, build.entities);
  const reduce = performance.now() - t1;
  console.log(`${String(n).padStart(9)}  ${total.toFixed(0).padStart(8)}  ${(total / n).toFixed(2).padStart(11)}  ${reduce.toFixed(1).padStart(19)}`);
  rmSync(dir, { recursive: true, force: true });
}
