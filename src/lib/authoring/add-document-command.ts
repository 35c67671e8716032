/**
 * `npm run add-document -- <file|folder> [--slug <slug>] [--content <dir>] [--dry-run]` as a
 * function (scripts/add-document.ts is its thin entry; tests run it the same way).
 *
 * Exit codes tell the truth about the file(s) given: 0 when they were added (or, with --dry-run,
 * could be), 1 when one could not be. What the check finds in other documents is never this
 * command's failure, nor printed as the new document's problem: one line at the end counts it.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, type Problem } from '../errors.ts';
import { addDocument, batchSlug, type AddedDocument } from './ingest/add-document.ts';
import { detectedFields, type DetectedMetadata } from './ingest/detect-metadata.ts';
import { IngestError } from './ingest/ingest-error.ts';

export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: npm run add-document -- <file.txt|.pdf|.docx|.html | folder/> [--slug <slug>] [--content <dir>] [--dry-run]';

/** Why a file of a folder is not added, or undefined to add it. */
export function skipReason(name: string, isFile: boolean): string | undefined {
  if (name.startsWith('.')) return 'hidden file';
  if (!isFile) return 'a folder (folders are not read recursively)';
  if (name.endsWith('.expected.yaml')) return 'expected metadata of a test document, not a document';
  if (/^readme(\.|$)/i.test(name)) return 'a README, not a document';
  return undefined;
}

/** A file's one-line reason for not being added (IngestError: its message without the file, and the hint). */
const reasonOf = (e: unknown): string => {
  if (e instanceof IngestError) return e.problem.message + (e.problem.hint ? ` → ${e.problem.hint}` : '');
  return `could not be added: ${(e as Error)?.message ?? String(e)}`;
};

const DETECTED_FIELDS: Array<keyof DetectedMetadata> = ['title', 'kind', 'issuer', 'documentNumber', 'date', 'region'];

/** What a person must check in the new metadata: fields not found, and fields detected (marked 待确认). */
export function toCheck(detected: DetectedMetadata): string {
  const missing = DETECTED_FIELDS.filter((f) => !detected[f] && f !== 'documentNumber');
  const marked = DETECTED_FIELDS.filter((f) => detected[f]);
  return [missing.length ? `not found: ${missing.join(', ')}` : '', marked.length ? `待确认: ${marked.join(', ')}` : '', 'summary']
    .filter(Boolean)
    .join('; ');
}

/** Columns of a terminal table: CJK characters take two cells. */
const width = (s: string) =>
  [...s].reduce(
    (n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0,
  );
const clip = (s: string, max: number) => {
  if (width(s) <= max) return s;
  let out = '';
  for (const c of s) {
    if (width(out + c) > max - 1) return out + '…';
    out += c;
  }
  return out;
};

export function formatTable(header: string[], rows: string[][], maxWidths: number[]): string[] {
  const cells = [header, ...rows].map((r) => r.map((c, i) => clip(c, maxWidths[i] ?? 80)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c))))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

interface Row {
  file: string;
  added?: AddedDocument;
  reason?: string;
}

function summaryTable(rows: Row[]): string[] {
  return formatTable(
    ['file', 'slug', 'title (detected)', 'kind', 'date', 'to check'],
    rows.map((r) =>
      r.added
        ? [
            basename(r.file),
            r.added.slug,
            r.added.detected.title ?? '—',
            r.added.detected.kind ?? '—',
            r.added.detected.date ?? '—',
            toCheck(r.added.detected),
          ]
        : [basename(r.file), '—', '✗ not added', '', '', r.reason ?? ''],
    ),
    [48, 48, 40, 8, 10, 200],
  );
}

