import { fold, type T2sMap } from './normalize.ts';
import type { ParsedQuery } from './query.ts';

/** One entity in `/search-index/entities.json`: what the search page needs to know about it. */
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

export interface PreparedEntity extends SearchEntity {
  /** Name (first) and aliases, each with its normal form. */
  names: Array<{ label: string; key: string }>;
}

export function prepareEntities(entities: readonly SearchEntity[], t2s: T2sMap): PreparedEntity[] {
  return entities.map((e) => ({ ...e, names: [e.name, ...e.aliases].map((label) => ({ label, key: fold(label, t2s) })).filter((n) => n.key) }));
}

/**
 * The entity the query names: its whole text (spaces ignored, normal form) equals the entity's name
 * or one of its aliases. `宝能西上海中心`, `寶能西上海中心` and `长征文化767` all name an entity; a
 * name wins over another entity's alias.
 */
export function entityNamedBy(entities: readonly PreparedEntity[], query: ParsedQuery): PreparedEntity | undefined {
  if (!query.key) return undefined;
  return entities.find((e) => e.names[0]?.key === query.key) ?? entities.find((e) => e.names.some((n) => n.key === query.key));
}

function charCounts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

function bigrams(s: string): Set<string> {
  const chars = [...s];
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
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

export interface Suggestion {
  entity: PreparedEntity;
  /** The name or alias that matched best, as written. */
  label: string;
  score: number;
}

/**
 * Entities whose names look like the query, for "did you mean" when nothing matches: ranked by
 * character overlap with the best of name and aliases (`楼长治` → 楼长制, `建德模试` → 建德模式).
 * A suggestion shares at least two characters with the query, two of them next to each other (a
 * one-character query: that character).
 */
export function suggestEntities(entities: readonly PreparedEntity[], query: ParsedQuery, limit = 5, minScore = 0.5): Suggestion[] {
  const q = query.words.join('');
  if (!q) return [];
  const need = Math.min(2, [...q].length);
  const pairs = bigrams(q);
  const out: Suggestion[] = [];
  for (const entity of entities) {
    let best: Suggestion | undefined;
    for (const { label, key } of entity.names) {
      if (commonChars(q, key) < need) continue;
      if (pairs.size > 0 && ![...bigrams(key)].some((p) => pairs.has(p))) continue;
      const score = characterOverlap(q, key);
      if (score >= minScore && (!best || score > best.score)) best = { entity, label, score };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.score - a.score || a.label.length - b.label.length).slice(0, limit);
}
