/**
 * `npm run check:content`: what the library's documents still lack, per document, as a list to
 * work through: numbers with a unit that no figure (指标) cites, explicit dates no event (大事记)
 * cites, 《》 titles with no entity page (or reasoned ignore entry), and metadata fields still
 * marked 待确认. None of these stops a document from being published, so the report exits 0;
 * it exits 1 only when the content itself has problems the compiler refuses (as
 * `npm run compile -- --check` reports them).
 *
 * The tests hold the five curated sources to full coverage (tests/unit/fact-coverage.test.ts,
 * entity-coverage.test.ts); new documents are reported here instead, so adding one never breaks
 * `npm test`.
 */
import { join } from 'node:path';
import { ContentError, formatProblem } from '../errors.ts';
import { compileSite } from '../compiler/pipeline.ts';
import { readSiteConfig } from '../../config/environment.ts';
import { uncoveredTitles, type UncoveredTitle } from './candidates/entity-candidates.ts';
import { factCoverage, type Uncovered } from './candidates/fact-coverage.ts';
import { loadEntities } from '../compiler/source/load-entities.ts';
import { loadFiguresAndEvents } from '../compiler/source/load-figures-and-events.ts';
import { loadIgnoreList } from '../compiler/source/load-ignore-list.ts';
import { decodeSource } from '../text/decode-source.ts';
import { createUrls } from '../urls.ts';

export interface DocumentContentReport {
  slug: string;
  numbers: Uncovered[];
  dates: Uncovered[];
  titles: UncoveredTitle[];
  /** Metadata fields whose line still carries `# 待确认`. */
  unconfirmed: string[];
}

/** The report of every document of a content folder; throws ContentError when the content does not compile. */
export function contentReport(contentDir: string, base = '/'): DocumentContentReport[] {
  const build = compileSite(contentDir, createUrls(base));
  const facts = loadFiguresAndEvents(contentDir);
  const { numbers, dates } = factCoverage(build, { figures: facts.figureIgnore.entries, dates: facts.dateIgnore.entries });
  const { entities } = loadEntities(contentDir);
  const titles = uncoveredTitles(
    build.documents.map((d) => ({ document: d.slug, text: decodeSource(d.source.bytes, d.slug) })),
    entities.flatMap((e) => [e.name, ...e.aliases]),
    loadIgnoreList(contentDir),
  );
  return build.documents.map((d) => ({
    slug: d.slug,
    numbers: numbers.uncovered.filter((u) => u.document === d.slug),
    dates: dates.uncovered.filter((u) => u.document === d.slug),
    titles: titles.filter((t) => t.document === d.slug),
    unconfirmed: d.unconfirmed ?? [],
  }));
}

export interface CheckContentOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: npm run check:content -- [--content <dir>] [--all]';
/** Items listed per document and kind before “… and N more” (--all lists every one). */
const LISTED = 12;

export function runCheckContent(argv: string[], env: Record<string, string | undefined>, io: CheckContentOutput): number {
  let contentDir = env.CONTENT_DIR?.trim() || 'content';
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--content' && argv[i + 1]) contentDir = argv[++i];
    else if (arg.startsWith('--content=')) contentDir = arg.slice('--content='.length);
    else if (arg === '--all') all = true;
    else {
      io.err(`Unknown option "${arg}"; ${USAGE}`);
      return 2;
    }
  }
  let report: DocumentContentReport[];
  try {
    report = contentReport(contentDir, readSiteConfig(env).base);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    io.err(`\nThe content has ${e.problems.length} problem(s) to fix first (npm run compile -- --check):\n`);
    for (const p of e.problems) io.err('  ✗ ' + formatProblem(p));
    return 1;
  }
  const list = <T>(items: T[], show: (item: T) => string) => {
    for (const item of all ? items : items.slice(0, LISTED)) io.out(`      ${show(item)}`);
    if (!all && items.length > LISTED) io.out(`      … and ${items.length - LISTED} more (--all lists every one)`);
  };
  const open = report.filter((d) => d.numbers.length + d.dates.length + d.titles.length + d.unconfirmed.length > 0);
  for (const d of open) {
    io.out(
      `\n${join(contentDir, 'sources', `${d.slug}.txt`)}: ${d.numbers.length} number(s) without a figure, ${d.dates.length} date(s) without an event, ${d.titles.length} 《》 title(s) without an entity page, ${d.unconfirmed.length} field(s) marked 待确认`,
    );
    if (d.unconfirmed.length) io.out(`    待确认 in ${d.slug}.meta.yaml: ${d.unconfirmed.join(', ')}`);
    if (d.numbers.length) {
      io.out('    numbers (add to content/figures.yaml, or to figure-ignore.yaml with a reason):');
      list(d.numbers, (u) => `${u.text}  …${u.context}…  (#${u.anchor})`);
    }
    if (d.dates.length) {
      io.out('    dates (add to content/events.yaml, or to date-ignore.yaml with a reason):');
      list(d.dates, (u) => `${u.text}  …${u.context}…  (#${u.anchor})`);
    }
    if (d.titles.length) {
      io.out('    《》 titles (write an entity page or alias, or add to content/entity-ignore.yaml with a reason):');
      list(d.titles, (t) => t.title);
    }
  }
  const sum = (pick: (d: DocumentContentReport) => number) => report.reduce((n, d) => n + pick(d), 0);
  io.out(
    `\n${report.length} document(s), ${open.length} with something to do: ${sum((d) => d.numbers.length)} number(s) without a figure, ${sum((d) => d.dates.length)} date(s) without an event, ` +
      `${sum((d) => d.titles.length)} 《》 title(s) without an entity page, ${sum((d) => d.unconfirmed.length)} field(s) marked 待确认.`,
  );
  return 0;
}
