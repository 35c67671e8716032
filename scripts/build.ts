/**
 * `npm run build`: `astro build` with Astro's own log limited to warnings, so the output is the
 * compiler's document report, the post-build summary and any problem, not one line per page
 * (thousands at library scale). The pipeline is the same as `astro build`: the policy-library
 * integration (src/lib/astro/integration.ts) runs every step.
 *
 * The site is built into a folder beside dist/ that replaces it only when everything succeeded
 * (src/lib/build/atomic-build.ts): a failed build leaves the last good site in place. A failure is
 * printed once, with its file and what to do, without Astro's wrapper or a stack trace
 * (src/lib/build/build-failure.ts; BUILD_DEBUG=1 adds the stack).
 */
import { build } from 'astro';
import { workPaths } from '../src/config/environment.ts';
import { buildAtomically } from '../src/lib/build/atomic-build.ts';
import { describeBuildFailure } from '../src/lib/build/build-failure.ts';

// Where astro.config.mjs puts the site: dist/, or $WORK_DIR/dist for side-by-side builds.
const outDir = workPaths().dist;
const buildLog = new URL('../src/lib/build/build-log.ts', import.meta.url);

try {
  await buildAtomically(outDir, async (temp) => {
    await build({ logLevel: 'warn', outDir: temp, logger: { entrypoint: buildLog, config: { level: 'warn' } } });
  });
} catch (e) {
  console.error('\n' + describeBuildFailure(e, Boolean(process.env.BUILD_DEBUG)));
  process.exit(1);
}
