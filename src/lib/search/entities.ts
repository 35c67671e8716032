/** One entity in `/search-index/entities.json` (written by the post-build search index step): its names, for the search index and the benchmark. */
export interface SearchEntity {
  /** Display name, as on the entity page. */
  name: string;
  aliases: string[];
  url: string;
  /** Badge: 政策 / 项目 / 治理模式. */
  kind: string;
}

export interface SearchIndexData {
  entities: SearchEntity[];
}

function charCounts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

function commonChars(a: string, b: string): number {
  const cb = charCounts(b);
  let common = 0;
  for (const [c, n] of charCounts(a)) common += Math.min(n, cb.get(c) ?? 0);
  return common;
}

/** Dice coefficient over the characters of two strings (each character counted as often as it occurs). */
export function characterOverlap(a: string, b: string): number {
  const total = [...a].length + [...b].length;
  return total === 0 ? 0 : (2 * commonChars(a, b)) / total;
}
