import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { SourceInput } from '../../types.ts';
import { parseFieldName, zodProblems, type Problem } from '../../errors.ts';
import { correctionsSchema } from '../../schema/corrections.ts';
import { entityKinds } from '../../schema/entity.ts';
import { sourceMetaSchema, TO_CONFIRM } from '../../schema/source-meta.ts';
import { describeFileError, listFolder, type FolderEntry } from './list-folder.ts';
import { readYamlFile } from './read-yaml.ts';

export { zodProblems } from '../../errors.ts';

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A readable slug suggestion for a file name that is not one: `Test_Entity` → `test-entity`. */
export function suggestSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document'
  );
}

/**
 * Originals kept beside their extracted text for 下载原文 (`<slug>.pdf` next to `<slug>.txt`).
 * Any other file in content/sources would be ignored by the compiler, so it is an error.
 */
const ORIGINAL_EXTENSIONS = ['.pdf', '.docx', '.doc', '.ofd', '.html', '.htm'];

const SOURCE_LAYOUT =
  'content/sources holds <slug>.txt texts, each with its <slug>.meta.yaml (and optionally the original file, <slug>.pdf/.docx/.html)';

export interface LoadedSources {
  inputs: SourceInput[];
  problems: Problem[];
  /** Sources whose text exists but that could not be loaded (slug → file), so citing them is not checked. */
  failed: Map<string, string>;
  /** The content or sources folder itself could not be read: no citation can be checked. */
  unreadable?: string;
}

/**
 * Reads every `content/sources/<slug>.txt` with its `<slug>.meta.yaml` and optional
 * `content/corrections/<slug>.yaml`. Reports every problem of every source at once, and every file
 * in these folders that the compiler would otherwise ignore.
 */
