import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { remove } from 'unist-util-remove';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError, type Problem } from '../../src/lib/errors.ts';
import { addDocument, type AddedDocument } from '../../src/lib/authoring/ingest/add-document.ts';
import { checkAddedDocument } from '../../src/lib/authoring/ingest/check-document.ts';
import { compileSite, type SiteBuild } from '../../src/lib/compiler/pipeline.ts';
import { sourceMetaSchema } from '../../src/lib/schema/source-meta.ts';
import { normalizeForMatching } from '../../src/lib/text/normalize-for-matching.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { docxFromText, paragraphsOf, pdfFromText } from '../fixtures/ingest/make-documents.ts';

/**
 * `npm run add-document` end to end on the real sources: each of the five texts added into an empty
 * library, and the annual plan as a PDF printed by Chromium, as a Word document and as a saved web
 * page, each compiled with the real pipeline (all entity pages) and checked for fidelity: every
 * paragraph of the source text is on the compiled page.
 */
const ROOT = join(import.meta.dirname, '../..');
const CONTENT = join(ROOT, 'content');
const SOURCES = join(CONTENT, 'sources');
const FIXTURES = join(ROOT, 'tests/fixtures/ingest');
const slugs = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));
const realMeta = (slug: string) => sourceMetaSchema.parse(parseYaml(readFileSync(join(SOURCES, `${slug}.meta.yaml`), 'utf8')));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** A content folder with the repository's entity pages, corrections and ignore list; sources as asked. */
function contentDir({ withSources }: { withSources: boolean }): string {
  const dir = tempDir('add-document-content-');
  for (const name of ['policies', 'projects', 'governance', 'corrections', 'entity-ignore.yaml'])
    cpSync(join(CONTENT, name), join(dir, name), { recursive: true });
  mkdirSync(join(dir, 'sources'));
  if (withSources) for (const name of readdirSync(SOURCES)) cpSync(join(SOURCES, name), join(dir, 'sources', name));
  return dir;
}

/**
 * What the person does after add-document: confirms the metadata (here: the values the repository
 * has for the document the text came from) and writes the summary. The fields add-document owns
 * (sha256, originalFile, extraction) are kept as written.
 */
function confirmMetadata(added: AddedDocument, confirmed: ReturnType<typeof realMeta>) {
  const written = parseYaml(readFileSync(added.metaFile, 'utf8')) as Record<string, unknown>;
  const { sha256: _sha, originalFile: _original, extraction: _extraction, ...person } = confirmed;
  writeFileSync(added.metaFile, JSON.stringify({ ...written, ...person }, null, 2));
}

