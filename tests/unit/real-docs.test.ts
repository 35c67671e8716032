/**
 * The importer on real government documents (../shared/real-docs/, never copied into the
 * project): every file is read (or refused with one clear message), its metadata detected and
 * compared with the true values beside it (`<file>.expected.yaml`), and its compiled outline
 * compared with the outline a reader expects (tests/fixtures/real-docs/<file>.yaml, written by
 * reading each document). No sentence of the extracted text may be lost or duplicated on the
 * page, and tables stay tables.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse as parseYaml, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectMetadata, type DetectedMetadata } from '../../src/lib/authoring/ingest/detect-metadata.ts';
import { extractSourceText } from '../../src/lib/authoring/ingest/extract.ts';
import { IngestError } from '../../src/lib/authoring/ingest/ingest-error.ts';
import { siteDetectionContext } from '../../src/lib/authoring/ingest/metadata/context.ts';
import { sourceToMdast } from '../../src/lib/compiler/pipeline.ts';
import { correctionsSchema } from '../../src/lib/schema/corrections.ts';
import type { SourceMeta } from '../../src/lib/schema/source-meta.ts';
import { normalizeForMatching } from '../../src/lib/text/normalize-for-matching.ts';
import { fieldRight } from '../../tools/ingest-battery.ts';

/** The page's text block by block, normalised as the site's fidelity test normalises it. */
function pageText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      parts.push(normalizeForMatching(toString(node)));
      return 'skip';
    }
  });
  return parts.join('\u0000');
}

const CORPUS = join(import.meta.dirname, '../../../shared/real-docs');
const FIXTURES = join(import.meta.dirname, '../fixtures/real-docs');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => !f.endsWith('.yaml') && !f.endsWith('.md'))
      .sort()
  : [];

const hasOcr = (() => {
  try {
    execFileSync('tesseract', ['--list-langs'], { stdio: 'pipe' }).toString();
    return execFileSync('tesseract', ['--list-langs'], { stdio: 'pipe' }).toString().includes('chi_sim') && existsSync('/usr/bin/pdftoppm');
  } catch {
    return false;
  }
})();

interface Expected {
  title: string;
  issuer: string | null;
  date: string | null;
  documentNumber: string | null;
  kind: string | null;
  region: string | null;
}
interface ExpectedOutline {
  outline: Array<[number, string]>;
  tables?: number;
  /** A file that must be refused (with the reason it must give). */
  refused?: string;
}

const FIELDS = ['title', 'issuer', 'date', 'documentNumber', 'kind', 'region'] as const;

interface Imported {
  file: string;
  format: string;
  detected?: DetectedMetadata;
  tree?: Root;
  header?: { title?: string; docNumber?: string; issuer?: string };
  text?: string;
  refused?: string;
}

const imported = new Map<string, Imported>();

const needsOcr = (file: string) => /scanned/.test(file);

beforeAll(async () => {
  for (const file of files) {
    const format = file.split('-')[0];
    if (needsOcr(file) && !hasOcr) continue;
    try {
      const extracted = await extractSourceText(new Uint8Array(readFileSync(join(CORPUS, file))), file);
      const detected = detectMetadata(extracted.text, extracted.hints, siteDetectionContext());
      const expected = parseYaml(readFileSync(join(CORPUS, `${file}.expected.yaml`), 'utf8')) as Expected;
      // The page is compiled with the metadata a person confirms: the true title and issuer.
      const meta = {
        title: expected.title,
        issuer: expected.issuer ?? '',
        kind: '通知',
        date: '2020',
        region: '全国',
        originalFile: file,
        extraction: extracted.extraction,
        summary: '真实文件导入测试。',
        sha256: '0'.repeat(64),
      } as unknown as SourceMeta;
      const { tree, header } = sourceToMdast({
        slug: 'real',
        file,
        bytes: extracted.bytes,
        meta,
        corrections: correctionsSchema.parse({}),
        correctionsFile: 'none.yaml',
      });
      imported.set(file, { file, format, detected, tree, header, text: extracted.text });
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      imported.set(file, { file, format, refused: e.message });
    }
  }
}, 600_000);

