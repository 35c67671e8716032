import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { withYearBreaks } from '../../src/lib/compiler/remark/resolve-citations.ts';
import { sourceMetaSchema, type SourceMeta } from '../../src/lib/schema/source-meta.ts';
import { citedDate, formatCitation } from '../../src/lib/views/citation.ts';
import { validityOf } from '../../src/lib/views/validity.ts';

/** The five real documents' metadata, read through the same schema as the build. */
const metaOf = (slug: string): SourceMeta =>
  sourceMetaSchema.parse(parseYaml(readFileSync(join(import.meta.dirname, '../../content/sources', `${slug}.meta.yaml`), 'utf8')));

const url = (slug: string, anchor = '') => `https://example.org/documents/${slug}/${anchor}`;

describe('GB/T 7714-2015 citation', () => {
  it('cites the notice with its issuer and 发文字号 as [EB/OL]', () => {
    expect(formatCitation(metaOf('changzheng-2022-plan'), url('changzheng-2022-plan', '#p-abc'), '2026-12-02')).toBe(
      '长征镇人民政府. 长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知: 普长府〔2022〕1号[EB/OL]. (2022-01-13)[2026-12-02]. https://example.org/documents/changzheng-2022-plan/#p-abc.',
    );
  });

  it('cites the Five-Year Plan, which has no document number, as [EB/OL]', () => {
    expect(formatCitation(metaOf('changzheng-14th-five-year-plan'), url('changzheng-14th-five-year-plan'), '2026-01-05')).toBe(
      '普陀区长征镇人民政府. 普陀区长征镇国民经济和社会发展第十四个五年规划[EB/OL]. (2021)[2026-01-05]. https://example.org/documents/changzheng-14th-five-year-plan/.',
    );
  });

  it('cites a newspaper report by its reporters as [N/OL]', () => {
    expect(formatCitation(metaOf('putuo-grassroots-governance-2025'), url('putuo-grassroots-governance-2025'), '2026-12-02')).toBe(
      '张成研, 丁婉星. 努力打造超大城市党建引领社会治理“普陀样本”[N/OL]. 2025-02[2026-12-02]. https://example.org/documents/putuo-grassroots-governance-2025/.',
    );
    expect(formatCitation(metaOf('xinhong-hub-party-building'), url('xinhong-hub-party-building'), '2026-12-02')).toBe(
      '郭文治, 孟航. 上海市闵行区新虹街道创新实践“枢纽党建” 推动虹桥国际中央商务区高质量发展[N/OL]. 2022[2026-12-02]. https://example.org/documents/xinhong-hub-party-building/.',
    );
  });

  it('cites a newspaper page without a byline by its body, without the bracketed description', () => {
    expect(formatCitation(metaOf('changzheng-party-building-2023'), url('changzheng-party-building-2023'), '2026-12-02')).toBe(
      '普陀区长征镇. 长征镇：党建赋能经济社会高质量发展[N/OL]. 2023[2026-12-02]. https://example.org/documents/changzheng-party-building-2023/.',
    );
  });

  it('names the newspaper and page when the metadata gives them, and at most three reporters', () => {
    const meta = metaOf('putuo-grassroots-governance-2025');
    const withPaper = {
      ...meta,
      published: '2025-02-26',
      publication: { medium: '报纸' as const, newspaper: '普陀报', page: '2', reporters: ['甲一', '乙二', '丙三', '丁四'] },
    };
    expect(formatCitation(withPaper, 'https://example.org/x/', '2026-12-02')).toBe(
      '甲一, 乙二, 丙三, 等. 努力打造超大城市党建引领社会治理“普陀样本”[N/OL]. 普陀报, 2025-02-26(2)[2026-12-02]. https://example.org/x/.',
    );
  });

  it('writes the cited date as YYYY-MM-DD in the reader’s time', () => {
    expect(citedDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('时效', () => {
  it('is 现行 during the Five-Year Plan, 已到期 after it, 待生效 before it', () => {
    const { period } = metaOf('changzheng-14th-five-year-plan');
    expect(validityOf(period, '2020-12-31')).toBe('待生效');
    expect(validityOf(period, '2021-01-01')).toBe('现行');
    expect(validityOf(period, '2025-12-31')).toBe('现行');
    expect(validityOf(period, '2026-01-01')).toBe('已到期');
  });

  it('has the 2022 annual plan run its course after 2022', () => {
    const { period } = metaOf('changzheng-2022-plan');
    expect(validityOf(period, '2022-06-30')).toBe('现行');
    expect(validityOf(period, '2023-01-01')).toBe('已到期');
  });

  it('ends a month period on the month’s last day (leap years included)', () => {
    expect(validityOf({ from: '2024-02', to: '2024-02' }, '2024-02-29')).toBe('现行');
    expect(validityOf({ from: '2024-02', to: '2024-02' }, '2024-03-01')).toBe('已到期');
  });

  it('is not given for news reports, which have no period', () => {
    for (const slug of ['changzheng-party-building-2023', 'putuo-grassroots-governance-2025', 'xinhong-hub-party-building']) {
      expect(validityOf(metaOf(slug).period, '2026-12-02')).toBeUndefined();
    }
  });
});

describe('citation labels wrap after the year', () => {
  it('puts a <wbr> where digits meet a Han character, and nowhere else', () => {
    const html = (label: string) => toHtml(toHast({ type: 'paragraph', children: withYearBreaks(label) }));
    expect(html('〔2022年计划〕')).toBe('<p>〔2022<wbr>年计划〕</p>');
    expect(html('〔2023年报道〕')).toBe('<p>〔2023<wbr>年报道〕</p>');
    expect(html('〔十四五规划〕')).toBe('<p>〔十四五规划〕</p>');
    expect(html('〔G2〕')).toBe('<p>〔G2〕</p>');
  });
});
