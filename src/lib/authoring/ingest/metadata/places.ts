import { placeNames, divisionChain, type Division } from '../../../geo/divisions.ts';
import type { PlaceLookup } from './region.ts';

const LEVEL_RANK: Record<Division['level'], number> = { country: 0, province: 1, city: 2, county: 3, town: 4 };

/**
 * Finds place names in a short text (an issuer, a title) with the administrative-divisions
 * dataset: at each position the longest spelling the dataset knows (深圳市坪山区 before 深圳),
 * then ambiguous names (普陀区: 上海 and 舟山) resolved by another place the text names, or
 * dropped. Built once; a lookup is a map probe per position and length, so its cost follows the
 * text, not the 200,000 spellings.
 */
export function divisionPlaceLookup(preferred: () => ReadonlySet<string> = () => new Set()): PlaceLookup {
  let bySpelling: Map<string, Division[]> | undefined;
  let longest = 0;
  const index = () => {
    if (!bySpelling) {
      bySpelling = new Map();
      for (const [spelling, divisions] of placeNames()) {
        if (spelling.length < 2) continue;
        bySpelling.set(spelling, divisions);
        longest = Math.max(longest, spelling.length);
      }
    }
    return bySpelling;
  };
  return {
    placesIn(text: string) {
      const map = index();
      const found: Array<{ spelling: string; divisions: Division[] }> = [];
      for (let i = 0; i < text.length; ) {
        let hit: { spelling: string; divisions: Division[] } | undefined;
        for (let len = Math.min(longest, text.length - i); len >= 2 && !hit; len--) {
          const divisions = map.get(text.slice(i, i + len));
          if (divisions) hit = { spelling: text.slice(i, i + len), divisions };
        }
        if (hit) {
          found.push(hit);
          i += hit.spelling.length;
        } else i++;
      }
      const codes = new Set(found.flatMap((f) => (f.divisions.length === 1 ? [f.divisions[0].code] : [])));
      const out: Array<{ spelling: string; displayName: string; code: string; rank: number }> = [];
      for (const f of found) {
        let candidates =
          f.divisions.length === 1
            ? f.divisions
            : f.divisions.filter((d) => divisionChain(d.code).some((a) => a.code !== d.code && codes.has(a.code)));
        // Still ambiguous (长征镇, 普陀区): the one inside a region this site is about.
        if (candidates.length !== 1) {
          const mine = preferred();
          const inside = f.divisions.filter((d) => divisionChain(d.code).some((a) => mine.has(a.code)));
          if (inside.length === 1) candidates = inside;
        }
        if (candidates.length !== 1) continue;
        const d = candidates[0];
        out.push({ spelling: f.spelling, displayName: d.displayName, code: d.code, rank: LEVEL_RANK[d.level] });
      }
      return out;
    },
  };
}
