import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentReport, runCheckContent } from '../../src/lib/authoring/check-content.ts';
import { runCompile } from '../../src/lib/build/run-compile.ts';
import { addDocument, type AddedDocument } from '../../src/lib/authoring/ingest/add-document.ts';
import { unconfirmedFields } from '../../src/lib/compiler/source/load-sources.ts';
import { confirmMetadata } from '../support/confirm-metadata.ts';
import { curatedEntityCoverage, curatedFactCoverage } from '../support/curated-coverage.ts';
import { PROJECT_ROOT, copyProject } from '../../tools/project-copy.ts';

/**
 * Adding real documents never breaks the tests: in a copy of the project, every document of the
 * development corpus (../shared/real-docs/, seven formats) is added with add-document and confirmed as an editor would (the true metadata of
 * their .expected.yaml, a summary, the 待确认 marks removed, one left in place). The curated
 * sources' coverage checks still pass on that library, and `npm run check:content` reports what the
 * new documents lack (their numbers without a figure) and exits 0.
 */
const REAL_DOCS = resolve(PROJECT_ROOT, '../shared/real-docs');
const FIRST = [
  'txt-xinyu-green-building-measures-2012-pkulaw.txt',
  'html-govcn-policy-page-guobanfa-2018-123-fragment.html',
  'pdf-hainan-farm-machinery-subsidy-implementation-plan-2024-libreoffice.pdf',
];
// Then every other document of the corpus (the scans too when Tesseract is here to read them).
const hasOcr = existsSync('/usr/bin/tesseract') && existsSync('/usr/bin/pdftoppm');
const FILES = [
  ...FIRST,
  ...(existsSync(REAL_DOCS) ? readdirSync(REAL_DOCS) : [])
    .filter((f) => !f.endsWith('.yaml') && !f.endsWith('.md') && !FIRST.includes(f) && (hasOcr || !f.includes('scanned')))
    .sort(),
];
const work = copyProject('check-content-');
const content = join(work, 'content');
const added: AddedDocument[] = [];

beforeAll(async () => {
  for (const file of FILES)
    added.push(
      await addDocument({
        file: join(REAL_DOCS, file),
        contentDir: content,
        slug: file
          .replace(/\.[a-z]+$/, '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .slice(0, 60)
          .replace(/-+$/, ''),
      }),
    );
  added.forEach((doc, i) => confirmMetadata(doc, join(REAL_DOCS, `${FILES[i]}.expected.yaml`), i === 0 ? ['date'] : []));
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a library with real documents added', { timeout: 300_000 }, () => {
  it('still passes the curated sources’ figure, date and 《》 coverage checks', () => {
    const { build, numbers, dates } = curatedFactCoverage(content);
    expect(build.documents.map((d) => d.slug)).toEqual(expect.arrayContaining(added.map((d) => d.slug)));
    expect(numbers.uncovered).toEqual([]);
    expect(numbers.unused).toEqual([]);
    expect(dates.uncovered).toEqual([]);
    expect(curatedEntityCoverage(content).uncovered).toEqual([]);
  });

  it('reports each new document’s numbers without a figure and the field still marked 待确认', () => {
    const report = new Map(contentReport(content).map((d) => [d.slug, d]));
    for (const doc of added) {
      const own = report.get(doc.slug)!;
      // Every new document is reported (what it lacks may be nothing: a short letter).
      expect(own, doc.slug).toBeDefined();
    }
    expect(report.get(added[0].slug)!.unconfirmed).toEqual(['date']);
    expect(report.get(added[1].slug)!.unconfirmed).toEqual([]);
    expect(report.get('changzheng-2022-plan')).toMatchObject({ numbers: [], dates: [], titles: [], unconfirmed: [] });
  });

  it('npm run check:content prints them per document with counts and exits 0', () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCheckContent(['--content', content], {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const printed = out.join('\n');
    // The three documents with numbers and dates are listed with their counts.
    for (const doc of added.slice(0, FIRST.length))
      expect(printed).toMatch(
        new RegExp(
          `${doc.slug}\\.txt: [1-9]\\d* number\\(s\\) without a figure|${doc.slug}\\.txt: \\d+ number\\(s\\) without a figure, [1-9]`,
        ),
      );
    expect(printed).toMatch(new RegExp(`待确认 in ${added[0].slug}\\.meta\\.yaml: date`));
    expect(printed).toMatch(new RegExp(`^${5 + added.length} document\\(s\\), \\d+ with something to do: \\d+ number`, 'm'));
  });

  it('npm run compile -- --check lists the field still marked 待确认 as a notice, not a failure', () => {
    const out: string[] = [];
    const code = runCompile(['--check', '--content', content], {}, { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    const printed = out.join('\n');
    expect(printed).toContain('Notice: 1 document(s) have metadata still marked # 待确认');
    expect(printed).toContain(`${added[0].slug}.meta.yaml: date`);
  });

  it('exits 1 with the compiler’s problems when the content does not compile', () => {
    const meta = readFileSync(added[1].metaFile, 'utf8');
    writeFileSync(added[1].metaFile, meta.replace(/^summary: .*$/m, 'summary: TODO：'));
    try {
      const err: string[] = [];
      expect(runCheckContent(['--content', content], {}, { out: () => {}, err: (l) => err.push(l) })).toBe(1);
      expect(err.join('\n')).toContain(`${added[1].metaFile}:`);
    } finally {
      writeFileSync(added[1].metaFile, meta);
    }
  });
});

describe('unconfirmedFields', () => {
  it('reads the 待确认 comment of each top-level field, not 待确认 in values or in comment lines', () => {
    const yaml = [
      '# Check every value marked 待确认',
      'title: 关于印发《待确认事项清单》的通知  # 待确认: 取自开头的标题行',
      'kind: 通知',
      '# documentNumber: 未找到发文字号；待确认',
      'date: "2022-01-13"  # 待确认: 成文日期',
      'summary: 本文列出待确认的事项。',
      'extraction: pdf  # 核对过',
    ].join('\n');
    expect(unconfirmedFields(yaml)).toEqual(['title', 'date']);
    expect(unconfirmedFields('')).toEqual([]);
  });
});
