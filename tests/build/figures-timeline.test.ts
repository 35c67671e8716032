import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

describe('主要指标 table of the Five-Year Plan', () => {
  const page = readPage('figures/plan/changzheng-14th-five-year-plan/index.html');
  const rows = selectAll('#plan-indicators tbody tr', page) as Element[];
  const cell = (row: Element, name: string) => text(select(`.cell-${name}`, row));

  it('lists the indicators the Plan sets targets for, in the Plan’s order', () => {
    const metrics = rows.map((r) => String(r.properties.dataMetric));
    expect(metrics.length).toBeGreaterThanOrEqual(6);
    // The Plan states them in this order (its text: 一、 区级税收… before the 城市建设 targets and the 专栏 of projects).
    const planOrder = [
      '区级税收',
      '旧住房综合修缮改造面积',
      '新增商业商务面积',
      '景观道路、精品示范道路建设',
      '重点项目用地面积',
      '重点项目总建筑面积',
    ];
    expect(metrics.filter((m) => planOrder.includes(m))).toEqual(planOrder);
  });

  it('puts the 2022 result beside the 十四五 target, dated and linked, with its progress', () => {
    const tax = rows.find((r) => r.properties.dataMetric === '区级税收')!;
    expect(cell(tax, 'unit')).toBe('亿元');
    expect(cell(tax, 'base')).toContain('75.93');
    expect(cell(tax, 'target')).toContain('85–90');
    expect(cell(tax, 'growth')).toContain('6–8%');
    expect(cell(tax, 'actual')).toMatch(/超17\s*2022年.*2023年/);
    expect(cell(tax, 'progress')).toContain('18.9%–20%');
    expect(select('.cell-progress svg title', tax)).toBeTruthy();
  });

  it('links every value to its paragraph', () => expectParagraphLinks(page, '.indicator-table a.cell-number'));

  it('has a sticky first column and a table that scrolls inside its own box', () => {
    const box = select('.indicator-scroll', page)!;
    expect(box.properties.tabIndex).toBe(0);
    expect(box.properties.role).toBe('region');
  });
});

describe('指标 page', () => {
  const page = readPage('figures/index.html');
  const rows = selectAll('.indicator-table tbody tr', page) as Element[];

  it('groups indicators by topic, one row each, and links the 主要指标 tables', () => {
    const topics = (selectAll('section.topic-group', page) as Element[]).map((s) => String(s.properties.dataTopic));
    expect(topics.length).toBeGreaterThanOrEqual(3);
    expect(new Set(topics).size).toBe(topics.length);
    const keys = rows.map((r) => `${r.properties.dataMetric} ${r.properties.dataRegion}`);
    expect(new Set(keys).size).toBe(keys.length);
    const plans = (selectAll('.plan-links a', page) as Element[]).map((a) => String(a.properties.href));
    expect(plans).toContain('/figures/plan/changzheng-14th-five-year-plan/');
  });

  it('labels regions and never mixes them: 一网统管 in 长征镇 and 新虹街道 are separate rows', () => {
    const ywtg = rows.filter((r) => r.properties.dataMetric === '一网统管问题解决');
    const all = ['figures/index.html', 'figures/2/index.html']
      .filter((p) => existsSync(join(DIST, p)))
      .flatMap((p) => selectAll('.indicator-table tbody tr', readPage(p)) as Element[]);
    const both = all.filter((r) => r.properties.dataMetric === '一网统管问题解决');
    expect(both.map((r) => String(r.properties.dataRegion)).sort()).toEqual(['普陀区长征镇', '闵行区新虹街道']);
    for (const r of both) {
      if (r.properties.dataRegion === '普陀区长征镇') expect(text(r)).not.toContain('92.13');
      else expect(text(r)).toContain('92.13');
    }
    expect(ywtg.length).toBeGreaterThan(0);
  });

  it('links every value to its paragraph', () => expectParagraphLinks(page, '.indicator-table a.cell-number'));
});

describe('大事记 page', () => {
  const page = readPage('timeline/index.html');
  const events = selectAll('li.timeline-event', page) as Element[];

  it('lists the issue’s events in chronological order, precision kept', () => {
    const dates = events.map((e) => String(e.properties.dataDate));
    expect(dates).toEqual([...dates].sort());
    // The time element's text includes its year for screen readers (visually hidden under the year heading).
    const shown = events.map((e) => `${text(select('time', e))} ${text(select('p + p', e))}`);
    for (const [date, words] of [
      ['2019年', '互联网行业党委'],
      ['2020年4月', '升格为普陀区互联网产业党建联盟'],
      ['2022年1月13日', '印发'],
      ['2022年11月', '百合苑'],
      ['2025年2月25日', '推进会'],
    ]) {
      expect(
        shown.some((s) => s.startsWith(date) && s.includes(words)),
        `${date} ${words}`,
      ).toBe(true);
    }
  });

  it('groups by year without JavaScript, and offers a filter by region and kind', () => {
    const years = (selectAll('[data-timeline-year]', page) as Element[]).map((y) => String(y.properties.dataTimelineYear));
    expect(years).toEqual([...new Set(years)].sort());
    const form = select('form[data-timeline-filter]', page)!;
    // In place from the first paint (no layout shift when its script runs); CSS hides it where scripting is off.
    expect(form.properties.hidden).toBeUndefined();
    expect(readFileSync(join(DIST, '_astro', readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.css'))!), 'utf8')).toMatch(
      /@media \(scripting:\s*none\)\{[^}]*\.timeline-filter/,
    );
    expect((selectAll('select[name="region"] option', form) as Element[]).map((o) => text(o))).toEqual([
      '全部地区',
      '上海市',
      '普陀区',
      '普陀区长征镇',
    ]);
    expect((selectAll('select[name="kind"] option', form) as Element[]).map((o) => text(o))).toEqual(
      expect.arrayContaining(['发文', '会议', '组织', '工程']),
    );
    for (const e of events) {
      expect(e.properties.dataRegion).toBeTruthy();
      expect(e.properties.dataKind).toBeTruthy();
    }
  });

  it('does not repeat the year under its heading: events show month and day only', () => {
    for (const y of selectAll('[data-timeline-year]', page) as Element[]) {
      const year = String(y.properties.dataTimelineYear);
      for (const e of selectAll('li.timeline-event', y) as Element[]) {
        const time = select('time', e)!;
        const visible = (time.children as Element[]).filter(
          (c) => !(c.type === 'element' && String(c.properties?.className ?? '').includes('sr-only')),
        );
        const shown = visible.map((c) => (c.type === 'element' ? toString(c) : (c as unknown as { value: string }).value)).join('');
        if (String(time.properties.className ?? '').includes('sr-only')) continue;
        expect(shown, `${year}: ${text(e)}`).not.toContain(`${year}年`);
      }
    }
  });

  it('links every event to its paragraph', () => expectParagraphLinks(page, '.timeline-event a'));
});

describe('entity pages show their own figures and events', () => {
  it('百合苑综合修缮工程: its repair figures and the start of works', () => {
    const page = readPage('projects/baiheyuan-zonghe-xiushan-gongcheng/index.html');
    const figures = text(select('.entity-figures', page));
    expect(figures.length).toBeGreaterThan(0);
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
      expect(nav).toEqual(
        expect.arrayContaining([
          ['指标', '/figures/'],
          ['大事记', '/timeline/'],
        ]),
      );
    }
  });
});