describe('real documents: metadata', () => {
  it('detects ≥ 95 % of the true metadata fields (title, issuer, date, 文号, kind, region)', () => {
    const perFormat = new Map<string, { right: number; total: number }>();
    const wrong: string[] = [];
    for (const [file, doc] of imported) {
      if (!doc.detected) continue;
      const expected = parseYaml(readFileSync(join(CORPUS, `${file}.expected.yaml`), 'utf8')) as Expected;
      const score = perFormat.get(doc.format) ?? { right: 0, total: 0 };
      for (const field of FIELDS) {
        score.total++;
        if (fieldRight(field, doc.detected[field], expected[field])) score.right++;
        else wrong.push(`${file} ${field}: ${doc.detected[field] ?? '—'} ≠ ${expected[field] ?? '—'}`);
      }
      perFormat.set(doc.format, score);
    }
    const right = [...perFormat.values()].reduce((n, s) => n + s.right, 0);
    const total = [...perFormat.values()].reduce((n, s) => n + s.total, 0);
    console.log(
      `metadata: ${right}/${total} fields right; per format: ${[...perFormat].map(([f, s]) => `${f} ${s.right}/${s.total}`).join(', ')}\n  wrong: ${wrong.join('\n  ')}`,
    );
    expect(total).toBeGreaterThan(0);
    expect(right / total, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every detected value its evidence', () => {
    for (const doc of imported.values()) {
      if (!doc.detected) continue;
      for (const field of FIELDS)
        if (doc.detected[field] !== undefined) expect(doc.detected.evidence[field], `${doc.file} ${field}`).toBeTruthy();
    }
  });
});

describe('real documents: structure', () => {
  for (const file of files) {
    it(file, (ctx) => {
      if (needsOcr(file) && !hasOcr) ctx.skip();
      const doc = imported.get(file);
      expect(doc, file).toBeDefined();
      if (!doc) return;
      const expectedFile = join(FIXTURES, `${file}.yaml`);
      const outline: Array<[number, string]> = [];
      let tables = 0;
      if (doc.tree) {
        visit(doc.tree, (node) => {
          if (node.type === 'heading') outline.push([node.depth, toString(node)]);
          if (node.type === 'table') tables++;
        });
      }
      const actual: ExpectedOutline = doc.refused ? { outline: [], refused: doc.refused.split('\n')[0] } : { outline, tables };
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, stringify(actual, { lineWidth: 0 }));
      const expected = parseYaml(readFileSync(expectedFile, 'utf8')) as ExpectedOutline;
      expect(actual.refused ? 'refused' : 'added').toBe(expected.refused ? 'refused' : 'added');
      if (expected.refused) return;
      expect(outline).toEqual(expected.outline);
      expect(tables).toBe(expected.tables ?? 0);
      // The title is the page's H1, never a heading inside the page; a title block found in the text is that title.
      if (doc.header?.title)
        expect(doc.header.title.replace(/\s/g, '')).toBe(
          parseYaml(readFileSync(join(CORPUS, `${file}.expected.yaml`), 'utf8')).title.replace(/\s/g, ''),
        );

      // No sentence lost, none duplicated: every sentence of the extracted text is on the page as often as in the text.
      // Both sides as the fidelity test of the site compares them (the cleaning rules' forms).
      const cells = (t: string) => t.replace(/\|\s*-{3,}\s*/g, '').replace(/\*\*|\|/g, '');
      const header = doc.header ?? {};
      const body = pageText(doc.tree as Root);
      const page =
        [header.docNumber, header.title, header.issuer].map((t) => normalizeForMatching(t ?? '')).join('\u0000') + '\u0000' + body;
      // A table row is checked cell by cell, as the page shows its cells.
      const lines = (doc.text ?? '')
        .split('\n')
        .flatMap((l) => (l.startsWith('|') ? l.split(/(?<!\\)\|/) : [l]))
        .map((l) => normalizeForMatching(cells(l)))
        .filter((l) => l !== '');
      const source = lines.join('\u0000');
      const sentences = lines.flatMap((l) => l.split(/(?<=[。！？])/)).filter((s) => s.length >= 6);
      const lost = sentences.filter((s) => !page.includes(s));
      expect(
        lost.map((s) => s.slice(0, 60)),
        'sentences not on the page',
      ).toEqual([]);
      const count = (hay: string, needle: string) => hay.split(needle).length - 1;
      // Counted in the body: the page's title joins title lines the source prints apart.
      const duplicated = sentences.filter((s) => s.length >= 12 && count(body, s) > count(source, s));
      expect(duplicated, 'sentences repeated on the page').toEqual([]);
    });
  }
});
