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
      const file = parse(readFileSync(join(ROOT, 'content/corrections', `${slug}.yaml`), 'utf8')) as Record<string, Array<{ reason: string }>>;
      const reasons = [...(file.remove ?? []), ...(file.roles ?? []), ...(file.articles ?? [])].map((c) => c.reason);
      const { page, section, items } = notesOf(slug);
      expect(section, slug).toBeTruthy();
      const corrections = items.filter((li) => li.properties.dataKind !== '原文缺漏');
      expect(corrections.length, slug).toBe(reasons.length);
      reasons.forEach((reason, i) => expect(toString(corrections[i])).toContain(reason));
      const anchors = ids(page);
      for (const a of selectAll('a', section) as Element[]) expect(anchors.has(String(a.properties.href).slice(1)), `${slug} ${a.properties.href}`).toBe(true);
    }
  });

  it('names the known gap of the Five-Year Plan and links to its paragraph', () => {
    const { page, items } = notesOf('changzheng-14th-five-year-plan');
    const gap = items.find((li) => li.properties.dataKind === '原文缺漏')!;
    expect(toString(gap)).toContain('境持续优化');
    const href = String((select('a', gap) as Element).properties.href);
    const paragraph = select(`[id="${href.slice(1)}"]`, page) as Element;
    expect(toString(paragraph)).toContain('中环中心“烂尾楼”境持续优化');
  });

  it('says so when a document needed no correction', () => {
    const { section, items } = notesOf('changzheng-2022-plan');
    expect(items).toEqual([]);
    expect(toString(section)).toContain('未作更正');
  });
});
