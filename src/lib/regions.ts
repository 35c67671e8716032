/**
 * Regions as a tree: the places this site is about (src/config/site.config.ts, with their own names and
 * aliases, and groupings that are no administrative division, such as 沿沪宁七个城市), and every
 * other administrative division of China (src/lib/geo/divisions.ts), so a document from 深圳市坪山区
 * or 山西省 needs no configuration. A spelling → its canonical name, and a region → the chain of
 * regions that enclose it (entity linking, region-within, badges and filters read both).
 *
 * Configured spellings are answered from the configuration alone; the divisions dataset is read
 * only when a spelling is not configured, so a site whose content keeps to its configured regions
 * never reads it.
 */
import { site } from '../config/site.config.ts';
import { COUNTRY_CODE, COUNTRY_NAMES, divisionChain, findDivisions, shortForm, type Division } from './geo/divisions.ts';

type RegionList = ReadonlyArray<{ name: string; parent?: string; aliases?: readonly string[] }>;

/** What the divisions dataset offers the tree (a parameter, so tests can give a small one). */
export interface DivisionSource {
  findDivisions(spelling: string): Division[];
  divisionChain(code: string): Division[];
}

/** A spelling read as a region: its canonical name, or why it is none, with what to write. */
export type RegionReading = { name: string; division?: Division } | { problem: string; hint: string };

export interface RegionTree {
  /**
   * The canonical name of a spelling: the configured name for a configured name or alias
   * (上海市普陀区长征镇 → 普陀区长征镇), else the display name of the one division it names
   * (坪山区 → 深圳市坪山区); undefined for an unknown or ambiguous spelling.
   */
  canonical(spelling: string): string | undefined;
  /** The region itself, then each enclosing region up to the root (全国); empty for an unknown one. */
  chain(spelling: string): string[];
  /** The spelling as a region, or one message saying why it is none and what to write instead. */
  read(spelling: string): RegionReading;
  /** The division a region is (configured regions are resolved by their names and parent); none for a grouping. */
  division(spelling: string): Division | undefined;
  /** Words a text names the region by: its names, aliases, its name without its parent's, its short form. */
  spellings(spelling: string): string[];
}

const defaultDivisions: DivisionSource = { findDivisions, divisionChain };

export function regionTree(regions: RegionList, divisions: DivisionSource = defaultDivisions): RegionTree {
  const canonicalOf = new Map<string, string>();
  for (const r of regions) for (const spelling of [r.name, ...(r.aliases ?? [])]) canonicalOf.set(spelling, r.name);
  const configured = new Map(regions.map((r) => [r.name, r]));
  const parentOf = new Map<string, string>();
  for (const r of regions) {
    const parent = r.parent === undefined ? undefined : canonicalOf.get(r.parent);
    if (parent) parentOf.set(r.name, parent);
  }
  const configuredNames = regions.map((r) => r.name).join('、');

  // Configured region → its division, resolved on first need: the divisions its name and aliases
  // name, narrowed to those inside its configured parent's (普陀区: 上海市's, not 舟山市's).
  const codeOf = new Map<string, Division | undefined>();
  const configuredDivision = (name: string, seen: string[] = []): Division | undefined => {
    if (codeOf.has(name)) return codeOf.get(name);
    const r = configured.get(name)!;
    const found = new Map<string, Division>();
    for (const spelling of [r.name, ...(r.aliases ?? [])]) for (const d of divisions.findDivisions(spelling)) found.set(d.code, d);
    let candidates = [...found.values()];
    const parent = parentOf.get(name);
    if (candidates.length > 1 && parent !== undefined && !seen.includes(parent)) {
      const within = configuredDivision(parent, [...seen, name]);
      if (within) candidates = candidates.filter((d) => divisions.divisionChain(d.code).some((c) => c.code === within.code));
    }
    const division = candidates.length === 1 ? candidates[0] : undefined;
    codeOf.set(name, division);
    return division;
  };
  // Division code → the configured region that is that division (read when a chain passes through it).
  let configuredByCode: Map<string, string> | undefined;
  const configuredAt = (code: string) => {
    configuredByCode ??= new Map(
      regions.flatMap((r) => {
        const d = configuredDivision(r.name);
        return d ? [[d.code, r.name] as const] : [];
      }),
    );
    return configuredByCode.get(code);
  };

  const read = (spelling: string): RegionReading => {
    const s = spelling.trim();
    const name = canonicalOf.get(s);
    if (name !== undefined) return { name };
    const found = divisions.findDivisions(s);
    if (found.length === 1) return { name: configuredAt(found[0].code) ?? found[0].displayName, division: found[0] };
    if (found.length > 1) {
      const full = found.map((d) => d.displayName);
      return {
        problem: `is ambiguous: "${s}" names ${found.length} places, ${full.join('、')}`,
        hint: `Write the one meant in full, e.g. ${full[0]}.`,
      };
    }
    return {
      problem: `must be a region of src/config/site.config.ts or the name of a province, city, district, county, town or street; "${s}" is neither`,
      hint: `Write the place's official name, with its city or district when it is a town (上海市闵行区新虹街道), or one of the configured regions: ${configuredNames}.`,
    };
  };

  const canonical = (spelling: string) => {
    const reading = read(spelling);
    return 'name' in reading ? reading.name : undefined;
  };

  const configuredChain = (name: string): string[] => {
    const out: string[] = [];
    // The configuration is validated, but a cycle would still never end this loop.
    for (let r: string | undefined = name; r !== undefined && !out.includes(r); r = parentOf.get(r)) out.push(r);
    // A configured region without a configured parent, other than the country, is placed by the dataset.
    const top = configured.get(out.at(-1)!)!;
    const isCountry = [top.name, ...(top.aliases ?? [])].some((n) => COUNTRY_NAMES.includes(n));
    const division = top.parent === undefined && !isCountry ? configuredDivision(top.name) : undefined;
    if (division && division.code !== COUNTRY_CODE) out.push(...divisionNames(division.code, 1).filter((n) => !out.includes(n)));
    return out;
  };

  /** Names along a division's chain; where the site configures a division, its configured chain takes over. */
  const divisionNames = (code: string, skip = 0): string[] => {
    const out: string[] = [];
    for (const d of divisions.divisionChain(code).slice(skip)) {
      const name = configuredAt(d.code);
      if (name !== undefined) return [...out, ...configuredChain(name)];
      out.push(d.displayName);
    }
    return out;
  };

  const chain = (spelling: string): string[] => {
    const reading = read(spelling);
    if (!('name' in reading)) return [];
    return reading.division && configuredAt(reading.division.code) === undefined
      ? divisionNames(reading.division.code)
      : configuredChain(reading.name);
  };

  const division = (spelling: string): Division | undefined => {
    const reading = read(spelling);
    if (!('name' in reading)) return undefined;
    return configured.has(reading.name) ? configuredDivision(reading.name) : reading.division;
  };

  const spellings = (spelling: string): string[] => {
    const reading = read(spelling);
    if (!('name' in reading)) return [];
    const r = configured.get(reading.name);
    if (r) {
      // Configured: the configuration's own words (no dataset read), and the name without its parent's.
      const short = r.parent && r.name.startsWith(r.parent) ? r.name.slice(r.parent.length) : r.name;
      return [...new Set([r.name, ...(r.aliases ?? []), short])].filter((n) => n.length >= 2);
    }
    const d = reading.division!;
    return [...new Set([d.displayName, d.name, shortForm(d.name, d.level)])].filter((n): n is string => n !== undefined && n.length >= 2);
  };

  return { canonical, chain, read, division, spellings };
}

export const regions: RegionTree = regionTree(site.regions);
