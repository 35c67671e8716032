/**
 * `npm run bench:search`: the search benchmark (tools/bench/search-bench.ts) on the real /search/ page
 * of a built site (WORK_DIR/dist, or dist/; built first only if missing), all queries, two passes.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workPaths } from '../src/config/environment.ts';
import { launchChromium } from '../tools/browser/chromium.ts';
import { QUERIES, TARGETS, runBenchmark } from '../tools/bench/search-bench.ts';
import { serveStatic } from '../tools/static-server.ts';

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main() {
  const root = join(import.meta.dirname, '..');
  const dist = workPaths(process.env, root).dist;
  if (!existsSync(join(dist, 'search/index.html')) || !existsSync(join(dist, 'search-index/meta.json'))) {
    console.log(`No built site in ${dist}; building it first (npm run build).`);
    execSync('npm run build', { cwd: root, stdio: 'inherit', env: process.env });
  }
  const site = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const { outcomes, summary } = await runBenchmark({ dist, siteUrl: site.url, page, queries: QUERIES, passes: 2 });
    console.log(`Search benchmark: ${outcomes.length} queries on ${dist}\n`);
    console.log(['query', 'type', 'pages', 'found', 'recall', 'exact@10', 'entity 1st', 'ms'].join('\t'));
    for (const o of outcomes) {
      console.log(
        [
          o.q,
          o.type,
          o.relevant,
          o.matches,
          pct(o.recall),
          `${o.exactInTop}/${o.top}`,
          o.entityFirst === undefined ? '' : o.entityFirst ? 'yes' : `no (${o.results[0] ?? '-'})`,
          o.ms.toFixed(1),
        ].join('\t'),
      );
    }
    const checks: Array<[string, string, boolean]> = [
      ['recall (top 10, mean over queries)', pct(summary.recall), summary.recall >= TARGETS.recall],
      ['precision (top 10, all results)', pct(summary.precision), summary.precision >= TARGETS.precision],
      ['entity first (queries naming an entity)', pct(summary.entityFirst), summary.entityFirst >= TARGETS.entityFirst],
      ['complete lists (every page containing the query found)', pct(summary.complete), summary.complete === 1],
      ['time to results, median (warm)', `${summary.medianMs.toFixed(1)} ms`, true],
      ['time to results, p95 (warm)', `${summary.p95Ms.toFixed(1)} ms`, summary.p95Ms <= TARGETS.p95Ms],
    ];
    const cold = `first pass (cold: index files loading): median ${summary.coldMedianMs.toFixed(1)} ms, p95 ${summary.coldP95Ms.toFixed(1)} ms`;
    console.log('');
    for (const [name, value, ok] of checks) console.log(`${ok ? '✓' : '✗'} ${name}: ${value}`);
    console.log(`  ${cold}`);
    console.log(
      `  targets: recall ${pct(TARGETS.recall)}, precision ≥ ${pct(TARGETS.precision)}, entity first ≥ ${pct(TARGETS.entityFirst)}, p95 ≤ ${TARGETS.p95Ms} ms`,
    );
    if (checks.some(([, , ok]) => !ok)) process.exitCode = 1;
  } finally {
    await browser.close();
    await site.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
