/**
 * Every file of the development corpus (../shared/real-docs/, never copied into the project)
 * through extractSourceText: properties any extraction must have, plus the sentences, tables and
 * hints written for each file in tests/fixtures/extract/real-docs.yaml. OCR files need Tesseract
 * (chi_sim) and poppler; .ci/run installs them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractSourceText, type Extraction } from '../../src/lib/authoring/ingest/extract.ts';
import { ocrAvailable } from '../../src/lib/authoring/ingest/ocr.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const REAL = resolve(projectRoot, '../shared/real-docs');
const EXPECTED: Record<string, { contains?: string[]; table?: boolean; hints?: Record<string, string>; ocr?: boolean; encoding?: string }> =
  parse(readFileSync(join(projectRoot, 'tests/fixtures/extract/real-docs.yaml'), 'utf8'));
const files = existsSync(REAL)
  ? readdirSync(REAL)
      .filter((f) => !f.endsWith('.yaml') && !f.endsWith('.md'))
      .sort()
  : [];
const ocr = ocrAvailable();

/** A signature block (organ over date) is the one block the source shape writes on two lines. */
const isSignature = (block: string) => /^[^\n]{2,40}\n[^\n]*\d{4}\s*年|^[^\n]{2,40}\n[〇○零一二三四五六七八九十]{4}年/.test(block);
const isTable = (block: string) => /^\|.*\|\n\| ---/.test(block);

describe.skipIf(files.length === 0)('real documents', () => {
  it('has an expectation for every file', () => {
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  for (const file of files) {
    const expected = EXPECTED[file] ?? {};
    const skip = expected.ocr && !ocr;
    describe.skipIf(skip)(
      `${file}${skip ? ' (skipped: tesseract with chi_sim or pdftoppm is not installed; apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)' : ''}`,
      { timeout: 180_000 },
      () => {
        let result: Extraction;
        const read = async () => (result ??= await extractSourceText(new Uint8Array(readFileSync(join(REAL, file))), join(REAL, file)));

        it('gives text in the source shape, without page furniture', async () => {
          const { text } = await read();
          expect(text.trim()).not.toBe('');
          if (file.endsWith('.txt')) return; // kept byte for byte: its own original
          expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
          expect(text).not.toMatch(/\r|\n{3}/);
          const blocks = text.trimEnd().split('\n\n');
          for (const block of blocks) {
            if (!isTable(block) && !isSignature(block)) expect(block, 'a paragraph holds no line break').not.toContain('\n');
            expect(block).not.toMatch(/^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页.*|\d+\s*\/\s*\d+)$/);
            expect(block).not.toMatch(/(?:begin|end)?-->|<!--|扫一扫在手机打开当前页|字体[:：]\s*大\s*中\s*小/);
            expect(block).not.toMatch(
              /ICP备|公网安备|网站标识码|版权所有|https?:\/\/\S+\s+\d+\/\d+|^\d{4}\/\d{1,2}\/\d{1,2}\s+\d{1,2}:\d{2}/,
            );
            expect(block).not.toMatch(/^(?:当前位置|您现在的位置)|^首页\s*>/);
          }
        });

        it('keeps the sentences whole and the tables as pipe tables', async () => {
          const { text } = await read();
          const blocks = text.trimEnd().split(/\n\n|\n/);
          for (const sentence of expected.contains ?? []) expect(blocks, sentence).toContain(sentence);
          if (expected.table) expect(text.trimEnd().split('\n\n').some(isTable)).toBe(true);
        });

        it('gives the hints the file states', async () => {
          const { hints, encoding } = await read();
          const values = Object.fromEntries(Object.entries(hints).map(([k, v]) => [k, v?.value]));
          if (expected.hints) expect(values).toMatchObject(expected.hints);
          if (expected.hints && Object.keys(expected.hints).length === 0) expect(values).toEqual({});
          for (const hint of Object.values(hints)) expect(hint?.evidence).toMatch(/\S/);
          if (expected.encoding) expect(encoding).toBe(expected.encoding);
        });
      },
    );
  }
});
