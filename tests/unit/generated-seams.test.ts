import { describe, expect, expectTypeOf, it } from 'vitest';
import { searchEntities } from '../../src/lib/postbuild/search-index.ts';
import {
  figuresPageSchema,
  generatedDocumentSchema,
  parseGenerated,
  timelinePageSchema,
  type GeneratedBacklinks,
  type GeneratedEntityFacts,
  type GeneratedFiguresPage,
  type GeneratedKindsOverview,
  type GeneratedMentionPage,
  type GeneratedTimelinePage,
} from '../../src/lib/schema/generated.ts';
import type { CompiledEntity, EntityBacklinks, EntityFacts, KindsOverview } from '../../src/lib/types.ts';
import type { mentionPages } from '../../src/lib/views/mentions.ts';
import type { FiguresPage } from '../../src/lib/views/figures.ts';
import type { TimelinePage } from '../../src/lib/views/timeline.ts';
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
    expect(() => parseGenerated(generatedDocumentSchema, '.generated/document-pages/plan.json', withoutBody)).toThrow(
      /\.generated\/document-pages\/plan\.json: field "html" .*\n.*run the build again/,
    );
    expect(
      timelinePageSchema.safeParse({ page: 1, pages: 1, years: [{ year: '2021', events: [{ id: 1 }] }], regions: [], kinds: [], total: 1 })
        .success,
    ).toBe(false);
  });
});

describe('the types derived from the schemas and the types the compiler builds', () => {
  // Checked by `npx tsc -p .` (part of npm test): the view models and the site-wide reduce keep their
  // own interfaces, and a field added to one side only fails here, not at run time in a route.
  it('are the same', () => {
    expectTypeOf<GeneratedFiguresPage>().toEqualTypeOf<FiguresPage>();
    expectTypeOf<GeneratedTimelinePage>().toEqualTypeOf<TimelinePage>();
    expectTypeOf<GeneratedEntityFacts>().toEqualTypeOf<EntityFacts>();
    expectTypeOf<GeneratedBacklinks>().toEqualTypeOf<EntityBacklinks>();
    expectTypeOf<GeneratedMentionPage>().toEqualTypeOf<ReturnType<typeof mentionPages>[number]>();
    // .branded: KindsOverview writes its map's nodes as an intersection (EntityLabel & { degree }).
    expectTypeOf<Omit<GeneratedKindsOverview, 'id'>>().branded.toEqualTypeOf<KindsOverview>();
  });
  it('a figures page of each view passes its schema, and one of an unknown view does not', () => {
    const plan = { slug: 'plan', title: '规划', date: '2021-01-01', indicators: 0, href: '/figures/plan/plan/' };
    expect(figuresPageSchema.parse({ view: 'plans', page: 3, number: 1, pages: 1, path: 'plans', groups: [], plans: [plan] }).view).toBe(
      'plans',
    );
    expect(figuresPageSchema.parse({ view: 'plan', page: 2, path: 'plan/plan', groups: [], plan, rows: [], baselines: [] }).view).toBe(
      'plan',
    );
    expect(figuresPageSchema.safeParse({ view: 'table', page: 2, path: '', groups: [] }).success).toBe(false);
  });
});
