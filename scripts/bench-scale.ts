/**
 * `npm run bench:scale -- 0 1000 5000 [--starlight] [--short] [--rebuild] [--seed 1] [--keep] [--starlight-dir <folder>]`:
 * what the site costs as the library grows. For each size it copies the project into a temporary
 * folder (node_modules linked), adds a generated corpus of that many documents to the real ones
 * (tools/bench/generate-corpus.ts; size 0 is the five real sources alone, `--short` generates
 * short documents of about 5 KB with few entities each), builds it with the real `npm run build`,
 * and measures:
 *
 * - wall time and peak RSS of the whole build and of each step (the integration prints step
 *   markers with BENCH_TIMINGS=1; RSS is sampled over the whole process tree);
 * - dist size, HTML size per page type (median, max);
 * - search cost per query in headless Chromium (service worker blocked): bytes as a static host
 *   sends them, requests, time from typing to the first result containing the query, cold (fresh
 *   page) and warm (after another query on the same page);
 * - first visit (the service worker's precache) and the offline copy (scripts/build-offline.ts);
 * - with --starlight: the same documents built by Starlight 0.42 (installed once into a temporary
 *   folder), and the ratio of the two build times;
 * - with --rebuild: after the full build, one source changes (a paragraph appended, its sha256
 *   updated) and the site is built again in the same folders: the time an editor waits.
 *
 * Writes bench/results/scale-<date>-<sizes>.md and one JSON file per size. Not part of npm test.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { generateCorpus, readEntityNames, readSeedSources, writeCorpus } from '../tools/bench/generate-corpus.ts';
import {
  median,
  renderScaleReport,
  type PageTypeFigures,
  type SearchFigures,
  type SizeFigures,
  type StepFigures,
} from '../tools/bench/scale-report.ts';
import { installStarlight, starlightAstro, writeStarlightSite } from '../tools/bench/starlight-project.ts';
import { STEP_LINE } from '../src/lib/build/step-timings.ts';
import { precacheList } from '../src/lib/postbuild/generate-service-worker.ts';
import { site } from '../src/config/site.config.ts';
import { launchChromium } from '../tools/browser/chromium.ts';
import { typeQuery } from '../tools/browser/type-query.ts';
import { filesUnder } from '../tools/files-under.ts';
import { copyProject, PROJECT_ROOT } from '../tools/project-copy.ts';
import { serveStatic } from '../tools/static-server.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    starlight: { type: 'boolean', default: false },
    'starlight-dir': { type: 'string' },
    short: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = positionals.length ? positionals.map(Number) : [1000, 5000];
if (sizes.some((n) => !Number.isInteger(n) || n < 0)) {
  console.error(
    `Sizes must be whole numbers of generated documents (0: the five real sources alone), e.g. npm run bench:scale -- 0 1000 (got ${positionals.join(' ')})`,
  );
  process.exit(1);
}
const seed = Number(options.seed);
const root = PROJECT_ROOT;

/** Queries a reader types: an entity name, a two-character phrase inside longer words, a document's short name. */
const QUERIES = ['楼长制', '网格', '十四五规划'];
/** Typed first on the warm page, so the query measured warm finds the search already started. */
const WARM_UP = '社区';

// ---------------------------------------------------------------------------------------------
// Processes: wall time and peak RSS of a whole process tree, attributed to build steps
// ---------------------------------------------------------------------------------------------

/** RSS of `pid` and all its descendants, MB, from /proc (Linux). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended while we looked */
    }
  }
  let bytes = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    bytes += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return bytes / 1024 / 1024;
}

interface Measured {
  ms: number;
  peakMb: number;
  steps: Partial<Record<string, StepFigures>>;
  output: string[];
  code: number;
}