export async function runAddDocument(argv: string[], io: CommandOutput): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        content: { type: 'string', default: 'content' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`✗ ${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.positionals.length !== 1) {
    io.err(`✗ give exactly one file or folder to add.\n${USAGE}`);
    return 1;
  }
  const [target] = args.positionals;
  const contentDir = args.values.content;
  const dryRun = args.values['dry-run'];
  let isFolder = false;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // A missing path is addDocument's message (“does not exist”).
  }
  if (isFolder) {
    if (args.values.slug) {
      io.err(`✗ ${target}: --slug names one document; a folder's files take their slugs from their file names.\n${USAGE}`);
      return 1;
    }
    return addFolder(target, contentDir, dryRun, io);
  }
  return addOneFile(target, contentDir, args.values.slug, dryRun, io);
}

async function addOneFile(file: string, contentDir: string, slug: string | undefined, dryRun: boolean, io: CommandOutput): Promise<number> {
  let added: AddedDocument;
  try {
    added = await addDocument({ file, contentDir, slug, dryRun });
  } catch (e) {
    io.err(`✗ ${e instanceof IngestError ? e.message : `${file}: could not be added: ${(e as Error)?.message ?? String(e)}`}`);
    return 1;
  }
  if (dryRun) {
    io.out(`Dry run: nothing was written. ${file} would be added as "${added.slug}":\n`);
    for (const line of summaryTable([{ file, added }])) io.out(line);
    return 0;
  }
  io.out(`Added ${file} as "${added.slug}":`);
  io.out(`  ${added.sourceFile}   the source text (never edit it; sha256 ${added.sha256.slice(0, 12)}…)`);
  io.out(`  ${added.metaFile}   its metadata: check every 待确认, write the summary`);
  if (added.originalCopy) io.out(`  ${added.originalCopy}   the original, for 下载原文`);
  const d = added.detected;
  io.out('\nDetected (to confirm):');
  // Each value with where it was read; only what could not be found is marked.
  const optional = new Set(['documentNumber', 'published', 'indexNumber']);
  for (const field of detectedFields) {
    const value = d[field];
    if (value !== undefined) io.out(`  ${field.padEnd(15)} ${value}\n  ${''.padEnd(15)} ← ${d.evidence[field] ?? ''}`);
    else
      io.out(
        `  ${field.padEnd(15)} ${optional.has(field) ? '— not in the document (add it if it has one)' : '✗ not found: fill it in'}${d.evidence[field] ? `（${d.evidence[field]}）` : ''}`,
      );
  }

  // The compiler and the entity pages are loaded once there is a document to check.
  const { checkAddedDocument } = await import('./ingest/check-document.ts');
  let check;
  try {
    check = checkAddedDocument(contentDir, added);
  } catch (e) {
    // The document is added; a check that cannot run is reported, not the add's failure.
    io.out(`\nThe document was added, but the check could not run: ${(e as Error)?.message ?? String(e)}. Run npm run compile -- --check.`);
    return 0;
  }
  if (check.report) {
    const r = check.report;
    io.out(`\nThe compiler reads it as ${r.headings} headings and ${r.paragraphs} paragraphs (${r.joins} broken lines re-joined).`);
  }
  io.out(`\nStill to write in ${added.metaFile} (the build refuses the document until then):`);
  for (const p of check.toFill) io.out('  - ' + formatProblem(p));
  if (check.candidates.length > 0) {
    io.out(`\n${check.candidates.length} entity candidate(s) in the new text (names in “” or 《》 no entity page covers):`);
    for (const c of check.candidates.slice(0, 40)) io.out(`  ${String(c.count).padStart(3)}×  ${c.term}`);
    if (check.candidates.length > 40) io.out(`  … and ${check.candidates.length - 40} more: npm run entities:candidates`);
    io.out('  Add an entity page, an alias, or an entry with a reason in content/entity-ignore.yaml.');
  }
  if (check.figures.length > 0) {
    io.out(`\n${check.figures.length} figure candidate(s): sentences that name an entity and state a quantity (for its figures):`);
    for (const f of check.figures.slice(0, 20))
      io.out(`  ${f.entityId}  ${f.figures.join('、')}  「${f.sentence.length > 60 ? f.sentence.slice(0, 60) + '…' : f.sentence}」`);
    if (check.figures.length > 20) io.out(`  … and ${check.figures.length - 20} more`);
  }
  printOwnProblems(check.problems, io);
  io.out('\nNext: confirm the metadata, write the summary, then npm run compile -- --check and npm test.');
  const { othersLine } = await import('./ingest/check-document.ts');
  const others = othersLine(check.others);
  if (others) io.out(`\n${others}`);
  return 0;
}

