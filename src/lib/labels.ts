import { site } from '../config/site.config.ts';
import { canonicalKind } from '../config/document-kinds.ts';
import type { EntityKind } from './schema/entity.ts';

export { entityKindLabels } from './schema/entity.ts';

/** Short badges used on cards and search results. */
export const entityKindBadges: Record<EntityKind, string> = Object.fromEntries(site.kinds.map((k) => [k.id, k.badge]));

/**
 * The kind a page shows for a document's `kind`: the configured name for a name or alias
 * (年度计划 → 计划, 政府工作报告 → 报告), from src/config/site.config.ts.
 */
export const documentKindLabel = (kind: string): string => canonicalKind(kind) ?? kind;

/** 2022-01-13 → 2022年1月13日; 2025-02 → 2025年2月; 2021 → 2021年. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
}
