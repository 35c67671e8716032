import { pinyin } from 'pinyin-pro';
import { relationTypes } from '../schema/entity.ts';
import type { EntityLabel, KindsOverview } from '../types.ts';
import { paginate, type Page } from './paginate.ts';

/** Pairs of one type shown on /relations/ itself; the complete list is on that type's own pages. */
export const PAIRS_ON_OVERVIEW = 30;
/** Pairs per page of /relations/<type>/. */
export const PAIRS_PER_PAGE = 100;

/** An ASCII address for a relation type, from its reading: 属于 → shuyu. */
export function relationTypeSlug(type: string): string {
  return (
    pinyin(type, { toneType: 'none', type: 'array', nonZh: 'removed' })
      .join('')
      .replace(/[^a-z0-9]/g, '') || 'relation'
  );
}

/** What a pair reads as, in the words of the type: 甲 属于 乙; the inverse word is shown beside it for the reverse reading. */
export function relationSentence(type: string): { verb: string; inverse: string } {
  const t = relationTypes[type as keyof typeof relationTypes];
  return { verb: t?.label ?? type, inverse: t?.inverse ?? type };
}

export interface RelationTypeSummary {
  type: string;
  slug: string;
  count: number;
  /** The first PAIRS_ON_OVERVIEW pairs. */
  pairs: Array<{ from: EntityLabel; to: EntityLabel }>;
}

/** /relations/: every type with its count and its first pairs (bounded whatever the corpus). */
export function relationTypeSummaries(overview: KindsOverview): RelationTypeSummary[] {
  return (overview.relationPairs ?? []).map((r) => ({
    type: r.type,
    slug: relationTypeSlug(r.type),
    count: r.count,
    pairs: r.pairs.slice(0, PAIRS_ON_OVERVIEW),
  }));
}

/** The pages of /relations/<type>/: every pair of the type, PAIRS_PER_PAGE a page; only for types /relations/ cannot show whole. */
export function relationTypePages(
  overview: KindsOverview,
): Array<{ type: string; slug: string; page: Page<{ from: EntityLabel; to: EntityLabel }> }> {
  return (overview.relationPairs ?? [])
    .filter((r) => r.count > PAIRS_ON_OVERVIEW)
    .flatMap((r) => paginate(r.pairs, PAIRS_PER_PAGE).map((page) => ({ type: r.type, slug: relationTypeSlug(r.type), page })));
}
