import type { Link, Root } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { EntityRef } from '../schema/entity.ts';
import type { Mention } from '../types.ts';
import { idOf } from './assign-ids.ts';

export type { Mention };

/** Every name and alias of every entity, compiled once into a single regular expression. */
export interface EntityMatcher {
  pattern: RegExp;
  entityByName: Map<string, string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One alternation over all names, longest first, so that at any position the longest name wins
 * (一网统管 is never split by a shorter name inside it). A name that starts or ends with a Latin
 * letter or digit must not touch another one there (G2 does not match inside G42).
 */
export function buildEntityMatcher(entities: EntityRef[]): EntityMatcher {
  const entityByName = new Map<string, string>();
  for (const e of entities) for (const name of [e.name, ...e.aliases]) entityByName.set(name, e.id);
  const names = [...entityByName.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternatives = names.map((n) => {
    const head = /^[A-Za-z0-9]/.test(n) ? '(?<![A-Za-z0-9])' : '';
    const tail = /[A-Za-z0-9]$/.test(n) ? '(?![A-Za-z0-9])' : '';
    return head + escape(n) + tail;
  });
  const pattern = new RegExp(alternatives.length ? alternatives.join('|') : '(?!)', 'gu');
  return { pattern, entityByName };
}


export interface LinkEntitiesOptions {
  matcher: EntityMatcher;
  href: (entityId: string) => string;
  /** The entity whose own page is being compiled: never linked to itself. */
  selfId?: string;
  onMention?: (mention: Mention) => void;
}

const EXCERPT = 36;

/**
 * Links every mention of an entity name to its page, as real link nodes, outside headings, links
 * and code, and reports each mention with the anchor of the paragraph it is in.
 */
export function remarkLinkEntities(options: LinkEntitiesOptions) {
  const { matcher, href, selfId, onMention } = options;
  return (tree: Root) => {
    findAndReplace(
      tree,
      [
        [
          matcher.pattern,
          (value: string, match: RegExpMatchObject): Link | false => {
            const entityId = matcher.entityByName.get(value);
            if (!entityId || entityId === selfId) return false;
            const holder = [...match.stack].reverse().find((n) => idOf(n) !== undefined);
            onMention?.({
              entityId,
              anchor: holder ? idOf(holder) : undefined,
              before: match.input.slice(Math.max(0, match.index - EXCERPT), match.index),
              match: value,
              after: match.input.slice(match.index + value.length, match.index + value.length + EXCERPT),
            });
            return {
              type: 'link',
              url: href(entityId),
              children: [{ type: 'text', value }],
              data: { hProperties: { className: ['entity-link'], dataEntity: entityId } },
            };
          },
        ],
      ],
      { ignore: ['link', 'linkReference', 'heading', 'inlineCode', 'code', 'definition'] },
    );
  };
}