/** The new document's own problems besides its metadata: to fix, but the document is in. */
function printOwnProblems(problems: Problem[], io: CommandOutput): void {
  if (problems.length === 0) return;
  io.out(`\nThe check found ${problems.length} problem(s) of the new document besides the metadata to write:`);
  for (const p of problems.slice(0, 20)) io.out('  ✗ ' + formatProblem(p));
  if (problems.length > 20) io.out(`  … and ${problems.length - 20} more: npm run compile -- --check`);
}

/** Skipped files grouped by reason: `README.md (a README, not a document); 22 files *.expected.yaml (…)`. */
function describeSkipped(skipped: Array<{ name: string; reason: string }>): string {
  const byReason = Map.groupBy(skipped, (s) => s.reason);
  return [...byReason]
    .map(([reason, files]) =>
      files.length <= 3
        ? `${files.map((f) => f.name).join(', ')} (${reason})`
        : `${files.length} files such as ${files[0].name} (${reason})`,
    )
    .join('; ');
}

async function addFolder(folder: string, contentDir: string, dryRun: boolean, io: CommandOutput): Promise<number> {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const skipped: Array<{ name: string; reason: string }> = [];
  const files: string[] = [];
  for (const e of entries) {
    const reason = skipReason(e.name, e.isFile());
    if (reason) skipped.push({ name: e.name, reason });
    else files.push(join(folder, e.name));
  }
  if (files.length === 0) {
    io.err(
      `✗ ${folder}: holds no document to add${skipped.length ? ` (skipped: ${describeSkipped(skipped)})` : ''}\n    → Give a folder of .txt, .pdf, .docx or .html files, or one file.`,
    );
    return 1;
  }
  const claimed = new Set<string>();
  const rows: Row[] = [];
  for (const file of files) {
    const slug = batchSlug(file, contentDir, claimed);
    try {
      rows.push({ file, added: await addDocument({ file, contentDir, slug, dryRun }) });
    } catch (e) {
      rows.push({ file, reason: reasonOf(e) });
    }
  }
  const added = rows.filter((r) => r.added);
  const failed = rows.length - added.length;
  io.out(
    dryRun
      ? `Dry run: nothing was written. ${folder}: ${added.length} file(s) would be added, ${failed} could not be.\n`
      : `${folder}: ${added.length} file(s) added, ${failed} could not be.\n`,
  );
  for (const line of summaryTable(rows)) io.out(line);
  if (skipped.length) io.out(`\nSkipped ${skipped.length} file(s): ${describeSkipped(skipped)}.`);
  if (!dryRun && added.length > 0) {
    const { contentProblems, splitProblems, othersLine } = await import('./ingest/check-document.ts');
    let problems: Problem[];
    try {
      problems = contentProblems(contentDir);
    } catch (e) {
      // The files are added; a check that cannot run is reported, not their failure.
      io.out(`\nThe files were added, but the check could not run: ${(e as Error)?.message ?? String(e)}. Run npm run compile -- --check.`);
      return failed > 0 ? 1 : 0;
    }
    const split = splitProblems(problems, new Set(added.map((r) => r.added!.slug)));
    const metaFiles = new Set(added.map((r) => r.added!.metaFile));
    printOwnProblems(
      split.own.filter((p) => !metaFiles.has(p.file)),
      io,
    );
    io.out(
      '\nNext: in each new .meta.yaml, check every 待确认 value against the document and delete the mark, fill what was not found and write the summary; then npm run compile -- --check.',
    );
    const others = othersLine(split.others);
    if (others) io.out(`\n${others}`);
  }
  return failed > 0 ? 1 : 0;
}
