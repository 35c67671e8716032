import { site } from '../site.config.ts';
import type { EntityKind } from './schema/entity.ts';

export { entityKindLabels } from './schema/entity.ts';

/** Short badges used on cards and search results. */
export const entityKindBadges: Record<EntityKind, string> = Object.fromEntries(site.kinds.map((k) => [k.id, k.badge]));

/** 2022-01-13 → 2022年1月13日; 2025-02 → 2025年2月; 2021 → 2021年. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
}
