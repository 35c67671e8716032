import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { DIST, readPage } from '../support/site.ts';

const cache = new Map<string, ReturnType<typeof readPage>>();
const cached = (path: string) => cache.get(path) ?? cache.set(path, readPage(path)).get(path)!;
const text = (e: Element | undefined) => (e ? toString(e).replace(/\s+/g, ' ').trim() : '');

/** Every link to a document paragraph resolves to a page with that anchor. */
function expectParagraphLinks(page: ReturnType<typeof readPage>, selector: string) {
  const links = selectAll(selector, page) as Element[];
  expect(links.length).toBeGreaterThan(0);
  for (const a of links) {
    const url = new URL(String(a.properties.href), 'http://site/');
    expect(url.pathname).toMatch(/^\/documents\/[a-z0-9-]+\/$/);
    const target = cached(url.pathname.slice(1) + 'index.html');
    expect(select(`[id="${decodeURIComponent(url.hash.slice(1))}"]`, target), String(a.properties.href)).toBeTruthy();
  }
}

describe('指标 page', () => {
  const page = readPage('figures/index.html');
  const groups = selectAll('section.metric-group', page) as Element[];
  const group = (metric: string) => groups.find((g) => g.properties.dataMetric === metric);

  it('shows target and result of 区级税收 side by side, in period order, with their sources', () => {
    const tax = group('区级税收');
    expect(tax).toBeTruthy();
    const values = (selectAll('.figure-value', tax!) as Element[]).map((li) => `${text(select('.figure-kind', li))} ${text(select('.figure-period', li))} ${text(select('.figure-number', li))}`);
    const order = ['基数 十三五期间累计 75.93亿元', '目标 十四五期间 85–90亿元', '目标 2022年 增长15%', '实际 2022年 超17亿元'];
    expect(values).toEqual(expect.arrayContaining(order));
    expect(order.map((v) => values.indexOf(v))).toEqual([...order.map((v) => values.indexOf(v))].sort((a, b) => a - b));
    // Both in one series (one list), the target's source dated 2021, the result's 2023.
    const series = select('ol.figure-series', tax!)!;
    expect(text(series)).toContain('85–90亿元');
    expect(text(series)).toContain('超17亿元');
    expect(text(series)).toMatch(/第十四个五年规划\s?（2021年）/);
    expect(text(series)).toMatch(/（2023年）/);
    expect(text(select('.figure-progress', tax!))).toContain('85–90亿元');
  });

  it('links every value to its paragraph', () => expectParagraphLinks(page, '.figure-value a'));

  it('labels regions and never mixes them: 一网统管 in 长征镇 and 新虹街道 are separate series', () => {
    const series = selectAll('.region-series', group('一网统管问题解决')!) as Element[];
    expect(series.map((s) => text(select('.region-label', s)))).toEqual(['普陀区长征镇', '闵行区新虹街道']);
    expect(text(series[0])).toContain('90%以上');
    expect(text(series[0])).not.toContain('92.13%');
    expect(text(series[1])).toContain('92.13%');
  });
});

describe('大事记 page', () => {
  const page = readPage('timeline/index.html');
  const events = selectAll('li.timeline-event', page) as Element[];

  it('lists the issue’s events in chronological order, precision kept', () => {
    const dates = events.map((e) => String(e.properties.dataDate));
    expect(dates).toEqual([...dates].sort());
    const shown = events.map((e) => `${text(select('time', e))} ${text(select('p + p', e))}`);
    for (const [date, words] of [['2019年', '互联网行业党委'], ['2020年4月', '升格为普陀区互联网产业党建联盟'], ['2022年1月13日', '印发'], ['2022年11月', '百合苑'], ['2025年2月25日', '推进会']]) {
      expect(shown.some((s) => s.startsWith(date) && s.includes(words)), `${date} ${words}`).toBe(true);
    }
  });

  it('groups by year without JavaScript, and offers a filter by region and kind', () => {
    const years = (selectAll('[data-timeline-year]', page) as Element[]).map((y) => String(y.properties.dataTimelineYear));
    expect(years).toEqual([...new Set(years)].sort());
    const form = select('form[data-timeline-filter]', page)!;
    expect(form.properties.hidden).toBe(true);
    expect((selectAll('select[name="region"] option', form) as Element[]).map((o) => text(o))).toEqual(['全部地区', '上海市', '普陀区', '普陀区长征镇']);
    expect((selectAll('select[name="kind"] option', form) as Element[]).map((o) => text(o))).toEqual(expect.arrayContaining(['发文', '会议', '组织', '工程']));
    for (const e of events) {
      expect(e.properties.dataRegion).toBeTruthy();
      expect(e.properties.dataKind).toBeTruthy();
    }
  });

  it('links every event to its paragraph', () => expectParagraphLinks(page, '.timeline-event a'));
});

describe('entity pages show their own figures and events', () => {
  it('百合苑综合修缮工程: its repair figures and the start of works', () => {
    const page = readPage('projects/baiheyuan-zonghe-xiushan-gongcheng/index.html');
    const figures = text(select('.entity-figures', page));
    expect(figures).toContain('新增机动车停车位80个');
    const events = text(select('.entity-events', page));
    expect(events).toContain('2022年11月');
    expect(events).toContain('百合苑综合修缮工程一期进场施工');
    expectParagraphLinks(page, '.entity-figures .figure-value a, .entity-events a[title]');
  });

  it('一网统管 shows both regions’ values, each labelled', () => {
    const page = readPage('governance/yiwang-tongguan/index.html');
    const labels = (selectAll('.entity-figures .region-label', page) as Element[]).map(text);
    expect(labels).toEqual(['普陀区长征镇', '闵行区新虹街道']);
  });

  it('an entity without figures or events has neither section', () => {
    const page = readPage('policies/hezhangzhi/index.html');
    expect(select('.entity-figures', page)).toBeUndefined();
    expect(select('.entity-events', page)).toBeUndefined();
  });
});

describe('navigation', () => {
  it('every page links to 指标 and 大事记', () => {
    for (const path of ['index.html', 'figures/index.html', 'documents/changzheng-2022-plan/index.html']) {
      expect(existsSync(join(DIST, path))).toBe(true);
      const nav = (selectAll('nav[aria-label="主导航"] a', readPage(path)) as Element[]).map((a) => [text(a), a.properties.href]);
      expect(nav).toEqual(expect.arrayContaining([['指标', '/figures/'], ['大事记', '/timeline/']]));
    }
  });
});
