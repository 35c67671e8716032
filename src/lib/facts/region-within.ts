import { site } from '../../site.config.ts';

const byName = new Map<string, { name: string; parent?: string }>();
for (const r of site.regions) for (const n of [r.name, ...r.aliases]) byName.set(n, r);

/** The configured region a name or alias (上海市普陀区长征镇 → 普陀区长征镇) stands for. */
export function canonicalRegion(name: string): string | undefined {
  return byName.get(name)?.name;
}

/** Whether `inner` is `outer` or lies inside it (普陀区长征镇 is within 上海市), by the configured parents. */
export function regionWithin(inner: string, outer: string): boolean {
  const target = canonicalRegion(outer);
  for (let r = byName.get(inner); r; r = r.parent ? byName.get(r.parent) : undefined) if (r.name === target) return true;
  return false;
}

/** Whether one region contains the other (a town's fact may come from its district's report). */
export function regionsOverlap(a: string, b: string): boolean {
  return regionWithin(a, b) || regionWithin(b, a);
}

/** Whether a paragraph names a region: its name, an alias, or its last part (新虹街道, 七个城市). */
export function namesRegion(text: string, region: string): boolean {
  const r = site.regions.find((x) => x.name === canonicalRegion(region));
  if (!r) return false;
  const short = r.name.replace(/^(上海市|普陀区|闵行区|沿沪宁)/, '');
  return [r.name, ...r.aliases, short].some((n) => n.length >= 2 && text.includes(n));
}