function problemsOf(dir: string): Problem[] {
  try {
    compileSite(dir, createUrls('/'));
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
}

const pageText = (build: SiteBuild, slug: string) => {
  const doc = build.documents.find((d) => d.slug === slug);
  if (!doc) throw new Error(`${slug} was not compiled`);
  // As the document page shows it: 文号, title and issuer above the body (see src/pages/documents/).
  const { docNumber = '', title = '', issuer = '' } = doc.header;
  const body = fromHtml(doc.html, { fragment: true });
  // The permalink marks (# and ¶) are links the page adds, not text (as in tests/support/site.ts).
  remove(body, (n) => n.type === 'element' && /permalink|heading-anchor/.test(String((n as Element).properties.className ?? '')));
  return normalizeForMatching(docNumber + title + issuer + toString(body));
};
/** The source's paragraphs as the fidelity test compares them (line by line, then joined). */
const fidelityBlocks = (text: string) => paragraphsOf(text).map((b) => b.split('\n').map(normalizeForMatching).join(''));
const squash = (s: string) => s.replace(/\s+/g, '');

// Compiling with all entity pages takes a few seconds on a busy machine.
describe('add-document on the five sources (.txt)', { timeout: 60_000 }, () => {
  const dir = contentDir({ withSources: false });
  const added = new Map<string, AddedDocument>();

  beforeAll(async () => {
    const inbox = tempDir('add-document-inbox-');
    for (const slug of slugs) {
      cpSync(join(SOURCES, `${slug}.txt`), join(inbox, `${slug}.txt`));
      // No --slug: an ASCII file name gives it.
      added.set(slug, await addDocument({ file: join(inbox, `${slug}.txt`), contentDir: dir }));
    }
  }, 60_000);

  it('writes each text byte for byte, with its sha256, and no separate original', () => {
    expect(slugs).toHaveLength(5);
    for (const slug of slugs) {
      const doc = added.get(slug)!;
      expect(doc.slug).toBe(slug);
      expect(readFileSync(doc.sourceFile).equals(readFileSync(join(SOURCES, `${slug}.txt`)))).toBe(true);
      expect(doc.sha256).toBe(realMeta(slug).sha256);
      expect(parseYaml(readFileSync(doc.metaFile, 'utf8')).sha256).toBe(realMeta(slug).sha256);
      expect(doc.originalCopy).toBeUndefined();
    }
    expect(existsSync(join(dir, 'originals'))).toBe(false);
  });

  it('detects 普长府〔2022〕1号, 2022-01-13 and the issuer of the annual plan', () => {
    const meta = parseYaml(readFileSync(added.get('changzheng-2022-plan')!.metaFile, 'utf8'));
    expect(meta).toMatchObject({
      documentNumber: '普长府〔2022〕1号',
      date: '2022-01-13',
      issuer: '长征镇人民政府',
      kind: '通知',
      title: '长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知',
      region: '上海市普陀区长征镇',
    });
  });

  it('detects what the other four state: the plan’s title, issuer and kind; news reports as 新闻报道', () => {
    expect(added.get('changzheng-14th-five-year-plan')!.detected).toMatchObject({
      title: realMeta('changzheng-14th-five-year-plan').title,
      issuer: '普陀区长征镇人民政府',
      kind: '规划',
      region: '上海市普陀区长征镇',
    });
    for (const slug of slugs) expect(added.get(slug)!.detected.kind, slug).toBe(realMeta(slug).kind);
    expect(added.get('xinhong-hub-party-building')!.detected.region).toBe('上海市闵行区新虹街道');
  });

  it('marks every detected value 待确认 and leaves what it did not find empty', () => {
    const yaml = readFileSync(added.get('changzheng-14th-five-year-plan')!.metaFile, 'utf8');
    for (const field of ['title', 'kind', 'issuer', 'region']) expect(yaml).toMatch(new RegExp(`^${field}: .+# 待确认: `, 'm'));
    // The plan has no signature date and no 发文字号.
    expect(yaml).toMatch(/^date: "" {2}# 待确认: 未找到成文日期/m);
    expect(yaml).toMatch(/^# documentNumber: 未找到发文字号/m);
  });

  it('is refused by the build until the summary is written, then builds with every paragraph', () => {
    const before = problemsOf(dir);
    const summaryProblems = before.filter((p) => p.field === 'summary');
    expect(summaryProblems.map((p) => p.file).sort()).toEqual(slugs.map((s) => added.get(s)!.metaFile).sort());
    expect(summaryProblems[0].message).toMatch(/placeholder add-document wrote/);

    for (const slug of slugs) confirmMetadata(added.get(slug)!, realMeta(slug));
    const build = compileSite(dir, createUrls('/'));
    expect(build.documents.map((d) => d.slug).sort()).toEqual([...slugs].sort());
    const plan = pageText(build, 'changzheng-2022-plan');
    const lost = fidelityBlocks(readFileSync(join(SOURCES, 'changzheng-2022-plan.txt'), 'utf8')).filter((b) => !plan.includes(b));
    expect(lost).toEqual([]);
  });
});

describe('add-document on the annual plan as PDF, DOCX and saved web page', { timeout: 60_000 }, () => {
  const PLAN = readFileSync(join(SOURCES, 'changzheng-2022-plan.txt'), 'utf8');
  const dir = contentDir({ withSources: true });
  const inbox = tempDir('add-document-inbox-');
  const added: Record<'pdf' | 'docx' | 'web', AddedDocument | undefined> = { pdf: undefined, docx: undefined, web: undefined };
  let build: SiteBuild;

  beforeAll(async () => {
    writeFileSync(join(inbox, '长征镇2022年计划.pdf'), await pdfFromText(PLAN));
    writeFileSync(join(inbox, 'plan.docx'), await docxFromText(PLAN));
    added.pdf = await addDocument({ file: join(inbox, '长征镇2022年计划.pdf'), contentDir: dir, slug: 'plan-from-pdf' });
    added.docx = await addDocument({ file: join(inbox, 'plan.docx'), contentDir: dir, slug: 'plan-from-docx' });
    added.web = await addDocument({ file: join(FIXTURES, 'gov-article-page.html'), contentDir: dir, slug: 'plan-from-web' });
  }, 60_000);

  const all = () => Object.entries(added).map(([kind, doc]) => [kind, doc!] as const);

  it('keeps each original beside the source, byte for byte', () => {
    expect(readFileSync(added.pdf!.originalCopy!).equals(readFileSync(join(inbox, '长征镇2022年计划.pdf')))).toBe(true);
    expect(added.pdf!.originalCopy).toBe(join(dir, 'originals', 'plan-from-pdf.pdf'));
    expect(readFileSync(added.docx!.originalCopy!).equals(readFileSync(join(inbox, 'plan.docx')))).toBe(true);
    expect(readFileSync(added.web!.originalCopy!).equals(readFileSync(join(FIXTURES, 'gov-article-page.html')))).toBe(true);
    for (const [kind, doc] of all()) {
      const meta = parseYaml(readFileSync(doc.metaFile, 'utf8'));
      expect(meta.extraction, kind).toBe(kind === 'web' ? 'html' : kind);
      expect(meta.sha256, kind).toBe(sha256(readFileSync(doc.sourceFile)));
    }
    expect(parseYaml(readFileSync(added.pdf!.metaFile, 'utf8')).originalFile).toBe('长征镇2022年计划.pdf');
  });

  it('writes UTF-8 text with LF line ends, one paragraph per line', () => {
    for (const [kind, doc] of all()) {
      const text = readFileSync(doc.sourceFile, 'utf8');
      expect(text, kind).not.toMatch(/\r|\u00a0|\t/);
      expect(text.endsWith('\n'), kind).toBe(true);
      expect(text, kind).toContain('\n\n机关各部门、各基层单位：\n\n');
      expect(text, kind).toContain('\n\n长征镇人民政府\n2022');
    }
    // The PDF's page numbers (- 1 - … at the foot of its pages) are not text.
    expect(readFileSync(added.pdf!.sourceFile, 'utf8')).not.toMatch(/- \d+ -/);
  });

  it('extracts every paragraph of the source text (whitespace aside)', () => {
    // The web page shows 文号 and title in its own furniture, above the article.
    const expected = { pdf: paragraphsOf(PLAN), docx: paragraphsOf(PLAN), web: paragraphsOf(PLAN).slice(2) };
    for (const [kind, doc] of all()) {
      const text = squash(readFileSync(doc.sourceFile, 'utf8'));
      expect(
        expected[kind as keyof typeof expected].map(squash).filter((p) => !text.includes(p)),
        kind,
      ).toEqual([]);
    }
  });

  it('leaves the web page’s menus, scripts, share bar and footer out', () => {
    const text = readFileSync(added.web!.sourceFile, 'utf8');
    for (const furniture of [
      '首页',
      '政务公开',
      '当前位置',
      '索引号',
      '分享到',
      '沪ICP备',
      '相关文件',
      '_hmt',
      'toLocaleDateString',
      '请输入关键字',
      '【打印】',
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
    expect(text.startsWith('长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知\n\n')).toBe(true);
  });

  it('detects 发文字号, 成文日期 and issuer in every form', () => {
    for (const [kind, doc] of all()) {
      expect(doc.detected, kind).toMatchObject({
        date: '2022-01-13',
        issuer: '长征镇人民政府',
        kind: '通知',
        documentNumber: '普长府〔2022〕1号',
      });
    }
  });

  it('reports the summary to write, and entity and figure candidates of the new text', () => {
    const check = checkAddedDocument(dir, added.pdf!);
    expect(check.toFill.map((p) => p.field)).toEqual(['summary']);
    // The other two added documents still wait for their summaries too; nothing else is wrong.
    expect(check.problems.every((p) => p.field === 'summary')).toBe(true);
    expect(check.report?.paragraphs).toBeGreaterThan(10);
    expect(check.candidates.map((c) => c.term)).toContain('“最暖店小二”');
    // 建成3-5个社区教育实践基地: a figure for the entity page of 社区教育实践基地.
    expect(check.figures.find((f) => f.entityId === 'projects/shequ-jiaoyu-shijian-jidi')?.figures).toEqual(['3-5个']);
  });

  it('builds with the real pipeline once confirmed, every paragraph of the source on each page', () => {
    for (const [, doc] of all()) confirmMetadata(doc, realMeta('changzheng-2022-plan'));
    build = compileSite(dir, createUrls('/'));
    for (const [kind, doc] of all()) {
      const page = pageText(build, doc.slug);
      const blocks = fidelityBlocks(kind === 'web' ? paragraphsOf(PLAN).slice(2).join('\n\n') : PLAN);
      expect(
        blocks.filter((b) => !page.includes(b)),
        kind,
      ).toEqual([]);
      // And the page is what the compiler makes of the extracted text: nothing of it is lost either.
      const own = fidelityBlocks(readFileSync(doc.sourceFile, 'utf8'));
      expect(
        own.filter((b) => !page.includes(b)),
        kind,
      ).toEqual([]);
    }
  });
});
