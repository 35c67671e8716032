/**
 * The regions of src/site.config.ts as a tree: a spelling (name or alias) → its canonical name,
 * and a region → the chain of regions that enclose it. Read once from the configuration.
 */
import { site } from '../site.config.ts';

type RegionList = ReadonlyArray<{ name: string; parent?: string; aliases?: readonly string[] }>;

export interface RegionTree {
  /** The configured name for a name or alias (上海市普陀区长征镇 → 普陀区长征镇), if it is one. */
  canonical(spelling: string): string | undefined;
  /** The region itself, then each enclosing region up to the root; empty for an unknown one. */
  chain(spelling: string): string[];
}

export function regionTree(regions: RegionList): RegionTree {
  const canonicalOf = new Map<string, string>();
  for (const r of regions) for (const spelling of [r.name, ...(r.aliases ?? [])]) canonicalOf.set(spelling, r.name);
  const parentOf = new Map<string, string>();
  for (const r of regions) {
    const parent = r.parent === undefined ? undefined : canonicalOf.get(r.parent);
    if (parent) parentOf.set(r.name, parent);
  }
  const canonical = (spelling: string) => canonicalOf.get(spelling.trim());
  const chain = (spelling: string) => {
    const out: string[] = [];
    // The configuration is validated, but a cycle would still never end this loop.
    for (let r = canonical(spelling); r !== undefined && !out.includes(r); r = parentOf.get(r)) out.push(r);
    return out;
  };
  return { canonical, chain };
}

export const regions: RegionTree = regionTree(site.regions);
