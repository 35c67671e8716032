/**
 * `npm run compile`: runs the document compiler over content/ and writes .generated/ for the Astro
 * routes (`npm run build` does this through the integration; this command is for checking content).
 *
 *   --check            validate only, write nothing
 *   --content <dir>    the content folder (default: $CONTENT_DIR, else content)
 */
import { runCompile } from '../src/lib/build/run-compile.ts';

process.exitCode = runCompile(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
