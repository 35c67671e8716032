/** A term the sources mark as a name (in quotation marks or 《》) that no entity covers yet. */
export interface EntityCandidate {
  term: string;
  pattern: 'title' | 'quoted' | 'quoted-with-suffix';
  count: number;
  documents: string[];
}

/** Words that turn a quoted phrase into a named thing: “邻伙伴”计划, “社区云”平台. */
const SUFFIXES = '计划|工程|项目|机制|模式|体系|行动|品牌|平台|制度|工作法|服务站|联盟|中心|样本|专项行动';

const PATTERNS: Array<[EntityCandidate['pattern'], RegExp]> = [
  ['title', /《([^《》\n]{2,40})》/g],
  ['quoted-with-suffix', new RegExp(`“([^“”\\n]{2,20})”(${SUFFIXES})`, 'g')],
  ['quoted', /“([^“”\n]{2,16})”/g],
];

/** The comparable form of a name: no quotation marks, title marks or spaces. */
export const bareName = (s: string) => s.replace(/[“”"《》\s]/g, '');

/**
 * Lists terms in quotation marks or 《》 in the given texts that match no entity name, alias or
 * ignore-list entry, most frequent first. Meant for keeping coverage up as documents are added.
 */
export function findEntityCandidates(
  texts: Array<{ document: string; text: string }>,
  covered: Iterable<string>,
  ignored: Iterable<string>,
): EntityCandidate[] {
  const known = new Set([...covered, ...ignored].map(bareName));
  const knownList = [...known];
  const found = new Map<string, EntityCandidate>();
  for (const { document, text } of texts) {
    const claimed = new Set<number>(); // a quotation already reported with its suffix
    for (const [pattern, re] of PATTERNS) {
      for (const m of text.matchAll(re)) {
        if (claimed.has(m.index)) continue;
        claimed.add(m.index);
        const term = pattern === 'quoted-with-suffix' ? `“${m[1]}”${m[2]}` : pattern === 'title' ? `《${m[1]}》` : `“${m[1]}”`;
        const bare = bareName(term);
        // Covered when a known name starts here, e.g. “3+5+X”产业政策体系 covers the quotation “3+5+X”.
        const here = bareName(text.slice(m.index, m.index + 48));
        if (known.has(bare) || knownList.some((k) => here.startsWith(k))) continue;
        const c = found.get(bare) ?? { term, pattern, count: 0, documents: [] };
        c.count++;
        if (!c.documents.includes(document)) c.documents.push(document);
        found.set(bare, c);
      }
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, 'zh'));
}

/** A 《》 title in a document that no entity name, alias or ignore entry covers. */
export interface UncoveredTitle {
  document: string;
  title: string;
}

/**
 * Every 《》 title in the given texts that is not, as a whole (bareName), an entity's name or alias
 * or an entry of the ignore list: each such title is a page to write or an entry to add with a
 * reason. In text order, every occurrence.
 */
export function uncoveredTitles(
  texts: Array<{ document: string; text: string }>,
  covered: Iterable<string>,
  ignored: Iterable<string>,
): UncoveredTitle[] {
  const known = new Set([...covered, ...ignored].map(bareName));
  const found: UncoveredTitle[] = [];
  for (const { document, text } of texts) {
    for (const m of text.matchAll(/《([^《》\n]+)》/g)) if (!known.has(bareName(m[1]))) found.push({ document, title: `《${m[1]}》` });
  }
  return found;
}