export function loadSources(contentDir: string): LoadedSources {
  const problems: Problem[] = [];
  const inputs: SourceInput[] = [];
  const failed = new Map<string, string>();
  if (!existsSync(contentDir)) {
    problems.push({
      file: contentDir,
      message: 'does not exist (the content folder)',
      hint: 'Run the command in the project folder, or point CONTENT_DIR (or --content) at the content folder.',
    });
    return { inputs, problems, failed, unreadable: contentDir };
  }
  checkContentFolder(contentDir, problems);
  const dir = join(contentDir, 'sources');
  const entries = listFolder(dir, problems, {
    message: 'does not exist',
    hint: 'Create it and add the source texts; see README “Adding a source document”.',
  });
  if (!entries) return { inputs, problems, failed, unreadable: dir };

  const texts = new Map<string, FolderEntry>();
  const metas = new Set<string>();
  const originals = originalFiles(contentDir, entries);
  const names = new Set(entries.map((e) => e.name));
  for (const entry of entries) {
    const { name, path } = entry;
    const looksLikeSource = /\.(txt|meta\.yaml)$/.test(name);
    if (entry.kind === 'folder') {
      problems.push(
        looksLikeSource
          ? {
              file: path,
              message: 'is a folder, but its name is that of a source file',
              hint: 'Rename or remove the folder; a source is a plain file.',
            }
          : {
              file: path,
              message: 'is a folder; folders inside content/sources are not read',
              hint: `Move its files up into content/sources or elsewhere; ${SOURCE_LAYOUT}.`,
            },
      );
      continue;
    }
    if (name.endsWith('.meta.yaml')) metas.add(name.slice(0, -'.meta.yaml'.length));
    else if (name.endsWith('.txt')) texts.set(name.slice(0, -'.txt'.length), entry);
    else {
      const dot = name.indexOf('.');
      const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      const isOriginal = ORIGINAL_EXTENSIONS.includes(ext.toLowerCase()) && names.has(`${stem}.txt`);
      if (!isOriginal) {
        problems.push({
          file: path,
          message: ext === '.md' ? 'is not read: sources are plain-text .txt files' : 'is not read by the compiler',
          hint:
            ext === '.md'
              ? `Rename it to ${stem}.txt if it is a source (with ${stem}.meta.yaml), or move it out of content/sources.`
              : `Move it out of content/sources; ${SOURCE_LAYOUT}.`,
        });
      }
    }
  }
  for (const slug of metas) {
    if (!texts.has(slug))
      problems.push({
        file: join(dir, `${slug}.meta.yaml`),
        message: 'has no matching .txt source',
        hint: `Add ${slug}.txt or remove the metadata file.`,
      });
  }

  const bySha = new Map<string, string>();
  for (const [slug, { path: file }] of texts) {
    const fail = () => failed.set(slug, file);
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        message: `file name "${slug}" is not a slug`,
        hint: `Use lowercase letters, digits and hyphens, e.g. ${suggestSlug(slug)}.txt (and rename its .meta.yaml to match).`,
      });
      fail();
      continue;
    }
    const metaFile = join(dir, `${slug}.meta.yaml`);
    if (!metas.has(slug)) {
      problems.push({
        file: metaFile,
        message: 'is missing',
        hint: 'Every source needs a metadata file; see README “Adding a source document”.',
      });
      fail();
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      problems.push(describeFileError(file, e));
      fail();
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const twin = bySha.get(sha256);
    if (twin) {
      problems.push({
        file,
        message: `is the same document as ${twin} (identical sha256)`,
        hint: 'Keep one slug per document: remove this copy and its .meta.yaml.',
      });
      fail();
      continue;
    }
    bySha.set(sha256, file);

    const metaYaml = readYamlFile(metaFile, problems);
    let meta: ReturnType<typeof sourceMetaSchema.safeParse> | undefined;
    if (metaYaml && metaYaml.data === null) {
      problems.push({ file: metaFile, message: 'is empty', hint: 'Fill in the metadata fields; see README “Adding a source document”.' });
    } else if (metaYaml) {
      meta = sourceMetaSchema.safeParse(metaYaml.data);
      if (!meta.success) problems.push(...zodProblems(metaFile, meta.error, metaYaml.data, metaYaml.lineOf));
    }

    const correctionsFile = join(contentDir, 'corrections', `${slug}.yaml`);
    const correctionsYaml = existsSync(correctionsFile) ? readYamlFile(correctionsFile, problems) : { data: {}, lineOf: () => undefined };
    const corrections = correctionsYaml ? correctionsSchema.safeParse(correctionsYaml.data ?? {}) : undefined;
    if (correctionsYaml && corrections && !corrections.success)
      problems.push(...zodProblems(correctionsFile, corrections.error, correctionsYaml.data, correctionsYaml.lineOf));

    if (meta?.success && sha256 !== meta.data.sha256) {
      problems.push({
        file,
        message: 'does not match the sha256 recorded in its metadata',
        hint: 'Sources are kept exactly as received; put fixes in content/corrections/. For a new version of the text, update sha256.',
      });
      fail();
    } else if (meta?.success && corrections?.success && correctionsYaml) {
      inputs.push({
        slug,
        file,
        bytes,
        meta: meta.data,
        corrections: corrections.data,
        correctionsFile,
        original: ORIGINAL_EXTENSIONS.map((ext) => originals.get(`${slug}${ext}`)).find((f) => f !== undefined),
        locateCorrection: (field) => correctionsYaml.lineOf(parseFieldName(field)),
        unconfirmed: unconfirmedFields(readFileSync(metaFile, 'utf8')),
      });
    } else fail();
  }

  checkCorrectionsFolder(contentDir, new Set(texts.keys()), problems);
  if (texts.size === 0 && problems.length === 0)
    problems.push({ file: dir, message: 'holds no sources (*.txt)', hint: 'Add a source; see README “Adding a source document”.' });
  return { inputs, problems, failed };
}

/**
 * The top-level fields of a `<slug>.meta.yaml` whose line still carries add-document's
 * `# 待确认` comment (src/lib/authoring/ingest/meta-yaml.ts): values the program detected that no editor has
 * checked yet. Read from the YAML document's own comments (the comment on the field's value, or on
 * its key for a nested block), so a 待确认 inside a value or in a comment line about another field
 * (`# documentNumber: …`) is not mistaken for a mark. The file has parsed already (readYamlFile).
 */
