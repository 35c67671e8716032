import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../errors.ts';
import { entityFrontmatterSchema, entityKinds, type EntityFrontmatter, type EntityKind, type EntityRef } from '../schema/entity.ts';
import { zodProblems } from './load-sources.ts';

export interface EntitySource extends EntityRef {
  file: string;
  frontmatter: EntityFrontmatter;
  body: string;
  /** Line in the file where the body starts, to map body positions back to file lines. */
  bodyLine: number;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n?/;

export const entityId = (kind: EntityKind, slug: string) => `${kind}/${slug}`;

/** Reads `content/{policies,projects,governance}/*.mdx`, validating frontmatter and name uniqueness. */
export function loadEntities(contentDir: string): { entities: EntitySource[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const entities: EntitySource[] = [];
  const slugs = new Map<string, string>();
  for (const kind of entityKinds) {
    const dir = join(contentDir, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const file = join(dir, name);
      const slug = name.slice(0, -4);
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      const m = FRONTMATTER.exec(text);
      if (!m) {
        problems.push({ file, message: 'has no frontmatter', hint: 'Start the file with a --- YAML block (see README).' });
        continue;
      }
      let raw: unknown;
      try {
        raw = parseYaml(m[1]);
      } catch (e) {
        problems.push({ file, message: `frontmatter is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
        continue;
      }
      const parsed = entityFrontmatterSchema(kind).safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(file, parsed.error));
        continue;
      }
      if (slugs.has(slug)) problems.push({ file, message: `slug "${slug}" is also used by ${slugs.get(slug)}`, hint: 'Slugs are unique across all entity kinds.' });
      slugs.set(slug, file);
      const body = text.slice(m[0].length);
      if (body.trim() === '') problems.push({ file, message: 'has an empty body', hint: 'Describe the entity from the sources, with citations.' });
      entities.push({
        id: entityId(kind, slug),
        kind,
        slug,
        name: parsed.data.name,
        aliases: parsed.data.aliases,
        file,
        frontmatter: parsed.data,
        body,
        bodyLine: m[0].split('\n').length,
      });
    }
  }
  const owner = new Map<string, EntitySource>();
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      const other = owner.get(n);
      if (other && other !== e) {
        problems.push({ file: e.file, field: n === e.name ? 'name' : 'aliases', message: `"${n}" is also a name of ${other.file}`, hint: 'Each name or alias must point to one entity.' });
      }
      owner.set(n, e);
    }
  }
  return { entities, problems };
}
