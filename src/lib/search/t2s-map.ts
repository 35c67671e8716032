/**
 * Build-time only (imports OpenCC's dictionaries): the traditional → simplified character map the
 * search page needs, and nothing more.
 *
 * OpenCC's full tables are hundreds of kilobytes. A reader's traditional query can only match text
 * the site has, so the map keeps an entry only when its simplified character occurs in the corpus,
 * and never rewrites a character the corpus itself uses (so folding leaves the site's own text
 * unchanged). Taiwan and Hong Kong variant forms (`為`, `裡`, `衞`) are first brought to OpenCC's
 * standard traditional form, then simplified.
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import type { T2sMap } from './normalize.ts';

/** OpenCC's dictionary format: `from to [alternatives]|from to|…`; the first target is the common one. */
function parseDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && !map.has(from)) map.set(from, to);
  }
  return map;
}

const HAN = /\p{Script=Han}/u;

/** `corpus`: all text the site shows (documents and entity pages). */
export function buildT2sMap(corpus: string): T2sMap {
  const used = new Set([...corpus].filter((c) => HAN.test(c)));
  const ts = parseDict(TSCharacters);
  const variants = [parseDict(TWVariantsRev), parseDict(HKVariantsRev)];
  const out: Record<string, string> = {};
  const candidates = new Set<string>([...ts.keys(), ...variants.flatMap((v) => [...v.keys()])]);
  for (const c of [...candidates].sort()) {
    if ([...c].length !== 1 || used.has(c)) continue;
    const standard = variants.map((v) => v.get(c)).find((x) => x !== undefined) ?? c;
    const simplified = ts.get(standard) ?? standard;
    if (simplified !== c && [...simplified].length === 1 && used.has(simplified)) out[c] = simplified;
  }
  return out;
}