export function unconfirmedFields(metaYaml: string): string[] {
  // Most files carry no mark at all: no need to parse them a second time (about 0.5 s at 1,000 documents).
  if (!metaYaml.includes(TO_CONFIRM)) return [];
  const doc = parseDocument(metaYaml.replace(/^\uFEFF/, ''));
  if (!isMap(doc.contents)) return [];
  const marked = (comment: string | null | undefined) => comment?.trim().startsWith(TO_CONFIRM);
  return doc.contents.items
    .filter(
      (pair) =>
        marked((pair.value as { comment?: string | null } | null)?.comment) ||
        marked((pair.key as { comment?: string | null } | null)?.comment),
    )
    .map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
}

/**
 * The originals texts were extracted from, by lower-case file name: beside them in content/sources,
 * or kept by add-document in content/originals (a file beside its text wins). Listed once, so
 * finding each source's original is a lookup, not a scan of the folder per source.
 */
function originalFiles(contentDir: string, sourceEntries: FolderEntry[]): Map<string, string> {
  const found = new Map<string, string>();
  const isOriginal = (name: string) => ORIGINAL_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
  for (const e of sourceEntries)
    if (e.kind !== 'folder' && isOriginal(e.name) && !found.has(e.name.toLowerCase())) found.set(e.name.toLowerCase(), e.path);
  const kept = join(contentDir, 'originals');
  if (existsSync(kept)) {
    for (const name of readdirSync(kept))
      if (isOriginal(name) && !found.has(name.toLowerCase()) && name === name.toLowerCase()) found.set(name, join(kept, name));
  }
  return found;
}

/** What the content folder holds; anything else (a misspelt `policy/`) would be silently ignored. */
/** What the content folder may hold: anything else is a mistake the author should hear about. */
const CONTENT_ENTRIES = [
  'sources',
  'corrections',
  // Originals kept by `npm run add-document` (PDF, DOCX, web page) for 下载原文.
  'originals',
  ...entityKinds,
  'entity-ignore.yaml',
  // Abbreviations applied to search queries (see load-synonyms.ts).
  'search-synonyms.yaml',
  // Figures (指标) and events (大事记) with their reviewed ignore lists (src/lib/compiler/source/load-figures-and-events.ts).
  'figures.yaml',
  'events.yaml',
  'figure-ignore.yaml',
  'date-ignore.yaml',
  // Phrases that contain an entity's name but are not a mention of it (see load-link-exclusions.ts).
  'link-exclusions.yaml',
  // Reviewed known gaps of the sources, shown in each document's 校勘说明 (see load-gaps.ts).
  'gaps.yaml',
];

function checkContentFolder(contentDir: string, problems: Problem[]): void {
  for (const entry of listFolder(contentDir, problems, { message: 'does not exist' }) ?? []) {
    if (CONTENT_ENTRIES.includes(entry.name)) continue;
    problems.push({
      file: entry.path,
      message: 'is not read by the compiler',
      hint: `The content folder holds ${CONTENT_ENTRIES.join(', ')}; rename it to one of these or move it elsewhere.`,
    });
  }
}

/** Every file in content/corrections must be `<slug>.yaml` for an existing source. */
function checkCorrectionsFolder(contentDir: string, sourceSlugs: Set<string>, problems: Problem[]): void {
  const dir = join(contentDir, 'corrections');
  if (!existsSync(dir)) return;
  for (const entry of listFolder(dir, problems, { message: 'does not exist' }) ?? []) {
    const slug = entry.name.replace(/\.yaml$/, '');
    if (entry.kind === 'folder') {
      problems.push({
        file: entry.path,
        message: 'is a folder; folders inside content/corrections are not read',
        hint: 'Corrections are files named <slug>.yaml after their source.',
      });
    } else if (!entry.name.endsWith('.yaml')) {
      problems.push({
        file: entry.path,
        message: 'is not read by the compiler',
        hint: 'Corrections are files named <slug>.yaml after their source; rename or move it.',
      });
    } else if (!sourceSlugs.has(slug)) {
      problems.push({
        file: entry.path,
        message: `corrects a source that does not exist (content/sources/${slug}.txt)`,
        hint: 'Rename it after its source, or remove it.',
      });
    }
  }
}
