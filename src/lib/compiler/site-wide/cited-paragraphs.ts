import type { Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { EntitySource } from '../source/load-entities.ts';
import { normalizeForMatching } from '../../text/normalize-for-matching.ts';

/** A quote an entity page cites from a document, in the normal form citations are matched in. */
export interface CitedQuote {
  entityId: string;
  needle: string;
}

/** Facts of content/figures.yaml and events.yaml: each names entities and cites one paragraph. */
interface EntityFact {
  entities: string[];
  citation: { doc: string; quote: string };
}

const parser = unified().use(remarkParse);

/** A `cite:` link of an entity body: the cited document and the quote (the link's title). */
export interface CiteLink {
  doc: string;
  quote?: string | null;
}

/** The `cite:` links of an entity body, in order. */
export function citeLinks(body: string): CiteLink[] {
  const links: CiteLink[] = [];
  visit(parser.parse(body) as Root, 'link', (node: Link) => {
    if (node.url.startsWith('cite:')) links.push({ doc: node.url.slice('cite:'.length), quote: node.title });
  });
  return links;
}

/**
 * Every quote each entity page cites, grouped by the cited document: the body's `cite:` links, the
 * frontmatter's cited facts, and the figures and events that name the entity (its page shows them).
 * A paragraph an entity page cites links to that entity whatever the regions: the citation is the
 * evidence that the paragraph means it. Computed before documents are linked, from the sources'
 * own words, so linking needs no second pass over the documents.
 */
export function citedQuotesByDocument(
  entities: readonly EntitySource[],
  facts: readonly EntityFact[] = [],
  /** The body's cite links; the compiler passes citeLinks kept in its cache, so an unchanged body is not parsed again. */
  linksOf: (entity: EntitySource) => CiteLink[] = (entity) => citeLinks(entity.body),
): Map<string, CitedQuote[]> {
  const byDocument = new Map<string, CitedQuote[]>();
  const add = (doc: string, entityId: string, quote: string | null | undefined) => {
    const needle = normalizeForMatching(quote ?? '');
    // Shorter quotes are refused when citations resolve; they would match paragraphs at random here.
    if (needle.length < 4) return;
    const list = byDocument.get(doc) ?? byDocument.set(doc, []).get(doc)!;
    if (!list.some((c) => c.entityId === entityId && c.needle === needle)) list.push({ entityId, needle });
  };
  for (const entity of entities) {
    for (const link of linksOf(entity)) add(link.doc, entity.id, link.quote);
    const f = entity.frontmatter;
    for (const c of [f.regionCite, f.periodCite, ...f.status, ...f.figures]) if (c) add(c.doc, entity.id, c.quote);
  }
  for (const fact of facts) for (const id of fact.entities) add(fact.citation.doc, id, fact.citation.quote);
  return byDocument;
}
