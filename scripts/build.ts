/**
 * `npm run build`: `astro build` with Astro's own log limited to warnings and errors, so the output
 * is the compiler's document report, the post-build summary and any problem, not one line per
 * page (thousands at library scale). The pipeline is the same as `astro build`: the
 * policy-library integration (src/lib/astro/integration.ts) runs every step.
 */
import { build } from 'astro';

try {
  await build({ logLevel: 'warn' });
} catch (e) {
  // Astro has already printed what went wrong; the stack trace adds nothing for an author.
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
