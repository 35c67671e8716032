/**
 * `npm run bench:dev -- [--docs 5,1000] [--edits 3] [--starlight] [--starlight-dir <folder>] [--seed 1]`:
 * what an editor waits for in `astro dev` (tools/bench/dev-bench.ts). For each document count it
 * copies the project (node_modules linked), adds generated documents beyond the five sources,
 * starts the dev server and measures
 *
 * (a) the time until the home page answers,
 * (b) save an entity page's body → its page shows the change,
 * (c) save a source's title in its .meta.yaml → the document page shows it,
 * (d) save a correction file's reason → the document page's 校勘说明 shows it,
 *
 * each the median of `--edits` saves. With --starlight the same documents are served by Starlight
 * 0.42 and (a) and (b) measured there (it has no metadata or correction files). Writes
 * bench/results/bench-dev-<timestamp>.json and .md. Not part of npm test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  measureEdit,
  pollUntil,
  renderDevReport,
  startDevServer,
  type DevContext,
  type DevEditFigures,
  type DevRun,
} from '../tools/bench/dev-bench.ts';
import { generateCorpus, readEntityNames, readSeedSources, writeCorpus } from '../tools/bench/generate-corpus.ts';
import { installStarlight, starlightAstro, writeStarlightSite } from '../tools/bench/starlight-project.ts';
import { copyProject, PROJECT_ROOT } from '../tools/project-copy.ts';
import { site } from '../src/config/site.config.ts';

const usage = 'npm run bench:dev -- [--docs 5,1000] [--edits 3] [--starlight] [--starlight-dir <folder>] [--seed 1]';
let parsed;
try {
  parsed = parseArgs({
    options: {
      docs: { type: 'string', default: '5,1000' },
      edits: { type: 'string', default: '3' },
      starlight: { type: 'boolean', default: false },
      'starlight-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '180' },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: ${usage}`);
  process.exit(1);
}
const options = parsed.values;
const seedCount = readSeedSources(join(PROJECT_ROOT, 'content')).length;
const docCounts = options.docs.split(',').map((s) => Number(s.trim()));
const repeats = Number(options.edits);
const timeoutMs = Number(options.timeout) * 1000;
if (docCounts.some((n) => !Number.isInteger(n) || n < seedCount) || !Number.isInteger(repeats) || repeats < 1 || !(timeoutMs > 0)) {
  console.error(
    `--docs takes document counts of at least ${seedCount} (the real sources), e.g. 5,1000; --edits a whole number ≥ 1; --timeout seconds.\nUsage: ${usage}`,
  );
  process.exit(1);
}
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const projectAstro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

/** The first file (sorted) of the first configured kind that has entity pages: the page edited in (b). */
function firstEntityPage(contentDir: string): { kind: string; slug: string } {
  for (const kind of site.kinds) {
    const dir = join(contentDir, kind.id);
    const file = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md') && !f.startsWith('generated-'))
          .sort()[0]
      : undefined;
    if (file) return { kind: kind.id, slug: file.slice(0, -'.md'.length) };
  }
  throw new Error('content/ has no entity pages to edit');
}

