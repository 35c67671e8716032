import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPage } from '../support/site.ts';

const ROOT = join(import.meta.dirname, '../..');
const notesOf = (slug: string) => {
  const page = readPage(`documents/${slug}/index.html`);
  const section = select('section.collation-notes', page) as Element;
  return { page, section, items: selectAll('li', section) as Element[] };
};
const ids = (page: ReturnType<typeof readPage>) => new Set((selectAll('[id]', page) as Element[]).map((e) => String(e.properties.id)));

describe('校勘说明 on document pages', () => {
  it('lists every correction of the corrections file with its reason, linked to a paragraph of the page', () => {
    for (const slug of ['changzheng-party-building-2023', 'putuo-grassroots-governance-2025', 'changzheng-14th-five-year-plan']) {
      const file = parse(readFileSync(join(ROOT, 'content/corrections', `${slug}.yaml`), 'utf8')) as Record<
        string,
        Array<{ reason: string }>
      >;
      const reasons = [...(file.remove ?? []), ...(file.roles ?? []), ...(file.articles ?? [])].map((c) => c.reason);
      const { page, section, items } = notesOf(slug);
      expect(section, slug).toBeTruthy();
      const corrections = items.filter((li) => li.properties.dataKind !== '原文缺漏' && li.properties.dataKind !== '提取错漏');
      expect(corrections.length, slug).toBe(reasons.length);
      reasons.forEach((reason, i) => expect(toString(corrections[i])).toContain(reason));
      const anchors = ids(page);
      for (const a of selectAll('a', section) as Element[])
        expect(anchors.has(String(a.properties.href).slice(1)), `${slug} ${a.properties.href}`).toBe(true);
    }
  });

  it('names the known gap and the extraction slip of the Five-Year Plan, each marked where it is and linked both ways', () => {
    const { page, items } = notesOf('changzheng-14th-five-year-plan');
    const spots = [
      { kind: '原文缺漏', note: '境持续优化', before: '中环中心“烂尾楼”', after: '境持续优化' },
      { kind: '提取错漏', note: '剩余17产', before: '剩余17产', after: '。民生保障' },
    ];
    for (const spot of spots) {
      const entry = items.find((li) => li.properties.dataKind === spot.kind)!;
      expect(toString(entry)).toContain(spot.note);
      const back = String((select('a', entry) as Element).properties.href);
      const mark = select(`[id="${back.slice(1)}"]`, page) as Element;
      expect(mark.properties.className).toContain('collation-mark');
      expect(String(mark.properties.href)).toBe(`#${entry.properties.id}`);
      expect(toString(mark)).toMatch(new RegExp(`校勘说明第${items.indexOf(entry) + 1}条：${spot.kind}`));
      // The mark sits in its paragraph right after the words its entry names.
      const paragraph = toString(select(`p:has([id="${back.slice(1)}"])`, page) as Element);
      expect(paragraph).toContain(`${spot.before}${toString(mark)}${spot.after}`);
    }
  });

  it('says so when a document needed no correction', () => {
    const { section, items } = notesOf('changzheng-2022-plan');
    expect(items).toEqual([]);
    expect(toString(section)).toContain('未作更正');
  });
});
