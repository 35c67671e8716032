/**
 * `npm run add-document -- <file> [--slug <slug>] [--content <dir>]`: adds a .txt, PDF, DOCX or
 * saved web page to the library (src/lib/ingest/): writes content/sources/<slug>.txt and its
 * .meta.yaml (detected fields marked 待确认, summary to write), keeps the original in
 * content/originals/, then runs the content check and lists entity and figure candidates of the
 * new text.
 * A file that cannot be added gets one message and exit code 1; nothing is written then.
 */
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/lib/errors.ts';
import { addDocument } from '../src/lib/ingest/add-document.ts';
import { IngestError } from '../src/lib/ingest/ingest-error.ts';

const USAGE = 'usage: npm run add-document -- <file.txt|.pdf|.docx|.html> [--slug <slug>] [--content <dir>]';

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' }, content: { type: 'string', default: 'content' } } });
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}
if (args.positionals.length !== 1) fail(`give exactly one file to add.\n${USAGE}`);
const [file] = args.positionals;
const contentDir = args.values.content;

try {
  const added = await addDocument({ file, contentDir, slug: args.values.slug });
  console.log(`Added ${file} as "${added.slug}":`);
  console.log(`  ${added.sourceFile}   the source text (never edit it; sha256 ${added.sha256.slice(0, 12)}…)`);
  console.log(`  ${added.metaFile}   its metadata: check every 待确认, write the summary`);
  if (added.originalCopy) console.log(`  ${added.originalCopy}   the original, for 下载原文`);
  const d = added.detected;
  console.log('\nDetected (to confirm):');
  for (const [label, value] of [['title', d.title], ['kind', d.kind], ['issuer', d.issuer], ['documentNumber', d.documentNumber], ['date', d.date], ['region', d.region]]) {
    console.log(`  ${(label ?? '').padEnd(15)} ${value ?? '— not found, fill it in'}`);
  }

  // The compiler and the entity pages are loaded once there is a document to check.
  const { checkAddedDocument } = await import('../src/lib/ingest/check-document.ts');
  const check = checkAddedDocument(contentDir, added);
  if (check.report) {
    const r = check.report;
    console.log(`\nThe compiler reads it as ${r.headings} headings and ${r.paragraphs} paragraphs (${r.joins} broken lines re-joined).`);
  }
  console.log(`\nStill to write in ${added.metaFile} (the build refuses the document until then):`);
  for (const p of check.toFill) console.log('  - ' + formatProblem(p));
  if (check.candidates.length > 0) {
    console.log(`\n${check.candidates.length} entity candidate(s) in the new text (names in “” or 《》 no entity page covers):`);
    for (const c of check.candidates.slice(0, 40)) console.log(`  ${String(c.count).padStart(3)}×  ${c.term}`);
    if (check.candidates.length > 40) console.log(`  … and ${check.candidates.length - 40} more: npm run entities:candidates`);
    console.log('  Add an entity page, an alias, or an entry with a reason in content/entity-ignore.yaml.');
  }
  if (check.figures.length > 0) {
    console.log(`\n${check.figures.length} figure candidate(s): sentences that name an entity and state a quantity (for its figures):`);
    for (const f of check.figures.slice(0, 20)) console.log(`  ${f.entityId}  ${f.figures.join('、')}  「${f.sentence.length > 60 ? f.sentence.slice(0, 60) + '…' : f.sentence}」`);
    if (check.figures.length > 20) console.log(`  … and ${check.figures.length - 20} more`);
  }
  if (check.problems.length > 0) {
    console.error(`\nThe check found ${check.problems.length} problem(s) besides the metadata to write:\n`);
    for (const p of check.problems.slice(0, 20)) console.error('  ✗ ' + formatProblem(p));
    if (check.problems.length > 20) console.error(`  … and ${check.problems.length - 20} more: npm run compile -- --check`);
    process.exit(1);
  }
  console.log('\nNext: confirm the metadata, write the summary, then npm run compile -- --check and npm test.');
} catch (e) {
  if (e instanceof IngestError) fail(e.message);
  // Anything else is a bug here, not the author's mistake: still one line, with the file named.
  fail(`${file}: could not be added: ${(e as Error).message}`);
}
