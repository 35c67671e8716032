import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { remarkAssignIds } from '../../src/lib/compiler/remark/assign-ids.ts';
import { buildEntityMatcher, remarkLinkEntities } from '../../src/lib/compiler/remark/link-entities.ts';
import { citedQuotesByDocument } from '../../src/lib/compiler/site-wide/cited-paragraphs.ts';
import type { EntitySource } from '../../src/lib/compiler/source/load-entities.ts';
import { parseInline } from '../../src/lib/compiler/structure/build-mdast.ts';
import { normalizeForMatching } from '../../src/lib/text/normalize-for-matching.ts';

// Two places, one name each: 楼委会 is a 新虹 entity, so a 普陀区 document links it only where a page cites it.
const matcher = buildEntityMatcher([
  { id: 'governance/louweihui', name: '楼委会', aliases: [], region: '闵行区新虹街道' },
  { id: 'governance/wangge', name: '网格化管理', aliases: [], region: '普陀区' },
]);

const heading = (depth: 1 | 2 | 3, text: string): RootContent => ({
  type: 'heading',
  depth: depth as 2,
  children: [{ type: 'text', value: text }],
});
const paragraph = (text: string): RootContent => ({ type: 'paragraph', children: parseInline(text) });

function links(children: RootContent[], citations: Array<{ entityId: string; quote: string }> = []) {
  const tree: Root = { type: 'root', children };
  remarkAssignIds()(tree);
  remarkLinkEntities({
    matcher,
    href: (id) => `/${id}/`,
    region: '普陀区',
    citations: citations.map((c) => ({ entityId: c.entityId, needle: normalizeForMatching(c.quote) })),
  })(tree);
  // Per top-level child: the entity ids linked in it.
  return tree.children.map((c) => {
    const out: string[] = [];
    const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
      if (n.type === 'link') out.push(n.url!);
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    walk(c);
    return `${toString(c).slice(0, 6)}:${out.join(',')}`;
  });
}

describe('cited paragraphs link the citing entity', () => {
  it('links an entity of another region in the paragraph its page cites, and nowhere else', () => {
    const result = links(
      [paragraph('各楼宇成立楼委会，协商楼宇事务。'), paragraph('楼委会每月召开例会。')],
      [{ entityId: 'governance/louweihui', quote: '各楼宇成立楼委会' }],
    );
    expect(result).toEqual(['各楼宇成立楼:/governance/louweihui/', '楼委会每月召:']);
  });

  it('links a cited paragraph even when the entity was already linked earlier in the section, once in the paragraph', () => {
    const result = links(
      [
        heading(2, '一、治理'),
        paragraph('推进网格化管理。'),
        paragraph('深化网格化管理，网格化管理全覆盖。'),
        paragraph('网格化管理再提升。'),
      ],
      [{ entityId: 'governance/wangge', quote: '深化网格化管理' }],
    );
    expect(result).toEqual(['一、治理:', '推进网格化管:/governance/wangge/', '深化网格化管:/governance/wangge/', '网格化管理再:']);
  });

  it('restarts the density rule at top-level headings only, not at each sub-heading', () => {
    const result = links([
      heading(2, '一、治理'),
      paragraph('推进网格化管理。'),
      heading(3, '（一）基层'),
      paragraph('网格化管理再提升。'),
      heading(2, '二、服务'),
      paragraph('网格化管理下沉。'),
    ]);
    expect(result).toEqual([
      '一、治理:',
      '推进网格化管:/governance/wangge/',
      '（一）基层:',
      '网格化管理再:',
      '二、服务:',
      '网格化管理下:/governance/wangge/',
    ]);
  });

  it('gathers the quotes of body citations, frontmatter facts and figures naming the entity, by document', () => {
    const entity = {
      id: 'governance/louweihui',
      body: '各楼宇成立楼委会[〔2023年报道〕](cite:xinhong-hub "各楼宇成立楼委会")。',
      frontmatter: {
        regionCite: { doc: 'putuo-2025', quote: '新虹街道楼委会' },
        status: [],
        figures: [{ doc: 'xinhong-hub', quote: '楼委会覆盖楼宇19栋', label: '覆盖', value: '19栋' }],
      },
    } as unknown as EntitySource;
    const cited = citedQuotesByDocument(
      [entity],
      [{ entities: ['governance/wangge'], citation: { doc: 'putuo-2025', quote: '网格化管理全覆盖' } }],
    );
    expect(cited.get('xinhong-hub')).toEqual([
      { entityId: 'governance/louweihui', needle: '各楼宇成立楼委会' },
      { entityId: 'governance/louweihui', needle: '楼委会覆盖楼宇19栋' },
    ]);
    expect(cited.get('putuo-2025')?.map((c) => c.entityId)).toEqual(['governance/louweihui', 'governance/wangge']);
  });
});
