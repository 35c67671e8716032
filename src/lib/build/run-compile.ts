/**
 * The compile command as a function (`npm run compile`, and the bad-input battery, which runs it
 * in-process for speed): compiles content/ and writes .generated/, or validates only with --check.
 * Prints a report per document; on bad input every problem with its file, line or field and what to
 * do, and returns 1 (never a stack trace).
 */
import { join } from 'node:path';
import { ContentError, formatProblem, type Problem } from '../errors.ts';
import { formatReport, writeGenerated, type GeneratedChanges } from '../compiler/emit/write-generated.ts';
import { compileSite } from '../compiler/pipeline.ts';
import { createCompileCache, type CompileCache } from '../compiler/cache/document-cache.ts';
import { readSiteConfig, workPaths, type SiteConfig } from '../../config/environment.ts';
import { describeFileError } from '../compiler/source/list-folder.ts';
import { loadSynonyms, type Synonyms } from '../compiler/source/load-synonyms.ts';
import type { SiteBuild } from '../types.ts';
import { createUrls } from '../urls.ts';
import { partStart } from './step-timings.ts';

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
  let config: SiteConfig;
  try {
    config = readSiteConfig(env);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    printProblems(e.problems, io);
    return 1;
  }
  const result = compileAndReport(
    { contentDir, base: config.base, write: !check, cache: check ? undefined : diskCompileCache(env) },
    io,
    env,
  );
  if (result.status !== 'built') return result.status === 'problems' ? 1 : 3;
  const { build } = result;
  // A notice, not a failure: a document may be published before every detected value is checked;
  // its page marks those values 未核对 until the comment is removed.
  const unconfirmed = build.documents.filter((d) => d.unconfirmed?.length);
  if (unconfirmed.length > 0) {
    io.out(`\nNotice: ${unconfirmed.length} document(s) have metadata still marked # 待确认 (published, shown 未核对 on the page):`);
    for (const d of unconfirmed) io.out(`  ${join(contentDir, 'sources', `${d.slug}.meta.yaml`)}: ${d.unconfirmed!.join(', ')}`);
    io.out('  → Check each value against the document, correct it if needed, and delete its # 待确认 comment.');
  }
  return 0;
}

export interface CompileRequest {
  contentDir: string;
  base: string;
  /** Write .generated/ (only the files whose content changed); false validates only. */
  write: boolean;
  cache?: CompileCache;
  /** Times the compile's parts (step-timings.ts partStart), prefixed by this name. */
  timingsAs?: string;
}

export type CompileResult =
  | { status: 'built'; build: SiteBuild; synonyms: Synonyms; changes?: GeneratedChanges }
  | { status: 'problems'; problems: Problem[] }
  | { status: 'bug'; error: unknown };

/**
 * Compile content/ and print the report, or every problem with its file and what to do: the one
 * compile-and-print of `npm run compile`, `npm run build` and `npm run dev` (the integration).
 * A file the system cannot read (permissions, a folder where a file should be) is a problem of the
 * content like any other; anything else is a bug in the compiler, printed in one line (the stack
 * with COMPILE_DEBUG=1).
 */
export function compileAndReport(
  request: CompileRequest,
  io: CompileOutput,
  env: Record<string, string | undefined> = process.env,
): CompileResult {
  try {
    const part = (name: string) => partStart(`${request.timingsAs ?? 'compile'}:${name}`);
    const build = compileSite(request.contentDir, createUrls(request.base), { cache: request.cache, step: part });
    const synonyms = loadSynonyms(request.contentDir); // checked with the rest; the search index reads it after the build
    const endWrite = part('write-generated');
    const changes = request.write ? writeGenerated(build) : undefined;
    endWrite();
    io.out(formatReport(build));
    return { status: 'built', build, synonyms, changes };
  } catch (e) {
    const problems: Problem[] | undefined =
      e instanceof ContentError
        ? e.problems
        : (e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).path
          ? [describeFileError((e as NodeJS.ErrnoException).path!, e)]
          : undefined;
    if (problems) {
      printProblems(problems, io);
      return { status: 'problems', problems };
    }
    // Not the content's fault: a bug in the compiler. One line by default; the stack on request.
    const error = e as Error;
    io.err(`\nThe compiler failed (a bug in the compiler, not in the content): ${error?.message ?? String(e)}`);
    io.err(env.COMPILE_DEBUG ? String(error?.stack) : '(set COMPILE_DEBUG=1 to see where)');
    return { status: 'bug', error: e };
  }
}

function printProblems(problems: Problem[], io: CompileOutput): void {
  io.err(`\n${problems.length === 1 ? 'There is 1 problem' : `There are ${problems.length} problems`}; nothing was built:\n`);
  for (const p of problems) io.err('  ✗ ' + formatProblem(p));
  io.err('');
}

/**
 * The compile cache across builds: `$WORK_DIR/cache/policy-library` for side-by-side builds, else
 * node_modules/.cache/policy-library (where build tools keep caches; never committed).
 * COMPILE_CACHE=off compiles every document.
 */
export function diskCompileCache(env: Record<string, string | undefined> = process.env): CompileCache | undefined {
  if (env.COMPILE_CACHE === 'off') return undefined;
  return createCompileCache({ dir: workPaths(env).compileCache });
}
