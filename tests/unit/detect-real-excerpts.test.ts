/**
 * Metadata detection on excerpts of real public documents (tests/fixtures/ingest-rules/): each
 * input file (.txt read as source text, .html through the web-page reader) sits beside
 * `<name>.expected.yaml`, whose comment states the rule and where the excerpt was taken from, and
 * whose keys are the fields that rule decides (`null`: the excerpt does not state it, so nothing
 * may be detected).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { detectMetadata, detectedFields, type DetectedField } from '../../src/lib/authoring/ingest/detect-metadata.ts';
import { extractHtml } from '../../src/lib/authoring/ingest/extract-html.ts';
import { siteDetectionContext } from '../../src/lib/authoring/ingest/metadata/context.ts';
import { renderMetaYaml } from '../../src/lib/authoring/ingest/meta-yaml.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest-rules');
const inputs = readdirSync(FIXTURES)
  .filter((f) => !f.endsWith('.yaml'))
  .sort();

describe('metadata rules on real excerpts', () => {
  it('has excerpts to check', () => expect(inputs.length).toBeGreaterThanOrEqual(10));

  for (const file of inputs) {
    it(file, () => {
      const bytes = readFileSync(join(FIXTURES, file));
      const { text, hints } = file.endsWith('.html')
        ? extractHtml(new Uint8Array(bytes), file)
        : { text: bytes.toString('utf8'), hints: {} };
      const detected = detectMetadata(text, hints, siteDetectionContext());
      const expected = parseYaml(readFileSync(join(FIXTURES, file.replace(/\.\w+$/, '.expected.yaml')), 'utf8')) as Partial<
        Record<DetectedField, string | null>
      >;
      const fields = Object.keys(expected) as DetectedField[];
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        expect(detectedFields, field).toContain(field);
        expect(detected[field], `${file} ${field}`).toBe(expected[field] ?? undefined);
      }
    });
  }

  it('takes a 令号 from a portal’s metadata as the 文号 (国令第707号)', () => {
    const d = detectMetadata(
      '中华人民共和国个人所得税法实施条例\n\n第一条　根据《中华人民共和国个人所得税法》，制定本条例。',
      { documentNumber: { value: '国令第707号', evidence: '网页信息公开表“发文字号”' } },
      siteDetectionContext(),
    );
    expect(d.documentNumber).toBe('国令第707号');
    expect(d.kind).toBe('命令');
  });

  it('says why a truncated title line was not taken, and the metadata file asks for the title', () => {
    const text = readFileSync(join(FIXTURES, 'title-ocr-missing-last-line.txt'), 'utf8');
    const detected = detectMetadata(text, {}, siteDetectionContext());
    expect(detected.evidence.title).toMatch(/没有写完/);
    const yaml = renderMetaYaml({ detected, originalFile: 'a.pdf', extraction: 'ocr', extractionGuessed: false, sha256: '0'.repeat(64) });
    expect(yaml).toMatch(/^title: "" {2}# 待确认: 标题行.*没有写完.*请照原文填写$/m);
  });

  it('leaves the issuer of a report empty when no head of government delivers it', () => {
    const d = detectMetadata(
      ['2025年某某工作报告', '——2025年1月18日在云南省第十四届人民代表大会第三次会议上', '省人大常委会副主任 某某某', '各位代表：'].join(
        '\n',
      ),
      {},
      siteDetectionContext(),
    );
    expect(d.issuer).toBeUndefined();
  });
});
