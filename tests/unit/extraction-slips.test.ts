import { describe, expect, it } from 'vitest';
import { markCollationSpots } from '../../src/lib/views/collation-marks.ts';
import { findExtractionSlips, unreviewedSlips } from '../../src/lib/compiler/collation/extraction-slips.ts';
import { collationNotes } from '../../src/lib/compiler/collation/collation-notes.ts';

const p = (text: string, id = 'p-1') => ({ id, text });

describe('likely extraction slips, by rules for any document', () => {
  it('finds a numeral followed by a character no number takes, before a clause break', () => {
    const found = findExtractionSlips('d', [p('全力推进老真北旧改工作，剩余17产。民生保障有效落实。')]);
    expect(found).toMatchObject([{ rule: '数字后字符异常', at: '，剩余17产', anchor: 'p-1' }]);
  });

  it('leaves numbers with measure words, units and continuations alone', () => {
    const text =
      '累计完成旧住房综合修缮改造110余万平方米，建成健身步道30条、公共体育场3个，帮困救助16万人次，发放帮困金近1亿元。2022年区级税收增长15%，开通2号线，5G基站全覆盖。';
    expect(findExtractionSlips('d', [p(text)])).toEqual([]);
  });

  it('finds a run read twice across a clause break, not a name said twice', () => {
    const overlap =
      '关闭铜川水产市场、光彩市场等初级市场，完成红旗村城中村综合整治，中环中心“烂尾楼”场等初级市场，完成红旗村城中村综合整治，中环中心“烂尾楼”境持续优化。';
    const found = findExtractionSlips('d', [p(overlap)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: '文字重复' });
    expect(found[0].at.endsWith('“烂尾楼”境')).toBe(true);
    const prose = '“普陀E企行”招商服务一体化平台也在当天正式上线。区投促办升级优化了“普陀E企行”招商服务一体化平台，对招商引资形成支撑。';
    expect(findExtractionSlips('d', [p(prose)])).toEqual([]);
  });

  it('finds replacement characters', () => {
    expect(findExtractionSlips('d', [p('推进\uFFFD社区治理工作')])).toMatchObject([{ rule: '替换字符' }]);
  });

  it('leaves out a candidate a reviewed entry already marks', () => {
    const text = '全力推进老真北旧改工作，剩余17产。民生保障有效落实。';
    const found = findExtractionSlips('d', [p(text)]);
    expect(unreviewedSlips(found, () => text, [{ anchor: 'p-1', at: '剩余17产' }])).toEqual([]);
    expect(unreviewedSlips(found, () => text, [{ anchor: 'p-2', at: '剩余17产' }])).toHaveLength(1);
  });
});

describe('reviewed slips in the 校勘说明 and at their spot', () => {
  const paragraphs = [p('全力推进老真北旧改工作，剩余17产。民生保障有效落实。'), p('剩余工作另行安排，剩余任务。', 'p-2')];
  const input = { slug: 'd', corrections: { remove: [], roles: [], articles: [] } as never, sourceLines: [], toc: [], paragraphs };
  const gap = {
    doc: 'd',
    kind: '提取错漏' as const,
    quote: '老真北旧改工作',
    note: '来源文本作“剩余17产”，有文字缺失。',
    file: 'content/gaps.yaml',
    line: 3,
  };

  it('lists a slip with its spot, and refuses an at that is not once in the paragraph', () => {
    expect(collationNotes({ ...input, gaps: [{ ...gap, at: '剩余17产' }] })).toMatchObject({
      notes: [{ kind: '提取错漏', anchor: 'p-1', at: '剩余17产' }],
      problems: [],
    });
    const missing = collationNotes({ ...input, gaps: [{ ...gap, at: '剩余18产' }] });
    expect(missing.problems).toMatchObject([{ file: 'content/gaps.yaml', line: 3, field: 'at' }]);
    const twice = collationNotes({ ...input, gaps: [{ ...gap, quote: '剩余工作另行安排', at: '剩余' }] });
    expect(twice.problems[0].message).toMatch(/occurs 2 times/);
  });

  it('marks the spot after the words, outside links, skipping the permalink', () => {
    const html =
      '<p id="p-1">全力推进<a class="entity-link" href="/x/">老真北旧改</a>工作，剩余17产。<a class="permalink" href="#p-1">¶</a></p>';
    const note = { kind: '提取错漏' as const, reason: '缺字', anchor: 'p-1', at: '剩余17产' };
    expect(markCollationSpots(html, [{ kind: '删除重复', reason: 'x' }, note])).toContain(
      '剩余17产<a class="collation-mark" data-search-ignore="" href="#collation-2" id="collation-mark-2"',
    );
    const inLink = markCollationSpots(html, [{ ...note, at: '推进老真北旧改' }]);
    expect(inLink).toContain('老真北旧改</a><a class="collation-mark"');
    expect(() => markCollationSpots(html, [{ ...note, at: '不在此段' }])).toThrow(/not in paragraph #p-1/);
  });
});

describe('the curated sources', () => {
  it('have every likely slip reviewed in content/gaps.yaml (npm run slips:candidates), and the known ones marked', async () => {
    const { compileSite } = await import('../../src/lib/compiler/pipeline.ts');
    const { createUrls } = await import('../../src/lib/urls.ts');
    const build = compileSite(new URL('../../content', import.meta.url).pathname, createUrls('/'));
    const open = build.documents.flatMap((d) => {
      const text = new Map(d.paragraphs.map((x) => [x.id, x.text]));
      const reviewed = (d.collation ?? []).flatMap((n) => (n.anchor && n.at ? [{ anchor: n.anchor, at: n.at }] : []));
      return unreviewedSlips(findExtractionSlips(d.slug, d.paragraphs), (id) => text.get(id) ?? '', reviewed);
    });
    expect(open).toEqual([]);
    const plan = build.documents.find((d) => d.slug === 'changzheng-14th-five-year-plan')!;
    expect(plan.collation!.filter((n) => n.at).map((n) => [n.kind, n.at])).toEqual([
      ['原文缺漏', '中环中心“烂尾楼”'],
      ['提取错漏', '剩余17产'],
    ]);
  }, 60_000);
});
