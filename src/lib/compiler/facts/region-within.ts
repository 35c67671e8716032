import { regions } from '../../regions.ts';

/** The region a name or alias stands for (上海市普陀区长征镇 → 普陀区长征镇; 坪山区 → 深圳市坪山区). */
export const canonicalRegion = (name: string): string | undefined => regions.canonical(name);

/** Whether `inner` is `outer` or lies inside it (普陀区长征镇 is within 上海市), by the region tree. */
export function regionWithin(inner: string, outer: string): boolean {
  const target = regions.canonical(outer);
  return target !== undefined && regions.chain(inner).includes(target);
}

/** Whether one region contains the other (a town's fact may come from its district's report). */
export function regionsOverlap(a: string, b: string): boolean {
  return regionWithin(a, b) || regionWithin(b, a);
}

/**
 * Whether a paragraph names a region: for a configured one its name, an alias, or its name without
 * the enclosing region's (普陀区长征镇 → 长征镇, 闵行区新虹街道 → 新虹街道; other short forms are aliases
 * in the config); for another division its display name, its own name or its short form (深圳市坪山区,
 * 坪山区; 山西省, 山西).
 */
export function namesRegion(text: string, region: string): boolean {
  return regions.spellings(region).some((n) => text.includes(n));
}
