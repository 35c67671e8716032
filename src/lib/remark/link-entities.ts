import type { Link, Parent, Root, RootContent, Text } from 'mdast';
import { regions } from '../regions.ts';
import type { LinkExclusion } from '../schema/link-exclusions.ts';
import { NameTrie } from '../text/name-trie.ts';
import type { Mention } from '../types.ts';
import { idOf } from './assign-ids.ts';

export type { Mention };

/** What the matcher needs to know of an entity. */
export interface MatchableEntity {
  id: string;
  name: string;
  aliases: string[];
  /** A region of src/site.config.ts (name or alias). */
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
   * linked, later ones stay text): at each heading of a document, or never (an entity page's body).
   */
  sectionsAtHeadings?: boolean;
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
 * Links the first mention of each entity per section to its page, as real link nodes, outside
 * headings, links and code; later mentions in the section stay text. Every mention, linked or
 * not, is reported with the anchor of the paragraph it is in (for backlinks).
 */
export function remarkLinkEntities(options: LinkEntitiesOptions) {
  const { matcher, href, selfId, region, innerRegions = false, sectionsAtHeadings = true, onMention } = options;
  return (tree: Root) => {
    let linked = new Set<string>();

    const linkText = (value: string, anchor: string | undefined): RootContent[] | undefined => {
      const out: RootContent[] = [];
      let from = 0;
      for (const m of matcher.trie.scan(value)) {
        const entity = chooseCandidate(m.value, region, innerRegions);
        if (!entity || entity.id === selfId) continue;
        const match = value.slice(m.start, m.end);
        onMention?.({
          entityId: entity.id,
          anchor,
          before: value.slice(Math.max(0, m.start - EXCERPT), m.start),
          match,
          after: value.slice(m.end, m.end + EXCERPT),
        });
        if (linked.has(entity.id)) continue;
        linked.add(entity.id);
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

    const walk = (parent: Parent, anchor: string | undefined) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i];
        if (node.type === 'heading' && sectionsAtHeadings) linked = new Set();
        if (IGNORE.has(node.type)) continue;
        if (node.type === 'text') {
          const replaced = linkText((node as Text).value, anchor);
          if (replaced) {
            parent.children.splice(i, 1, ...(replaced as typeof parent.children));
            i += replaced.length - 1;
          }
        } else if ('children' in node) {
          walk(node as Parent, idOf(node) ?? anchor);
        }
      }
    };
    walk(tree, undefined);
  };
}
