import type { Heading, Link, Parent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { regions } from '../../regions.ts';
import type { LinkExclusion } from '../../schema/link-exclusions.ts';
import { NameTrie } from '../../text/name-trie.ts';
import { normalizeForMatching } from '../../text/normalize-for-matching.ts';
import type { Mention } from '../../types.ts';
import { idOf } from './assign-ids.ts';

export type { Mention };

/** What the matcher needs to know of an entity. */
export interface MatchableEntity {
  id: string;
  name: string;
  aliases: string[];
  /** A region of src/config/site.config.ts (name or alias). */
  region?: string;
}

/** An entity a known term may refer to; a term with none (an exclusion phrase) links nothing. */
export interface LinkTarget {
  id: string;
  region?: string;
}

/**
 * Every name and alias of every entity, and every reviewed "not a mention" phrase, in one trie
 * built once per build; matching a document costs its length, not the number of names.
 */
export interface EntityMatcher {
  trie: NameTrie<LinkTarget[]>;
}

export function buildEntityMatcher(entities: MatchableEntity[], exclusions: LinkExclusion[] = []): EntityMatcher {
  const trie = new NameTrie<LinkTarget[]>();
  const union = (old: LinkTarget[], added: LinkTarget[]) => [...old, ...added.filter((c) => !old.some((o) => o.id === c.id))];
  for (const e of entities) {
    const candidate = { id: e.id, region: e.region === undefined ? undefined : (regions.canonical(e.region) ?? e.region) };
    for (const name of new Set([e.name, ...e.aliases])) trie.add(name, [candidate], union);
  }
  // A phrase is a known term of its own: longest-leftmost matching lets it win over the names
  // inside it, and it refers to whatever it referred to before minus the excluded entity.
  for (const x of exclusions) {
    for (const phrase of x.phrases) trie.add(phrase, [], (old) => old.filter((c) => c.id !== x.entity));
  }
  return { trie };
}

export interface LinkEntitiesOptions {
  matcher: EntityMatcher;
  href: (entityId: string) => string;
  /** The entity whose own page is being compiled: never linked to itself. */
  selfId?: string;
  /**
   * The region of the page (a document's `region`, an entity page's own). A mention links only to
   * an entity of this region or an enclosing one; with `innerRegions`, also to one inside it (an
   * entity page about a citywide concept links to the town's projects it describes).
   */
  region?: string;
  innerRegions?: boolean;
  /**
   * Where a section starts again for the density rule (first mention of an entity per section is
   * linked, later ones stay text): at each top-level heading of a document (the shallowest depth it
   * uses), or never (an entity page's body).
   */
  sectionsAtHeadings?: boolean;
  /**
   * Quotes entity pages cite from this page, in the matching normal form. A paragraph containing
   * one links that entity at its first mention in the paragraph, whatever the regions and the
   * density rule: the citation is the evidence that the paragraph means it.
   */
  citations?: ReadonlyArray<{ entityId: string; needle: string }>;
  onMention?: (mention: Mention) => void;
}

const EXCERPT = 36;
/** Never link inside these: headings, existing links (citations) and code. */
const IGNORE = new Set(['link', 'linkReference', 'heading', 'inlineCode', 'code', 'definition', 'html']);

/**
 * Which candidate a term refers to on this page: the one of the page's own region, else of the
 * nearest enclosing region, else (with innerRegions) of a region inside it. Without a page region
 * (a document whose metadata is not confirmed yet) only an unambiguous term links.
 */
export function chooseCandidate(candidates: LinkTarget[], region: string | undefined, innerRegions = false): LinkTarget | undefined {
  if (region === undefined || regions.canonical(region) === undefined) return candidates.length === 1 ? candidates[0] : undefined;
  const chain = regions.chain(region);
  let best: LinkTarget | undefined;
  let bestRank = Infinity;
  for (const c of candidates) {
    let rank = c.region === undefined ? chain.length : chain.indexOf(c.region);
    if (rank < 0 && innerRegions && c.region !== undefined) {
      const depth = regions.chain(c.region).indexOf(chain[0]);
      rank = depth < 0 ? -1 : chain.length + depth;
    }
    if (rank >= 0 && rank < bestRank) [best, bestRank] = [c, rank];
  }
  return best;
}

/**
 * Links the first mention of each entity per section to its page (and in every block an entity's
 * page cites, see `citations`), as real link nodes, outside
 * headings, links and code; later mentions in the section stay text. Every mention, linked or
 * not, is reported with the anchor of the paragraph it is in (for backlinks).
 */
export function remarkLinkEntities(options: LinkEntitiesOptions) {
  const { matcher, href, selfId, region, innerRegions = false, sectionsAtHeadings = true, citations = [], onMention } = options;
  return (tree: Root) => {
    let linked = new Set<string>();
    // Sections restart at the shallowest heading depth the page uses (第一部分 or 一、), not at
    // every sub-heading, so a long part does not link the same entity under each （一）.
    let topDepth = Infinity;
    if (sectionsAtHeadings) visit(tree, 'heading', (h: Heading) => void (topDepth = Math.min(topDepth, h.depth)));

    /** Entities whose pages cite the block, found once per block from its whole text. */
    const citedIn = (node: RootContent): Set<string> | undefined => {
      if (citations.length === 0) return undefined;
      const text = normalizeForMatching(toString(node));
      const ids = new Set(citations.filter((c) => text.includes(c.needle)).map((c) => c.entityId));
      return ids.size > 0 ? ids : undefined;
    };

    const linkText = (
      value: string,
      anchor: string | undefined,
      cited: Set<string> | undefined,
      linkedInBlock: Set<string>,
    ): RootContent[] | undefined => {
      const out: RootContent[] = [];
      let from = 0;
      for (const m of matcher.trie.scan(value)) {
        const citedEntity = cited ? m.value.find((c) => cited.has(c.id) && c.id !== selfId) : undefined;
        const entity = citedEntity ?? chooseCandidate(m.value, region, innerRegions);
        if (!entity || entity.id === selfId) continue;
        const match = value.slice(m.start, m.end);
        onMention?.({
          entityId: entity.id,
          anchor,
          before: value.slice(Math.max(0, m.start - EXCERPT), m.start),
          match,
          after: value.slice(m.end, m.end + EXCERPT),
        });
        if (citedEntity ? linkedInBlock.has(entity.id) : linked.has(entity.id)) continue;
        linked.add(entity.id);
        linkedInBlock.add(entity.id);
        if (m.start > from) out.push({ type: 'text', value: value.slice(from, m.start) });
        const link: Link = {
          type: 'link',
          url: href(entity.id),
          children: [{ type: 'text', value: match }],
          data: { hProperties: { className: ['entity-link'], dataEntity: entity.id } },
        };
        out.push(link);
        from = m.end;
      }
      if (out.length === 0) return undefined;
      if (from < value.length) out.push({ type: 'text', value: value.slice(from) });
      return out;
    };

    type Block = { anchor: string | undefined; cited: Set<string> | undefined; linked: Set<string> };
    const walk = (parent: Parent, block: Block) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i];
        if (node.type === 'heading' && sectionsAtHeadings && node.depth <= topDepth) linked = new Set();
        if (IGNORE.has(node.type)) continue;
        if (node.type === 'text') {
          const replaced = linkText((node as Text).value, block.anchor, block.cited, block.linked);
          if (replaced) {
            parent.children.splice(i, 1, ...(replaced as typeof parent.children));
            i += replaced.length - 1;
          }
        } else if ('children' in node) {
          const id = idOf(node);
          walk(node as Parent, id ? { anchor: id, cited: citedIn(node), linked: new Set() } : block);
        }
      }
    };
    walk(tree, { anchor: undefined, cited: undefined, linked: new Set() });
  };
}
