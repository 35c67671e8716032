import { site } from '../../site.config.ts';
import { regions } from '../regions.ts';

/** The configured region a name or alias (上海市普陀区长征镇 → 普陀区长征镇) stands for. */
export const canonicalRegion = (name: string): string | undefined => regions.canonical(name);

/** Whether `inner` is `outer` or lies inside it (普陀区长征镇 is within 上海市), by the configured parents. */
export function regionWithin(inner: string, outer: string): boolean {
  const target = regions.canonical(outer);
  return target !== undefined && regions.chain(inner).includes(target);
}

/** Whether one region contains the other (a town's fact may come from its district's report). */
export function regionsOverlap(a: string, b: string): boolean {
  return regionWithin(a, b) || regionWithin(b, a);
}

/**
 * Whether a paragraph names a region: its name, an alias, or its name without the enclosing
 * region's (普陀区长征镇 → 长征镇, 闵行区新虹街道 → 新虹街道); other short forms are aliases in the config.
 */
export function namesRegion(text: string, region: string): boolean {
  const r = site.regions.find((x) => x.name === regions.canonical(region));
  if (!r) return false;
  const short = r.parent && r.name.startsWith(r.parent) ? r.name.slice(r.parent.length) : r.name;
  return [r.name, ...r.aliases, short].some((n) => n.length >= 2 && text.includes(n));
}