function runMeasured(command: string, args: string[], spawnOptions: SpawnOptions): Promise<Measured> {
  return new Promise((resolvePromise) => {
    const t0 = performance.now();
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    const steps: Partial<Record<string, StepFigures>> = { startup: { ms: 0, peakMb: 0 } };
    const stepT0 = new Map<string, number>([['startup', t0]]);
    let current: string | undefined = 'startup';
    let peakMb = 0;
    const output: string[] = [];
    const sample = () => {
      if (!child.pid) return;
      const mb = treeRssMb(child.pid);
      peakMb = Math.max(peakMb, mb);
      if (current) steps[current] = { ms: steps[current]?.ms ?? 0, peakMb: Math.max(steps[current]?.peakMb ?? 0, mb) };
    };
    const timer = setInterval(sample, 200);
    const onLine = (line: string) => {
      const m = STEP_LINE.exec(line);
      if (!m) {
        output.push(line);
        if (output.length > 400) output.shift();
        return;
      }
      sample();
      console.log(`  ${line}`); // progress of a long build
      const [, what, step, ms] = m;
      if (what === 'start') {
        if (current === 'startup') steps.startup!.ms = performance.now() - t0;
        current = step;
        stepT0.set(step, performance.now());
        steps[step] = { ms: 0, peakMb: 0 };
      } else {
        steps[step] = { ms: Number(ms), peakMb: steps[step]?.peakMb ?? 0 };
        current = undefined;
      }
    };
    let buffered = { out: '', err: '' };
    const reader = (key: 'out' | 'err') => (chunk: Buffer) => {
      buffered[key] += chunk.toString('utf8');
      const lines = buffered[key].split('\n');
      buffered[key] = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout!.on('data', reader('out'));
    child.stderr!.on('data', reader('err'));
    child.on('close', (code) => {
      clearInterval(timer);
      [buffered.out, buffered.err].filter(Boolean).forEach(onLine);
      buffered = { out: '', err: '' };
      resolvePromise({ ms: performance.now() - t0, peakMb, steps, output, code: code ?? 1 });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The project copy and its corpus
// ---------------------------------------------------------------------------------------------

function folderBytes(dir: string): { bytes: number; files: number } {
  const files = filesUnder(dir);
  return { bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0), files: files.length };
}

const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest|wasm)$/;
const sentBytes = (path: string, body: Buffer) => (COMPRESSIBLE.test(path) ? gzipSync(body).length : body.length);

/** Slugs of documents and entity pages in a content folder, to tell page types apart. */
function contentSlugs(contentDir: string): { documents: Set<string>; entities: Map<string, Set<string>> } {
  const documents = new Set(
    readdirSync(join(contentDir, 'sources'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.slice(0, -4)),
  );
  const entities = new Map(
    site.kinds.map((k) => [
      k.id,
      new Set(existsSync(join(contentDir, k.id)) ? readdirSync(join(contentDir, k.id)).map((f) => f.replace(/\.mdx?$/, '')) : []),
    ]),
  );
  return { documents, entities };
}

function pageTypes(dist: string, slugs: ReturnType<typeof contentSlugs>): PageTypeFigures[] {
  const byType = new Map<string, Array<{ path: string; bytes: number }>>();
  for (const file of filesUnder(dist)) {
    if (!file.endsWith('.html')) continue;
    const parts = file.split('/').slice(0, -1);
    let type = 'other pages';
    if (file === 'index.html') type = 'home';
    else if (file === '404.html') type = '404';
    else if (parts[0] === 'search') type = 'search';
    else if (parts[0] === 'documents') type = parts.length === 2 && slugs.documents.has(parts[1]) ? 'document' : 'document listing';
    else if (slugs.entities.has(parts[0]))
      type =
        parts.length === 1
          ? 'entity kind listing'
          : parts.length === 2 && slugs.entities.get(parts[0])!.has(parts[1])
            ? 'entity page'
            : 'entity mention pages';
    byType.set(type, [...(byType.get(type) ?? []), { path: file, bytes: statSync(join(dist, file)).size }]);
  }
  const order = [
    'home',
    'document listing',
    'document',
    'entity kind listing',
    'entity page',
    'entity mention pages',
    'search',
    '404',
    'other pages',
  ];
  return [...byType]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([type, pages]) => {
      const max = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      return { type, count: pages.length, medianBytes: median(pages.map((p) => p.bytes)), maxBytes: max.bytes, maxPath: max.path };
    });
}

/** The service worker's precache manifest: what a first visit downloads. */
function precache(dist: string): SizeFigures['precache'] {
  const swFile = join(dist, 'sw.js');
  if (!existsSync(swFile)) return { files: 0, bytes: 0, gzipBytes: 0 };
  const urls = precacheList(readFileSync(swFile, 'utf8')).map((e) => e.url);
  let bytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const path = decodeURI(url.replace(/^\//, '').replace(/\/$/, '/index.html'));
    const file = join(dist, path === '' ? 'index.html' : path);
    if (!existsSync(file) || statSync(file).isDirectory()) continue;
    const body = readFileSync(file);
    bytes += body.length;
    gzipBytes += sentBytes(file, body);
  }
  return { files: urls.length, bytes, gzipBytes };
}

// ---------------------------------------------------------------------------------------------
// Search in the browser
// ---------------------------------------------------------------------------------------------

/**
 * Counts a page's requests and the bytes a static host would send for them. Bodies are not read
 * while the page loads (fetching each body over the DevTools protocol and compressing it in this
 * process, which also serves the files, slowed the very search being timed): the URLs are recorded,
 * and each file is read from the built site and measured once the page has settled.
 */
function meter(page: Page, dist: string, base: string) {
  let paths: string[] = [];
  let requests = 0;
  let last = performance.now();
  page.on('response', (response) => {
    last = performance.now();
    requests++;
    if (response.status() >= 300 && response.status() < 400) return; // a redirect has no body
    paths.push(decodeURIComponent(new URL(response.url()).pathname));
  });
  return {
    reset: () => {
      paths = [];
      requests = 0;
    },
    /** Waits until nothing has been downloaded for half a second (at most 15 s). */
    settle: async () => {
      const t0 = performance.now();
      while (performance.now() - last < 500 && performance.now() - t0 < 15_000) await page.waitForTimeout(100);
      let bytes = 0;
      for (const path of paths) {
        const file = join(dist, path.slice(base.length - 1).replace(/\/$/, '/index.html'));
        if (existsSync(file) && statSync(file).isFile()) bytes += sentBytes(file, readFileSync(file));
      }
      return { bytes, requests };
    },
  };
}

async function measureSearch(dist: string): Promise<SearchFigures[]> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const figures: SearchFigures[] = [];
  try {
    for (const q of QUERIES) {
      const run = async (warmUp: boolean) => {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        try {
          const page = await context.newPage();
          const m = meter(page, dist, new URL(server.url).pathname);
          await page.goto(server.url + 'search/');
          // "Once the page is loaded": the page says so when its index core (meta.json) has arrived.
          await page.waitForSelector('#search-page[data-search-ready]');
          if (warmUp) {
            await typeQuery(page, WARM_UP, { until: 'first-hit' });
            await m.settle();
            await page.waitForTimeout(300);
            m.reset();
          }
          const { ms, matches } = await typeQuery(page, q, { until: 'first-hit' });
          return { ...(await m.settle()), ms, matches };
        } finally {
          await context.close();
        }
      };
      figures.push({ query: q, cold: await run(false), warm: await run(true) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Starlight, same documents
// ---------------------------------------------------------------------------------------------

async function buildStarlight(starlightDir: string, contentDir: string): Promise<SizeFigures['starlight']> {
  writeStarlightSite(starlightDir, contentDir);
  const run = await runMeasured(process.execPath, [starlightAstro(starlightDir), 'build', '--silent'], {
    cwd: starlightDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (run.code !== 0) {
    console.error(run.output.slice(-30).join('\n'));
    return { ms: run.ms, peakMb: run.peakMb, pages: 0, error: `exit ${run.code}` };
  }
  return { ms: run.ms, peakMb: run.peakMb, pages: filesUnder(join(starlightDir, 'dist')).filter((f) => f.endsWith('.html')).length };
}

// ---------------------------------------------------------------------------------------------
// One size
// ---------------------------------------------------------------------------------------------

async function measureSize(documents: number, starlightDir: string | undefined): Promise<SizeFigures> {
  const dir = copyProject('bench-scale-');
  const contentDir = join(dir, 'content');
  console.log(`\n── ${documents} generated documents${options.short ? ' (short)' : ''} (project copy in ${dir})`);
  const corpus =
    documents > 0
      ? generateCorpus(readSeedSources(contentDir), {
          documents,
          seed,
          shape: options.short ? 'short' : 'standard',
          reservedNames: readEntityNames(contentDir),
        })
      : undefined;
  if (corpus) writeCorpus(contentDir, corpus, { replace: false });
  const slugs = contentSlugs(contentDir);
  const entityCount = [...slugs.entities.values()].reduce((n, s) => n + s.size, 0);
  console.log(
    `generated ${corpus?.documents.length ?? 0} documents and ${corpus?.entities.length ?? 0} entity pages (with the real ones: ${slugs.documents.size} + ${entityCount})`,
  );

  // Build output outside the project copy, as in side-by-side builds: inside it, generated data
  // and caches would be scanned as project sources (Tailwind's class detection reads the project).
  const workDir = mkdtempSync(join(tmpdir(), 'bench-work-'));
  const env = { ...process.env, BENCH_TIMINGS: '1', WORK_DIR: workDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const build = await runMeasured('npm', ['run', 'build'], { cwd: dir, env });
  const steps = Object.fromEntries(Object.entries(build.steps).filter((e): e is [string, StepFigures] => e[1] !== undefined));
  if (build.code !== 0) {
    // A failed build still tells where time and memory went up to the failing step: keep those figures.
    console.error(build.output.slice(-40).join('\n'));
    const reason = build.output.filter((l) => /error|over the|budget|problem/i.test(l)).slice(-1)[0] ?? `exit ${build.code}`;
    if (!options.keep) for (const d of [dir, workDir]) rmSync(d, { recursive: true, force: true });
    const none = { bytes: 0, requests: 0 };
    return {
      documents: slugs.documents.size,
      entities: entityCount,
      pages: 0,
      build: { ms: build.ms, peakMb: build.peakMb, steps, error: reason.trim().slice(0, 200) },
      distBytes: 0,
      distFiles: 0,
      pageTypes: [],
      search: QUERIES.map((query) => ({ query, cold: none, warm: none })),
      precache: { files: 0, bytes: 0, gzipBytes: 0 },
      offline: { bytes: 0, zipBytes: 0, ms: 0 },
    };
  }
  console.log(build.output.filter((l) => /^(sitemap|sw\.js)/.test(l)).join('\n'));
  console.log(
    `build: ${(build.ms / 1000).toFixed(1)} s, peak RSS ${build.peakMb.toFixed(0)} MB; ${Object.keys(build.steps)
      .map((s) => `${s} ${((build.steps[s]?.ms ?? 0) / 1000).toFixed(1)} s/${(build.steps[s]?.peakMb ?? 0).toFixed(0)} MB`)
      .join(', ')}`,
  );

  const dist = join(workDir, 'dist');
  const distSize = folderBytes(dist);
  const types = pageTypes(dist, slugs);
  const firstVisit = precache(dist);
  const search = await measureSearch(dist);
  console.log(
    `search: ${search.map((s) => `${s.query} cold ${(s.cold.bytes / 1024).toFixed(0)} KB/${s.cold.requests} req/${s.cold.ms?.toFixed(0) ?? '—'} ms`).join('; ')}`,
  );

  const offlineRun = await runMeasured(process.execPath, ['scripts/build-offline.ts'], { cwd: dir, env });
  if (offlineRun.code !== 0) console.error(`build:offline failed:\n${offlineRun.output.slice(-20).join('\n')}`);
  const offlineDir = join(workDir, 'dist-offline');
  const offline = {
    bytes: existsSync(offlineDir) ? folderBytes(offlineDir).bytes : 0,
    zipBytes: existsSync(`${offlineDir}.zip`) ? statSync(`${offlineDir}.zip`).size : 0,
    ms: offlineRun.ms,
  };

  const starlight = starlightDir ? await buildStarlight(starlightDir, contentDir) : undefined;
  if (starlight && !starlight.error)
    console.log(
      `Starlight: ${(starlight.ms / 1000).toFixed(1)} s, peak RSS ${starlight.peakMb.toFixed(0)} MB, ${starlight.pages} pages; ratio ${(build.ms / starlight.ms).toFixed(2)}×`,
    );

  let rebuild: SizeFigures['rebuild'];
  if (options.rebuild) {
    const changed = changeOneSource(contentDir, corpus?.documents.at(-1) ?? [...slugs.documents].sort()[0]);
    const second = await runMeasured('npm', ['run', 'build'], { cwd: dir, env });
    if (second.code !== 0) console.error(second.output.slice(-30).join('\n'));
    rebuild = { ms: second.ms, peakMb: second.peakMb, changed, ...(second.code !== 0 ? { error: `exit ${second.code}` } : {}) };
    console.log(`rebuild after changing ${changed}: ${(second.ms / 1000).toFixed(1)} s (full build ${(build.ms / 1000).toFixed(1)} s)`);
  }

  if (!options.keep) for (const d of [dir, workDir]) rmSync(d, { recursive: true, force: true });
  else console.log(`kept ${dir} and ${workDir}`);
  return {
    documents: slugs.documents.size,
    entities: entityCount,
    pages: types.reduce((n, t) => n + t.count, 0),
    build: { ms: build.ms, peakMb: build.peakMb, steps },
    distBytes: distSize.bytes,
    distFiles: distSize.files,
    pageTypes: types,
    search,
    precache: firstVisit,
    offline,
    starlight,
    rebuild,
  };
}

/**
 * An editor's change to one source: a paragraph appended to its text and the sha256 in its
 * metadata updated to match, so the build accepts it. Returns the changed file, relative to content/.
 */
function changeOneSource(contentDir: string, slug: string): string {
  const textFile = join(contentDir, 'sources', `${slug}.txt`);
  const metaFile = join(contentDir, 'sources', `${slug}.meta.yaml`);
  const text = `${readFileSync(textFile, 'utf8').trimEnd()}\n\n本文件于基准测试中追加此段，用于测量修改一份文件后的重新构建时间。\n`;
  const sha256 = createHash('sha256').update(text).digest('hex');
  const meta = readFileSync(metaFile, 'utf8');
  if (!/^sha256:.*$/m.test(meta)) throw new Error(`${metaFile} has no sha256 line to update`);
  writeFileSync(textFile, text);
  writeFileSync(metaFile, meta.replace(/^sha256:.*$/m, `sha256: ${sha256}`));
  return `sources/${slug}.txt`;
}

const results: SizeFigures[] = [];
// --starlight-dir reuses a folder where an earlier run (with --keep) installed Starlight.
const starlightDir = options['starlight-dir'] ?? (options.starlight ? installStarlight() : undefined);
const load = loadavg()[0];
const seedCount = readSeedSources(join(root, 'content')).length;
try {
  for (const n of sizes) results.push(await measureSize(n, starlightDir));
} finally {
  if (starlightDir && !options.keep && !options['starlight-dir']) rmSync(starlightDir, { recursive: true, force: true });
  else if (starlightDir && options.keep) console.log(`kept Starlight in ${starlightDir} (reuse it with --starlight-dir)`);
}

const date = new Date().toISOString().slice(0, 10);
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, shared with other builds and tests while measuring (1-minute load ${load.toFixed(1)} at the start)`;
// The command as a reader would type it: a folder of this machine (--starlight-dir) is not part of it.
const typed = process.argv.slice(2).map((arg, i, all) => (all[i - 1] === '--starlight-dir' ? '<folder>' : arg));
const context = { date, commit, machine, seed, command: `npm run bench:scale -- ${typed.join(' ')}` };
const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
const resultFile = join(resultsDir, `scale-${stamp}${options.short ? '-short' : ''}-${sizes.join('-')}.md`);
writeFileSync(resultFile, `# Scale benchmark, ${date}\n\n${renderScaleReport(results.map((figures) => ({ figures, context })))}`);
// Each size's figures are also kept as JSON, for comparing runs of one size over time.
for (const figures of results)
  writeFileSync(
    join(resultsDir, `scale-${stamp}${options.short ? '-short' : ''}-${figures.documents - seedCount}.json`),
    JSON.stringify({ figures, context }, null, 2) + '\n',
  );
console.log(
  `\n${renderScaleReport(results.map((figures) => ({ figures, context })))}\nWritten to ${relative(root, resultFile)} (and one JSON file per size).`,
);
