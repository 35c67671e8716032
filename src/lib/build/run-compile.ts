/**
 * The compile command as a function (`npm run compile`, and the bad-input battery, which runs it
 * in-process for speed): compiles content/ and writes .generated/, or validates only with --check.
 * Prints a report per document; on bad input every problem with its file, line or field and what to
 * do, and returns 1 (never a stack trace).
 */
import { join } from 'node:path';
import { ContentError, formatProblem, type Problem } from '../errors.ts';
import { formatReport, writeGenerated } from '../compiler/emit/write-generated.ts';
import { compileSite } from '../compiler/pipeline.ts';
import { readSiteConfig } from '../../config/environment.ts';
import { describeFileError } from '../compiler/source/list-folder.ts';
import { loadSynonyms } from '../compiler/source/load-synonyms.ts';
import { createUrls } from '../urls.ts';

export interface CompileOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: npm run compile -- [--check] [--content <dir>]';

/** Runs the compiler as the command line does; returns the exit code. */
export function runCompile(argv: string[], env: Record<string, string | undefined>, io: CompileOutput): number {
  let check = false;
  let contentDir = env.CONTENT_DIR?.trim() || 'content';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') check = true;
    else if (arg === '--content' && argv[i + 1]) contentDir = argv[++i];
    else if (arg.startsWith('--content=')) contentDir = arg.slice('--content='.length);
    else {
      io.err(`Unknown option "${arg}"; ${USAGE}`);
      return 2;
    }
  }
  try {
    const config = readSiteConfig(env);
    const build = compileSite(contentDir, createUrls(config.base));
    loadSynonyms(contentDir); // checked with the rest; the search index reads it after the build
    if (!check) writeGenerated(build);
    io.out(formatReport(build));
    // A notice, not a failure: a document may be published before every detected value is checked;
    // its page marks those values 未核对 until the comment is removed.
    const unconfirmed = build.documents.filter((d) => d.unconfirmed?.length);
    if (unconfirmed.length > 0) {
      io.out(`\nNotice: ${unconfirmed.length} document(s) have metadata still marked # 待确认 (published, shown 未核对 on the page):`);
      for (const d of unconfirmed) io.out(`  ${join(contentDir, 'sources', `${d.slug}.meta.yaml`)}: ${d.unconfirmed!.join(', ')}`);
      io.out('  → Check each value against the document, correct it if needed, and delete its # 待确认 comment.');
    }
    return 0;
  } catch (e) {
    const problems: Problem[] | undefined =
      e instanceof ContentError ? e.problems : (e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).path ? [describeFileError((e as NodeJS.ErrnoException).path!, e)] : undefined;
    if (problems) {
      io.err(`\n${problems.length === 1 ? 'There is 1 problem' : `There are ${problems.length} problems`}; nothing was built:\n`);
      for (const p of problems) io.err('  ✗ ' + formatProblem(p));
      io.err('');
      return 1;
    }
    // Not the content's fault: a bug in the compiler. One line by default; the stack on request.
    const error = e as Error;
    io.err(`\nThe compiler failed (a bug in the compiler, not in the content): ${error?.message ?? String(e)}`);
    io.err(env.COMPILE_DEBUG ? String(error?.stack) : '(set COMPILE_DEBUG=1 to see where)');
    return 3;
  }
}
