import type { Problem } from '../../errors.ts';
import { findQuotedParagraph } from '../remark/resolve-citations.ts';
import type { FactCitation } from '../../schema/entity.ts';
import { canonicalKind, type SourceMeta } from '../../schema/source-meta.ts';
import { shortTitle } from '../../text/short-title.ts';
import type { EntitySource } from '../source/load-entities.ts';
import type { FactSource, ParagraphIndexEntry, ResolvedFacts } from '../../types.ts';
import { canonicalRegion, namesRegion, regionsOverlap } from './region-within.ts';

export interface FactDocuments {
  /** A compiled document's metadata and paragraphs; undefined when there is no such document. */
  documentOf: (slug: string) => { meta: SourceMeta; paragraphs: ParagraphIndexEntry[] } | undefined;
  /** Documents that failed to compile: their citations are counted elsewhere, not reported here. */
  isFailedDocument?: (slug: string) => boolean;
}

/** The one status that is not the source's own word: a plan listing a project says it is planned. */
const PLANNED = '规划中';
const isPlan = (meta: SourceMeta) => ['规划', '计划'].includes(canonicalKind(meta.kind) ?? '') || /规划|计划/.test(meta.title);

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const CITE_HINT = 'Quote words of the source that occur in exactly one paragraph of the cited document: {doc: <slug>, quote: "…"}.';

/**
 * Every frontmatter fact (region, period, each status, each figure) must carry a citation of the
 * paragraph stating it, resolved like body citations (src/lib/compiler/remark/resolve-citations.ts). A
 * status value and a figure's numbers must be the source's own words; a region must contain the
 * cited document's region. A fact without a source is an error naming the field: a fact that
 * cannot be cited is removed, not kept unsourced.
 */
export function resolveFacts(entity: EntitySource, docs: FactDocuments): { facts: ResolvedFacts; problems: Problem[] } {
  const f = entity.frontmatter;
  const problems: Problem[] = [];
  const report = (path: Array<string | number>, message: string, hint = CITE_HINT) =>
    problems.push({
      file: entity.file,
      line: entity.lineOf?.(path),
      field: path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${k}`)).join(''),
      message,
      hint,
    });

  const resolve = (cite: FactCitation, path: Array<string | number>): FactSource | undefined => {
    if (docs.isFailedDocument?.(cite.doc)) return undefined;
    const doc = docs.documentOf(cite.doc);
    if (!doc) {
      report(
        [...path, 'doc'],
        `cites unknown document "${cite.doc}"`,
        'Cite a document by the name of its file in content/sources, without .txt.',
      );
      return undefined;
    }
    const found = findQuotedParagraph(doc.paragraphs, cite.doc, cite.quote);
    if ('message' in found) {
      report([...path, 'quote'], found.message);
      return undefined;
    }
    const { title, date, region } = doc.meta;
    return {
      document: cite.doc,
      anchor: found.paragraph.id,
      quote: cite.quote,
      title,
      date,
      label: shortTitle(doc.meta),
      region: canonicalRegion(region) ?? region,
    };
  };
  const missing = (field: string, what: string) =>
    report(
      [field],
      `states ${what} without a source`,
      `Add ${field}Cite: {doc: <slug>, quote: "words of the paragraph that states it"}, or remove the field.`,
    );

  const facts: ResolvedFacts = { status: [], figures: [] };
  if (f.regionCite) {
    facts.region = resolve(f.regionCite, ['regionCite']);
    const doc = docs.documentOf(f.regionCite.doc);
    const paragraph = doc?.paragraphs.find((p) => p.id === facts.region?.anchor);
    // A document may speak of places beyond its own region only where the paragraph names them.
    if (facts.region && doc && paragraph && !regionsOverlap(doc.meta.region, f.region) && !namesRegion(paragraph.text, f.region)) {
      report(
        ['regionCite', 'doc'],
        `cites a document about ${canonicalRegion(doc.meta.region) ?? doc.meta.region} for the region ${f.region}, and the paragraph does not name ${f.region}`,
        'Cite a paragraph about this region, or correct the region.',
      );
    }
  } else missing('region', `the region "${f.region}"`);

  if (f.period !== undefined) {
    if (f.periodCite) facts.period = resolve(f.periodCite, ['periodCite']);
    else missing('period', `the period "${f.period}"`);
  }

  // A status or figure from a document about another place must say, in its paragraph, that it is about this one.
  const otherPlace = (path: Array<string | number>, doc: string, anchor: string) => {
    const d = docs.documentOf(doc)!;
    const text = d.paragraphs.find((p) => p.id === anchor)!.text;
    if (regionsOverlap(d.meta.region, f.region) || namesRegion(text, f.region)) return false;
    report(
      path,
      `comes from a document about ${canonicalRegion(d.meta.region) ?? d.meta.region}, and its paragraph does not name ${f.region}`,
      "Keep only facts about this entity's region on its page; facts about another place belong on that place's page.",
    );
    return true;
  };

  f.status.forEach((s, i) => {
    const source = resolve(s, ['status', i]);
    if (!source || otherPlace(['status', i, 'doc'], s.doc, source.anchor)) return;
    if (s.value !== PLANNED && !s.quote.includes(s.value))
      report(
        ['status', i, 'value'],
        `"${s.value}" is not in the quoted words "${s.quote}"`,
        "A status is the source's own words: quote the phrase that contains it.",
      );
    if (s.value === PLANNED && !isPlan(docs.documentOf(s.doc)!.meta))
      report(
        ['status', i, 'value'],
        `"${PLANNED}" needs a plan as its source; "${s.doc}" is not one`,
        "Cite the plan that lists it, or quote the source's own word for its state.",
      );
    facts.status.push({ value: s.value, source });
  });

  f.figures.forEach((fig, i) => {
    const source = resolve(fig, ['figures', i]);
    if (!source || otherPlace(['figures', i, 'doc'], fig.doc, source.anchor)) return;
    const paragraph = docs.documentOf(fig.doc)!.paragraphs.find((p) => p.id === source.anchor)!;
    // Each number as a whole number with the character after it in the value (its unit): 5家 is not
    // in 75.93 nor in 5G, and 2个 is not the list number （2）.
    const absent = [...fig.value.matchAll(/(\d+(?:\.\d+)?)(\D?)/g)]
      .filter(
        ([, n, unit]) =>
          !new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}${unit && !'（('.includes(unit) ? escapeRegExp(unit) : '(?![\\d]|\\.\\d)'}`).test(
            paragraph.text,
          ),
      )
      .map(([, n, unit]) => n + (unit && !'（('.includes(unit) ? unit : ''));
    if (absent.length > 0)
      report(
        ['figures', i, 'value'],
        `the number ${absent.join('、')} is not in the cited paragraph`,
        'Write the figure as the source gives it, and quote the paragraph that gives it.',
      );
    facts.figures.push({ label: fig.label, value: fig.value, source });
  });
  return { facts, problems };
}
