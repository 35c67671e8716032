import type { Mention } from '../../compiler/remark/link-entities.ts';
import type { ParagraphIndexEntry } from '../../compiler/remark/resolve-citations.ts';

/** A quantity in a sentence that names an entity: a candidate for that entity's `figures`. */
export interface FigureCandidate {
  entityId: string;
  /** The name as the sentence writes it. */
  name: string;
  /** 2198户, 2.19亿元, 15%, 近千户次. */
  figures: string[];
  sentence: string;
}

/**
 * Counted things as policy texts state them: digits with a unit or a percentage (2198户, 2.19亿元,
 * 15%, 3-5个, 2500多名), or a large round number in words (近千户次, 千余条). Small numbers in words (两个, 八项)
 * are mostly parts of names (“两个免于提交”, 中央八项规定), and years and dates are not figures.
 * Also the coverage rule of content/figures.yaml (src/lib/authoring/candidates/fact-coverage.ts) counts with it.
 */
export const QUANTITY =
  /(?:近|约|超过|超|逾|达|共|累计)?(?:\d+(?:\.\d+)?(?:\s*[-~～—至到]\s*\d+(?:\.\d+)?)?\s*(?:万|亿|千|百)*|[一二两三四五六七八九十]*[百千万亿]+)\s*[余多]?(?:万|亿)?(?:元|户次|户|家|个|项|条|平方米|亩|公里|米|人次|人|次|所|辆|套|幢|栋|座|台|处|起|批次|名|大类|倍|%|％)/g;

/** Every quantity in a text, with its position. */
export function findQuantities(text: string): Array<{ text: string; index: number }> {
  return [...text.matchAll(QUANTITY)].map((m) => ({ text: m[0].replace(/\s+/g, ''), index: m.index }));
}

/** A sentence's clauses: the quantity must sit in the clause that names the entity or the next one. */
const clauses = (sentence: string) => sentence.split(/(?<=[，,；：])/);

/**
 * Sentences of the new document that name an entity and state a quantity: what an editor may add
 * to the entity's `figures` (label + value, citing the source). Each sentence once per entity.
 */
export function findFigureCandidates(paragraphs: ParagraphIndexEntry[], mentions: Mention[]): FigureCandidate[] {
  const textOf = new Map(paragraphs.map((p) => [p.id, p.text]));
  const out: FigureCandidate[] = [];
  const seen = new Set<string>();
  for (const mention of mentions) {
    const text = mention.anchor ? textOf.get(mention.anchor) : undefined;
    if (!text) continue;
    for (const sentence of text.split(/(?<=[。；！？])/)) {
      const parts = clauses(sentence);
      const at = parts.findIndex((c) => c.includes(mention.match));
      if (at < 0) continue;
      const near = parts.slice(at, at + 2).join('');
      const figures = findQuantities(near).map((q) => q.text);
      const key = `${mention.entityId}\u0000${sentence}`;
      if (figures.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push({ entityId: mention.entityId, name: mention.match, figures, sentence: sentence.trim() });
    }
  }
  return out;
}
