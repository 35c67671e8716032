/**
 * `npm run add-document -- <file|folder> [--slug <slug>] [--content <dir>] [--dry-run]`: adds a
 * .txt, PDF, DOCX or saved web page (or every such file of a folder) to the library
 * (src/lib/authoring/ingest/): writes content/sources/<slug>.txt and its .meta.yaml (detected fields marked
 * 待确认, summary to write), keeps the original in content/originals/, then runs the content check.
 * Exit 0 when the file(s) were added; 1 with one message per file that could not be
 * (src/lib/authoring/add-document-command.ts).
 */
import { runAddDocument } from '../src/lib/authoring/add-document-command.ts';

process.exitCode = await runAddDocument(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
