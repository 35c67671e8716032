import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zodProblems, type Problem } from '../../errors.ts';
import { entityFrontmatterSchema, entityKinds, type EntityFrontmatter, type EntityKind, type EntityRef } from '../../schema/entity.ts';
import { unsafeCharacterProblem } from '../../text/unsafe-characters.ts';
import { describeFileError, listFolder } from './list-folder.ts';
import { SLUG, suggestSlug } from './load-sources.ts';
import { parseYamlText, type YamlText } from './read-yaml.ts';
import type { KeyedStore } from '../cache/document-cache.ts';

export interface EntitySource extends EntityRef {
  file: string;
  frontmatter: EntityFrontmatter;
  body: string;
  /** Line in the file where the body starts, to map body positions back to file lines. */
  bodyLine: number;
  /** The file line of a frontmatter field (`figures[0].quote`), for messages about facts. */
  lineOf?: (path: Array<string | number>) => number | undefined;
}

export const entityId = (kind: EntityKind, slug: string) => `${kind}/${slug}`;

/**
 * Splits `---\n<yaml>\n---\n<body>`. The fences are lines of their own; line numbers are exact:
 * the YAML's line 1 is the file's line 2, and the body starts on the line after the closing fence.
 */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | 'none' | 'unclosed' {
  const lines = text.split('\n');
  if (lines[0].trimEnd() !== '---') return 'none';
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (close < 0) return 'unclosed';
  return { yaml: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

interface LoadedEntity {
  entity: EntitySource;
  yaml: YamlText;
  /** Last modification time, to blame the newer of two files that claim the same name. */
  mtime: number;
}

/**
 * Reads `content/{policies,projects,governance}/*.md`, validating file names, frontmatter and name
 * uniqueness. With a memo (the dev process's compile cache) a file whose text is unchanged is not
 * parsed again.
 */
export function loadEntities(contentDir: string, memo?: KeyedStore<unknown>): { entities: EntitySource[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const loaded: LoadedEntity[] = [];
  const slugs = new Map<string, string>();
  for (const kind of entityKinds) {
    const dir = join(contentDir, kind);
    if (!existsSync(dir)) continue;
    for (const entry of listFolder(dir, problems, { message: 'does not exist' }) ?? []) {
      const { name, path: file } = entry;
      if (entry.kind === 'folder') {
        problems.push({
          file,
          message: `is a folder; folders inside content/${kind} are not read`,
          hint: 'Entity pages are files named <slug>.md; rename or move the folder.',
        });
        continue;
      }
      if (!name.endsWith('.md')) {
        // Entity pages are plain Markdown rendered by the compiler; .mdx would suggest code runs.
        problems.push({
          file,
          message: 'is not read by the compiler',
          hint: `Entity pages are Markdown files named <slug>.md${name.endsWith('.mdx') ? `: rename it to ${name.slice(0, -4)}.md` : '; move it out of this folder'}.`,
        });
        continue;
      }
      const slug = name.slice(0, -3);
      if (!SLUG.test(slug)) {
        problems.push({
          file,
          message: `file name "${slug}" is not a slug, so the page could not be linked`,
          hint: `Rename it with lowercase letters, digits and hyphens, e.g. ${suggestSlug(slug)}.md.`,
        });
        continue;
      }
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        problems.push(describeFileError(file, e));
        continue;
      }
      // The parse depends on the file's path, kind and text alone, so an unchanged file's result is reused.
      const memoId = `entity-file\0${kind}\0${file}`;
      let parsed = memo?.get(memoId, text) as ParsedEntityFile | undefined;
      if (!parsed) {
        parsed = parseEntityFile(kind, slug, file, text);
        memo?.set(memoId, text, parsed);
      }
      problems.push(...parsed.problems);
      if (!parsed.entity) continue;
      const { entity, yaml } = parsed;
      if (slugs.has(slug)) {
        problems.push({
          file,
          message: `slug "${slug}" is also used by ${slugs.get(slug)}`,
          hint: 'Slugs are unique across all entity kinds; rename one of the files.',
        });
        continue;
      }
      slugs.set(slug, file);
      if (parsed.emptyBody) problems.push(parsed.emptyBody);
      loaded.push({ entity, yaml, mtime: statSync(file).mtimeMs });
    }
  }
  problems.push(...duplicateNameProblems(loaded));
  return { entities: loaded.map((l) => l.entity), problems };
}

/** What one entity file yields on its own: the entity (unless the file is unusable) and the file's problems. */
type ParsedEntityFile =
  | {
      entity: EntitySource;
      yaml: YamlText;
      problems: Problem[];
      /** Reported only when the slug is not another file's (as before the parse was kept per file). */
      emptyBody?: Problem;
    }
  | { entity?: undefined; problems: Problem[] };

/** A frontmatter schema per kind, built once: building a zod schema costs more than using it. */
const frontmatterSchemas = new Map<EntityKind, ReturnType<typeof entityFrontmatterSchema>>();
const frontmatterSchemaOf = (kind: EntityKind) =>
  frontmatterSchemas.get(kind) ?? frontmatterSchemas.set(kind, entityFrontmatterSchema(kind)).get(kind)!;

/** Checks and parses one entity file's text: characters, frontmatter fences, YAML, the schema, a body. */
function parseEntityFile(kind: EntityKind, slug: string, file: string, raw: string): ParsedEntityFile {
  const problems: Problem[] = [];
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const unsafe = unsafeCharacterProblem(file, text, 'Remove it; it is invisible and never needed in an entity page.');
  if (unsafe) return { problems: [unsafe] };
  const parts = splitFrontmatter(text);
  if (parts === 'none') {
    return {
      problems: [
        {
          file,
          line: 1,
          message: 'has no frontmatter',
          hint: 'Start the file with a line ---, the fields (see README), and another line ---.',
        },
      ],
    };
  }
  if (parts === 'unclosed') {
    return {
      problems: [
        {
          file,
          line: 1,
          message: 'has a frontmatter block opened by --- on line 1 but never closed',
          hint: 'Add a line with just --- after the last field.',
        },
      ],
    };
  }
  const yaml = parseYamlText(parts.yaml, file, problems, 1);
  if (!yaml) return { problems };
  const parsed = frontmatterSchemaOf(kind).safeParse(yaml.data ?? {});
  if (!parsed.success) return { problems: [...problems, ...zodProblems(file, parsed.error, yaml.data, yaml.lineOf)] };
  const emptyBody: Problem | undefined =
    parts.body.trim() === ''
      ? { file, line: parts.bodyLine, message: 'has an empty body', hint: 'Describe the entity from the sources, with citations.' }
      : undefined;
  const entity: EntitySource = {
    id: entityId(kind, slug),
    kind,
    slug,
    name: parsed.data.name,
    aliases: parsed.data.aliases,
    file,
    frontmatter: parsed.data,
    body: parts.body,
    bodyLine: parts.bodyLine,
    lineOf: yaml.lineOf,
  };
  return { entity, yaml, problems, emptyBody };
}

/**
 * Each name or alias must lead to one entity. A name belongs to the entity it names: an alias that
 * repeats another entity's name is the alias's mistake. Otherwise the file changed last (the one
 * the author just wrote; reading order breaks ties) is blamed, naming the other.
 */
function duplicateNameProblems(loaded: LoadedEntity[]): Problem[] {
  const problems: Problem[] = [];
  const order = new Map(loaded.map((l, i) => [l, i]));
  const older = (a: LoadedEntity, b: LoadedEntity) => a.mtime - b.mtime || order.get(a)! - order.get(b)!;
  const keeperOf = <T extends { owner: LoadedEntity }>(group: T[]) => [...group].sort((a, b) => older(a.owner, b.owner))[0];

  const byName = new Map<string, Array<{ owner: LoadedEntity }>>();
  for (const l of loaded) byName.set(l.entity.name, [...(byName.get(l.entity.name) ?? []), { owner: l }]);
  const nameOwner = new Map<string, LoadedEntity>();
  for (const [name, group] of byName) {
    const keeper = keeperOf(group).owner;
    nameOwner.set(name, keeper);
    for (const { owner } of group) {
      if (owner === keeper) continue;
      problems.push({
        file: owner.entity.file,
        line: owner.yaml.lineOf(['name']),
        field: 'name',
        message: `"${name}" is also the name of ${keeper.entity.file}`,
        hint: 'Each name must point to one entity: rename one, or merge the pages.',
      });
    }
  }

  const byAlias = new Map<string, Array<{ owner: LoadedEntity; index: number }>>();
  for (const l of loaded) {
    l.entity.aliases.forEach((alias, index) => {
      const named = nameOwner.get(alias);
      if (named === l) return; // an alias repeating its own name is harmless
      if (named) {
        problems.push({
          file: l.entity.file,
          line: l.yaml.lineOf(['aliases', index]),
          field: `aliases[${index}]`,
          message: `"${alias}" is the name of ${named.entity.file}`,
          hint: 'Each name or alias must point to one entity: remove this alias.',
        });
      } else if (!(byAlias.get(alias) ?? []).some((e) => e.owner === l)) {
        byAlias.set(alias, [...(byAlias.get(alias) ?? []), { owner: l, index }]);
      }
    });
  }
  for (const [alias, group] of byAlias) {
    const keeper = keeperOf(group).owner;
    for (const { owner, index } of group) {
      if (owner === keeper) continue;
      problems.push({
        file: owner.entity.file,
        line: owner.yaml.lineOf(['aliases', index]),
        field: `aliases[${index}]`,
        message: `"${alias}" is also an alias of ${keeper.entity.file}`,
        hint: 'Each name or alias must point to one entity: remove the alias from one of the two pages.',
      });
    }
  }
  return problems;
}
