/**
 * `npm run compile` (first step of `npm run build`): runs the document compiler over content/ and
 * writes .generated/ for the Astro routes. Prints a report per document; on bad input prints every
 * problem with its file, line or field, and exits non-zero. `--check` validates without writing.
 */
import { ContentError, formatProblem } from '../src/lib/errors.ts';
import { formatReport, writeGenerated } from '../src/lib/emit/write-generated.ts';
import { compileSite } from '../src/lib/pipeline.ts';
import { readSiteConfig } from '../src/lib/site-config.ts';
import { createUrls } from '../src/lib/urls.ts';

try {
  const config = readSiteConfig();
  const build = compileSite('content', createUrls(config.base));
  if (!process.argv.includes('--check')) writeGenerated(build);
  console.log(formatReport(build));
} catch (e) {
  if (e instanceof ContentError) {
    console.error(`\nThe content has ${e.problems.length} problem(s); nothing was built:\n`);
    for (const p of e.problems) console.error('  ✗ ' + formatProblem(p));
    console.error('');
    process.exit(1);
  }
  throw e;
}