/** A real source with a corrections file: its metadata and its correction are edited in (c) and (d). */
function correctedSource(contentDir: string): string {
  const slug = readdirSync(join(contentDir, 'corrections'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()[0]
    ?.replace(/\.yaml$/, '');
  if (!slug) throw new Error('content/corrections/ has no corrections file to edit');
  return slug;
}

/** Appends a paragraph with the marker to a Markdown page's body. */
const appendParagraph = (original: string, marker: string) => `${original.trimEnd()}\n\n${marker}。\n`;

async function measureThisSite(documents: number, dir: string): Promise<DevRun> {
  const contentDir = join(dir, 'content');
  const entity = firstEntityPage(contentDir);
  const source = correctedSource(contentDir);
  const run: DevRun = { site: 'this site', documents, firstPage: '', edits: [] };
  const t0 = performance.now();
  let server;
  try {
    server = await startDevServer(projectAstro, dir, env);
    run.firstPage = new URL(server.url).pathname;
    const answered = await pollUntil(server.url, (status) => status === 200, timeoutMs * 3);
    if (answered === undefined) throw new Error(`the home page did not answer within ${(timeoutMs * 3) / 1000} s`);
    run.firstPageMs = performance.now() - t0;
    console.log(`  first page: ${(run.firstPageMs / 1000).toFixed(1)} s`);
    const edits: Array<Parameters<typeof measureEdit>[0]> = [
      {
        edit: 'entity-page',
        root: dir,
        file: `content/${entity.kind}/${entity.slug}.md`,
        page: `${entity.kind}/${entity.slug}/`,
        pageUrl: '',
        rewrite: appendParagraph,
        repeats,
        timeoutMs,
      },
      {
        edit: 'source-meta',
        root: dir,
        file: `content/sources/${source}.meta.yaml`,
        page: `documents/${source}/`,
        pageUrl: '',
        rewrite: (original, marker) =>
          original.replace(
            /^title: *(.+)$/m,
            (_, title: string) => `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '')}（${marker}）`)}`,
          ),
        repeats,
        timeoutMs,
      },
      {
        edit: 'correction',
        root: dir,
        file: `content/corrections/${source}.yaml`,
        page: `documents/${source}/`,
        pageUrl: '',
        // The first one-line reason: readers see it in the document page's 校勘说明.
        rewrite: (original, marker) =>
          original.replace(/^(\s*reason: )(.+)$/m, (_, key: string, reason: string) => `${key}${reason}（${marker}）`),
        repeats,
        timeoutMs,
      },
    ];
    for (const edit of edits) {
      // Visit the page once first: Astro renders a page on its first request, which is not the edit's cost.
      await pollUntil(server.url + edit.page, (status) => status === 200, timeoutMs);
      run.edits.push(await measureEdit({ ...edit, pageUrl: server.url + edit.page }));
    }
  } catch (error) {
    run.error = (error as Error).message.split('\n')[0];
    console.error(`  ${run.error}`);
  } finally {
    await server?.stop();
  }
  return run;
}

async function measureStarlight(documents: number, contentDir: string, starlightDir: string): Promise<DevRun> {
  writeStarlightSite(starlightDir, contentDir);
  const entity = firstEntityPage(contentDir);
  const run: DevRun = { site: 'Starlight 0.42', documents, firstPage: '/', edits: [] };
  const t0 = performance.now();
  let server;
  try {
    server = await startDevServer(starlightAstro(starlightDir), starlightDir, env);
    const answered = await pollUntil(server.url, (status) => status === 200, timeoutMs * 3);
    if (answered === undefined) throw new Error(`the home page did not answer within ${(timeoutMs * 3) / 1000} s`);
    run.firstPageMs = performance.now() - t0;
    console.log(`  first page: ${(run.firstPageMs / 1000).toFixed(1)} s`);
    const page = `${entity.kind}/${entity.slug}/`;
    await pollUntil(server.url + page, (status) => status === 200, timeoutMs);
    const figures: DevEditFigures = await measureEdit({
      edit: 'entity-page',
      root: starlightDir,
      file: `src/content/docs/${entity.kind}/${entity.slug}.md`,
      page,
      pageUrl: server.url + page,
      rewrite: appendParagraph,
      repeats,
      timeoutMs,
    });
    run.edits.push(figures);
  } catch (error) {
    run.error = (error as Error).message.split('\n')[0];
    console.error(`  ${run.error}`);
  } finally {
    await server?.stop();
  }
  return run;
}

const load = loadavg()[0];
const runs: DevRun[] = [];
const starlightDir = options['starlight-dir'] ?? (options.starlight ? installStarlight() : undefined);
try {
  for (const documents of docCounts) {
    const dir = copyProject('bench-dev-');
    try {
      const contentDir = join(dir, 'content');
      if (documents > seedCount) {
        const corpus = generateCorpus(readSeedSources(contentDir), {
          documents: documents - seedCount,
          seed: Number(options.seed),
          reservedNames: readEntityNames(contentDir),
        });
        writeCorpus(contentDir, corpus, { replace: false });
      }
      console.log(`\n── this site, ${documents} documents`);
      runs.push(await measureThisSite(documents, dir));
      if (starlightDir) {
        console.log(`── Starlight 0.42, ${documents} documents`);
        runs.push(await measureStarlight(documents, contentDir, starlightDir));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  }
} finally {
  if (starlightDir && !options['starlight-dir']) rmSync(starlightDir, { recursive: true, force: true });
}

const date = new Date().toISOString().slice(0, 10);
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, shared with other builds and tests while measuring (1-minute load ${load.toFixed(1)} at the start)`;
// The command as a reader would type it: a folder of this machine (--starlight-dir) is not part of it.
const typed = process.argv.slice(2).map((arg, i, all) => (all[i - 1] === '--starlight-dir' ? '<folder>' : arg));
const context: DevContext = { date, commit, machine, command: `npm run bench:dev -- ${typed.join(' ')}`.trimEnd() };
const resultsDir = join(PROJECT_ROOT, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
const base = join(resultsDir, `bench-dev-${stamp}`);
const report = renderDevReport(runs, context);
writeFileSync(`${base}.json`, JSON.stringify({ context, runs }, null, 2) + '\n');
writeFileSync(`${base}.md`, `# Dev-server benchmark, ${date}\n\n${report}`);
console.log(`\n${report}\nWritten to ${relative(PROJECT_ROOT, base)}.json and .md`);
