import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCoverage, findDates, findQuantities } from '../../src/lib/authoring/candidates/fact-coverage.ts';
import { normalizeForMatching } from '../../src/lib/text/normalize-for-matching.ts';
import { CURATED_SOURCES, curatedFactCoverage } from '../support/curated-coverage.ts';

const CONTENT = join(import.meta.dirname, '../../content');

describe('figure and date coverage over the five curated sources', () => {
  const { build, facts, numbers, dates } = curatedFactCoverage(CONTENT);

  it('holds all five curated sources', () =>
    expect(build.documents.filter((d) => CURATED_SOURCES.has(d.slug)).length).toBe(CURATED_SOURCES.size));

  it('loads the figure and event files without problems', () => {
    expect(facts.problems).toEqual([]);
    expect(build.figures.length).toBe(facts.figures.entries.length);
    expect(build.events.length).toBe(facts.events.entries.length);
  });

  it('every number with a unit is a figure or on content/figure-ignore.yaml (with a reason), and no ignore entry is stale', () => {
    const { uncovered, unused } = numbers;
    expect(uncovered.map((u) => `${u.document}#${u.anchor}: ${u.text} …${u.context}…`)).toEqual([]);
    // A figure quotes its own number; an ignore entry accounts for at least one number.
    expect(unused).toEqual([]);
  });

  it('every explicit date (年/月/日) is an event or on content/date-ignore.yaml, and no ignore entry is stale', () => {
    const ignore = facts.dateIgnore.entries;
    const { uncovered, unused } = dates;
    expect(uncovered.map((u) => `${u.document}#${u.anchor}: ${u.text} …${u.context}…`)).toEqual([]);
    expect(unused.filter((c) => ignore.includes(c as (typeof ignore)[number]))).toEqual([]);
  });

  it('the issue’s figures and events are there, with their periods and precision', () => {
    const tax = build.figures.filter((f) => f.metric === '区级税收' && !f.aspect);
    expect(tax.map((f) => [f.kind, f.period, f.value])).toEqual([
      ['基数', '2016-2020', 75.93],
      ['目标', '2021-2025', { min: 85, max: 90 }],
      ['实际', '2022', 17],
    ]);
    expect(build.figures.find((f) => f.metric === '区级税收' && f.aspect === '增长')).toMatchObject({
      kind: '目标',
      period: '2022',
      value: 15,
      unit: '%',
    });
    const dates = build.events.map((e) => e.date);
    expect(dates).toEqual(expect.arrayContaining(['2019', '2020-04', '2022-01-13', '2022-11', '2025-02-25']));
  });

  it('every figure’s value is the number its quote states (the unit and qualifier as written)', () => {
    for (const f of build.figures) {
      const quote = normalizeForMatching(f.source.quote);
      const numbers = findQuantities(quote).map((q) => q.text);
      const expected = typeof f.value === 'number' ? f.value : f.value.min;
      // 千 and 万 in words (近千户次) are checked by the reviewer; digits must match exactly.
      if (numbers.some((n) => /\d/.test(n)))
        expect(
          numbers.some((n) => n.includes(String(expected))),
          `${f.metric}: ${f.source.quote}`,
        ).toBe(true);
    }
  });
});

describe('checkCoverage on a real paragraph', () => {
  const paragraph = {
    id: 'p-1',
    text: '同时，释放助企纾困政策效应。出台《长征镇共抗疫情助企纾困若干措施》，为2198户中小微企业和个体工商户减免租金2.19亿元；企业申请“靠谱贷”，共获授信6.38亿元，放款金额达4.87亿元。',
  };
  const documents = [{ slug: 'doc', paragraphs: [paragraph] }];

  it('finds each quantity, and a quote covers only the numbers inside it', () => {
    expect(findQuantities(paragraph.text).map((q) => q.text)).toEqual(['2198户', '2.19亿元', '6.38亿元', '达4.87亿元']);
    const { uncovered, unused } = checkCoverage(documents, findQuantities, [
      { doc: 'doc', quote: '减免租金2.19亿元', anchor: 'p-1' },
      { doc: 'doc', quote: '企业申请“靠谱贷”，共获授信6.38亿元' },
      { doc: 'doc', quote: '不在原文中的话' },
      { doc: 'other', quote: '为2198户中小微企业' },
    ]);
    expect(uncovered.map((u) => u.text)).toEqual(['2198户', '达4.87亿元']);
    expect(unused.map((c) => c.quote)).toEqual(['不在原文中的话', '为2198户中小微企业']);
  });

  it('a resolved citation covers its own paragraph only', () => {
    const { uncovered } = checkCoverage(documents, findQuantities, [{ doc: 'doc', quote: '减免租金2.19亿元', anchor: 'p-2' }]);
    expect(uncovered.map((u) => u.text)).toContain('2.19亿元');
  });

  it('finds dates at every precision, and not durations', () => {
    const text =
      '2019年，由天地软件园等作为召集单位。2020年4月，升格。2月25日，普陀区召开。长征镇人民政府2022年1月13日。二〇二二年一月十三日。23年来内部几乎没有进行过修缮。';
    expect(findDates(text).map((d) => d.text)).toEqual(['2019年', '2020年4月', '2月25日', '2022年1月13日', '二〇二二年一月十三日']);
  });
});
