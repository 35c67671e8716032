/**
 * `npm run check:content`: per document, the numbers, dates and 《》 titles the figures, events and
 * entity pages do not cover yet, and metadata still marked 待确认 (src/lib/authoring/check-content.ts).
 * A report: exit 0, or 1 when the content does not compile.
 *
 *   --content <dir>    the content folder (default: $CONTENT_DIR, else content)
 *   --all              list every item, not the first few per document
 */
import { runCheckContent } from '../src/lib/authoring/check-content.ts';

process.exitCode = runCheckContent(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
