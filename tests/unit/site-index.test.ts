import { describe, expect, it } from 'vitest';
import type { CompiledDocument, CompiledEntity } from '../../src/lib/types.ts';
import type { Mention } from '../../src/lib/compiler/remark/link-entities.ts';
import type { EntityRef } from '../../src/lib/schema/entity.ts';
import { buildSiteIndex } from '../../src/lib/compiler/site-wide/build-site-index.ts';

const ref = (id: string, name: string): EntityRef => {
  const [kind, slug] = id.split('/') as [EntityRef['kind'], string];
  return { id, kind, slug, name, aliases: [] };
};
const entities = [
  ref('policies/louzhangzhi', '楼长制'),
  ref('policies/san-song', '三送一关怀'),
  ref('governance/jiande-moshi', '建德模式'),
];
const mention = (entityId: string, anchor: string, match: string): Mention => ({ entityId, anchor, before: '做优“', match, after: '”' });
const doc = (slug: string, date: string, mentions: Mention[]) =>
  ({ slug, meta: { title: slug, date }, mentions }) as unknown as CompiledDocument;

describe('the site-wide reduce', () => {
  // 2023 page: 楼长制 and 三送一关怀 share a paragraph (做优“楼长制”和“三送一关怀”…); plan: both again, apart.
  const documents = [
    doc('plan', '2021', [mention('policies/louzhangzhi', 'p-1', '楼长制'), mention('policies/san-song', 'p-2', '三送一关怀')]),
    doc('news', '2023', [mention('policies/louzhangzhi', 'p-9', '楼长制'), mention('policies/san-song', 'p-9', '三送一关怀')]),
  ];
  const pages = [
    {
      id: 'governance/jiande-moshi',
      mentions: [mention('policies/louzhangzhi', 'p-5', '楼长制')],
      citations: [],
      html: '',
      data: {} as CompiledEntity['data'],
    },
  ];
  const { backlinks, documentEntities } = buildSiteIndex(documents, pages, entities);
  const of = (id: string) => backlinks.find((b) => b.id === id)!;

  it('groups every mention by document, newest first, keeping anchors and excerpts', () => {
    expect(of('policies/louzhangzhi').mentionCount).toBe(2);
    expect(of('policies/louzhangzhi').documents.map((d) => [d.slug, d.mentions.map((m) => m.anchor)])).toEqual([
      ['news', ['p-9']],
      ['plan', ['p-1']],
    ]);
  });

  it('counts related entities by shared paragraphs and links between pages', () => {
    expect(of('policies/louzhangzhi').related).toEqual([
      { id: 'governance/jiande-moshi', name: '建德模式', kind: 'governance', count: 1 },
      { id: 'policies/san-song', name: '三送一关怀', kind: 'policies', count: 1 },
    ]);
    expect(of('governance/jiande-moshi').related.map((r) => r.id)).toEqual(['policies/louzhangzhi']);
    expect(of('policies/louzhangzhi').entities.map((e) => e.id)).toEqual(['governance/jiande-moshi']);
  });

  it('lists the entities each document mentions, with counts', () => {
    expect(documentEntities.find((d) => d.slug === 'plan')!.entities.map((e) => [e.id, e.count])).toEqual([
      ['policies/louzhangzhi', 1],
      ['policies/san-song', 1],
    ]);
  });

  it('orders documents by date for 上一篇 / 下一篇 and relates those sharing entities, most shared first', () => {
    const docs = [
      doc('c-2023', '2023', [mention('policies/louzhangzhi', 'p-1', '楼长制')]),
      doc('a-2021', '2021', [mention('policies/louzhangzhi', 'p-1', '楼长制'), mention('policies/san-song', 'p-2', '三送一关怀')]),
      doc('b-2022', '2022-01-13', [mention('policies/san-song', 'p-3', '三送一关怀'), mention('policies/louzhangzhi', 'p-3', '楼长制')]),
      doc('d-2025', '2025-02', []),
    ];
    const { documentNeighbours } = buildSiteIndex(docs, [], entities);
    expect(documentNeighbours.map((n) => [n.slug, n.previous?.slug, n.next?.slug])).toEqual([
      ['a-2021', undefined, 'b-2022'],
      ['b-2022', 'a-2021', 'c-2023'],
      ['c-2023', 'b-2022', 'd-2025'],
      ['d-2025', 'c-2023', undefined],
    ]);
    const of = (slug: string) => documentNeighbours.find((n) => n.slug === slug)!;
    expect(of('a-2021').related.map((r) => [r.slug, r.sharedCount, [...r.shared].sort()])).toEqual([
      ['b-2022', 2, ['三送一关怀', '楼长制']],
      ['c-2023', 1, ['楼长制']],
    ]);
    expect(of('d-2025').related).toEqual([]);
  });

  it('bounds related documents to five per page, however many share an entity', () => {
    const docs = Array.from({ length: 12 }, (_, i) => doc(`doc-${i}`, `20${10 + i}`, [mention('policies/louzhangzhi', 'p-1', '楼长制')]));
    const { documentNeighbours } = buildSiteIndex(docs, [], entities);
    expect(documentNeighbours.every((n) => n.related.length === 5)).toBe(true);
  });
});
