import { describe, expect, it } from 'vitest';
import { searchEntities } from '../../src/lib/postbuild/search-index.ts';
import { generatedDocumentSchema, timelinePageSchema } from '../../src/lib/schema/generated.ts';
import type { CompiledEntity } from '../../src/lib/types.ts';
import { createUrls } from '../../src/lib/urls.ts';

const entity = (id: string, name: string, aliases: string[] = []) => ({ id, data: { name, aliases } }) as unknown as CompiledEntity;

describe('search-index/entities.json, made by the post-build step from the compiled entity pages', () => {
  it('lists kinds in configured order, names in Chinese order within a kind, with URLs under the base path', () => {
    const pages = [
      entity('governance/jiande', '建德模式'),
      entity('policies/sansong', '三送一关怀'),
      entity('policies/louzhang', '楼长制', ['楼组长制']),
    ];
    expect(searchEntities(pages, createUrls('/lib/')).entities).toEqual([
      { name: '楼长制', aliases: ['楼组长制'], url: '/lib/policies/louzhang/', kind: '政策' },
      { name: '三送一关怀', aliases: [], url: '/lib/policies/sansong/', kind: '政策' },
      { name: '建德模式', aliases: [], url: '/lib/governance/jiande/', kind: '治理模式' },
    ]);
  });
});

describe('the schemas of the generated files', () => {
  const page = {
    slug: 'plan',
    meta: { title: '规划', date: '2021-01-01' },
    header: { title: '规划' },
    html: '<p>正文</p>',
    toc: [{ depth: 2, id: 'a', text: '一、总体要求' }],
    entities: [],
    neighbours: { related: [] },
    downloads: { source: 'source.txt', text: 'text.txt' },
    unconfirmed: [],
    report: { headings: 1, paragraphs: 1, corrections: 0, joins: 0 },
    collation: [],
  };
  it('accept a document page as the compiler writes it', () => {
    expect(generatedDocumentSchema.parse(page).html).toBe('<p>正文</p>');
  });
  it('refuse a page whose shape drifted, naming the field', () => {
    const { html: _html, ...withoutBody } = page;
    expect(generatedDocumentSchema.safeParse(withoutBody).error?.issues.map((i) => i.path.join('.'))).toEqual(['html']);
    expect(generatedDocumentSchema.safeParse({ ...page, collation: [{ kind: '其他', reason: 'x' }] }).success).toBe(false);
    expect(
      timelinePageSchema.safeParse({ page: 1, pages: 1, years: [{ year: '2021', events: [{ id: 1 }] }], regions: [], kinds: [], total: 1 })
        .success,
    ).toBe(false);
  });
});
