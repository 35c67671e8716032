import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { siteDetectionContext } from './metadata/context.ts';
import { detectMetadata, type DetectedMetadata } from './detect-metadata.ts';
import { extractSourceText, type AcceptedExtension } from './extract.ts';
import { ingestError } from './ingest-error.ts';
import { renderMetaYaml } from './meta-yaml.ts';

/** The slug rule of content/sources (see load-sources.ts). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface AddDocumentOptions {
  /** The file to add (.txt, .pdf, .docx, .doc, .html, .ofd). */
  file: string;
  /** The content folder (holds sources/). */
  contentDir: string;
  /** The new document's slug; derived from an ASCII file name when missing. */
  slug?: string;
  /** Check and extract everything, write nothing (`--dry-run`). */
  dryRun?: boolean;
}

export interface AddedDocument {
  slug: string;
  sourceFile: string;
  metaFile: string;
  /** The kept original (PDF, DOCX, web page); undefined for a .txt, which is its own original. */
  originalCopy?: string;
  detected: DetectedMetadata;
  sha256: string;
  extension: AcceptedExtension;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * `2022-plan_v2.PDF` → `2022-plan-v2`. Only ASCII names: there is no pinyin here, and a slug is a
 * URL that outlives the file name, so for any other name the person chooses it (--slug).
 */
export function slugFromFileName(file: string): string | undefined {
  const stem = basename(file, extname(file));
  if (!/^[\x20-\x7e]+$/.test(stem)) return undefined;
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return SLUG.test(slug) && /[a-z]/.test(slug) ? slug : undefined;
}

/**
 * Adds one document to the content folder: extracts its text, refuses what cannot become a source
 * (with one message naming the file and what to do), and writes content/sources/<slug>.txt, its
 * <slug>.meta.yaml with everything detected marked for confirmation, and the original as
 * content/originals/<slug>.<ext>. Nothing is written unless every check passed.
 */
export async function addDocument({ file, contentDir, slug: givenSlug, dryRun = false }: AddDocumentOptions): Promise<AddedDocument> {
  if (!existsSync(file)) throw ingestError(file, 'does not exist', 'Check the path (quote it if it contains spaces).');
  if (!statSync(file).isFile()) throw ingestError(file, 'is not a file (a folder?)', 'Give the path of one document file.');

  const slug = givenSlug ?? slugFromFileName(file);
  if (slug === undefined) {
    throw ingestError(
      file,
      'has a file name no slug can be made from (no pinyin for Chinese names)',
      'Choose the address of the new page: add --slug <lowercase-letters-digits-and-hyphens>, e.g. --slug changzheng-2023-plan.',
    );
  }
  if (!SLUG.test(slug))
    throw ingestError(
      file,
      `cannot be added as "${slug}": not a valid slug`,
      'Use lowercase letters, digits and hyphens, e.g. --slug changzheng-2023-plan.',
    );

  const sourcesDir = join(contentDir, 'sources');
  const sourceFile = join(sourcesDir, `${slug}.txt`);
  const metaFile = join(sourcesDir, `${slug}.meta.yaml`);
  const originalCopyFile = join(contentDir, 'originals', `${slug}${extname(file).toLowerCase()}`);
  const taken = [sourceFile, metaFile, originalCopyFile].find((f) => existsSync(f));
  if (taken)
    throw ingestError(
      file,
      `cannot be added as "${slug}": ${taken} already exists`,
      'Choose another slug with --slug, or remove the old document first.',
    );

  const extracted = await extractSourceText(new Uint8Array(readFileSync(file)), file);
  const hash = sha256(extracted.bytes);
  const existing = existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((n) => n.endsWith('.txt')) : [];
  const twin = existing.find((n) => statSync(join(sourcesDir, n)).isFile() && sha256(readFileSync(join(sourcesDir, n))) === hash);
  if (twin)
    throw ingestError(
      file,
      `has the same text as ${join(sourcesDir, twin)} (same sha256), already in the library as "${twin.slice(0, -4)}"`,
      'Nothing to add; a new version of a document must differ from the old one.',
    );

  const detected = detectMetadata(extracted.text, extracted.hints, siteDetectionContext());
  const meta = renderMetaYaml({
    detected,
    originalFile: basename(file),
    extraction: extracted.extraction,
    extractionGuessed: false,
    sha256: hash,
  });

  const originalCopy = extracted.extension !== '.txt' ? originalCopyFile : undefined;
  if (!dryRun) {
    mkdirSync(sourcesDir, { recursive: true });
    writeFileSync(sourceFile, extracted.bytes);
    writeFileSync(metaFile, meta);
    if (originalCopy) {
      mkdirSync(join(contentDir, 'originals'), { recursive: true });
      copyFileSync(file, originalCopy);
    }
  }
  return { slug, sourceFile, metaFile, originalCopy, detected, sha256: hash, extension: extracted.extension };
}

/** Whether a slug is in use in the content folder (its text, metadata or a kept original). */
export function slugTaken(contentDir: string, slug: string): boolean {
  if (existsSync(join(contentDir, 'sources', `${slug}.txt`)) || existsSync(join(contentDir, 'sources', `${slug}.meta.yaml`))) return true;
  const originals = join(contentDir, 'originals');
  return existsSync(originals) && readdirSync(originals).some((name) => name.slice(0, name.length - extname(name).length) === slug);
}

/**
 * The slug of each file of a folder added at once: from its ASCII name (slugFromFileName), and
 * when that is taken, in the library or by an earlier file of the same folder, `-2`, `-3`…
 * (`plan.pdf` and `plan.docx` → `plan`, `plan-2`). Undefined for a name no slug can be made from.
 */
export function batchSlug(file: string, contentDir: string, claimed: Set<string>): string | undefined {
  const base = slugFromFileName(file);
  if (base === undefined) return undefined;
  let slug = base;
  for (let n = 2; claimed.has(slug) || slugTaken(contentDir, slug); n++) slug = `${base}-${n}`;
  claimed.add(slug);
  return slug;
}
