import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { SiteBuild } from '../../types.ts';
import { entityKinds } from '../../schema/entity.ts';
import type { DocumentSummary, GeneratedDocument, GeneratedEntity, OriginalFormat } from '../../schema/generated.ts';
import { workPaths } from '../../../config/environment.ts';
import { site } from '../../../config/site.config.ts';
import { buildFiguresPages } from '../../views/figures.ts';
import { mentionPages } from '../../views/mentions.ts';
import { buildTimelinePages } from '../../views/timeline.ts';

/**
 * Where the compiler leaves its output for the Astro routes; each compile rewrites only the files
 * whose content changed and deletes the ones it no longer produces.
 * With WORK_DIR set, every build artefact (generated data, dist, caches) goes below it instead,
 * so that several builds can run side by side.
 */
export const GENERATED_DIR = workPaths().generated;

// The shapes of the generated files are derived from their schemas (src/lib/schema/generated.ts),
// which the routes' collections and readers validate against.
export type { DocumentSummary, GeneratedDocument, GeneratedEntity, OriginalFormat } from '../../schema/generated.ts';

const ORIGINAL_FORMATS: Record<string, OriginalFormat> = {
  '.pdf': { label: 'PDF', mime: 'application/pdf' },
  '.docx': { label: 'Word 文档', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  '.doc': { label: 'Word 97–2003 文档', mime: 'application/msword' },
  '.ofd': { label: 'OFD 版式文件', mime: 'application/ofd' },
  '.zip': { label: '网页，ZIP 压缩', mime: 'application/zip' },
};

/**
 * A kept original as it is published: the file name under `documents/<slug>/`, its bytes and format.
 *
 * A saved web page (.html/.htm) is never published as a page: served from the site's origin it
 * would run its own scripts there (a browser opening `original.html` executes them, and with the
 * site's cookies, storage and service worker in reach). No header can be relied on, since the site
 * must work on any static host: `Content-Disposition` and `X-Content-Type-Options: nosniff` are host
 * settings, and a `.txt` name does not hold where a host sends no type or nosniff and the browser
 * sniffs `<html>` in it. So the page goes into a stored (uncompressed) zip, byte for byte: every
 * host types `.zip` as application/zip (or an unknown binary), a browser sniffing its bytes sees the
 * `PK` signature, never markup, and downloads it; the reader unzips it to read the page offline,
 * off the site's origin. PDF, Word and OFD files are documents browsers never run as the site, so
 * they are offered as they are.
 */
export function publishedOriginal(path: string, slug: string): { file: string; bytes: Uint8Array; format: OriginalFormat } {
  const ext = extname(path).toLowerCase();
  const bytes = new Uint8Array(readFileSync(path));
  if (ext === '.html' || ext === '.htm') {
    // A fixed time stamp: the same page gives the same zip, so the service worker's revision and
    // caches change only when the page does.
    const zip = zipSync({ [`${slug}${ext}`]: [bytes, { level: 0, mtime: new Date('2000-01-01T00:00:00Z') }] });
    return { file: 'original.zip', bytes: zip, format: ORIGINAL_FORMATS['.zip'] };
  }
  const format = ORIGINAL_FORMATS[ext] ?? { label: ext.slice(1).toUpperCase(), mime: 'application/octet-stream' };
  return { file: `original${ext}`, bytes, format };
}

/** The full page data of one document (body, contents, neighbours, notes). */
export const documentPageFile = (slug: string) => join(GENERATED_DIR, 'document-pages', `${slug}.json`);

/** An entity's backlinks (every mention, related entities, relations): `.generated/backlinks/<kind>/<slug>.json`. */
export const backlinksFile = (entityId: string) => join(GENERATED_DIR, 'backlinks', `${entityId}.json`);

/** Page n of an entity's complete mention list. */
export const mentionPageFile = (entityId: string, n: number) => join(GENERATED_DIR, 'mention-pages', entityId, `${n}.json`);

/** Every character the site's pages use, once each: the search's t2s map keeps only what can match. */
export const siteCharactersFile = () => join(GENERATED_DIR, 'site-characters.txt');

/**
 * The site's static files, Astro's `publicDir`: the project's public/ (icons, manifest) and every
 * document's downloads beside its page (`documents/<slug>/<file>`). Astro copies this folder into
 * the built site as it is and serves it in dev, so thousands of download files cost a file copy
 * each, not a rendered route each.
 */
export const GENERATED_PUBLIC_DIR = join(GENERATED_DIR, 'public');

/**
 * Where the download files of a document are written: `<dir>/<file>` for each of its `downloads`
 * (the source as received, byte for byte (下载原文), the cleaned text, and the original file when
 * one was kept).
 */
export const downloadsDir = (slug: string) => join(GENERATED_PUBLIC_DIR, 'documents', slug);

/** Folders made by this build's writes: one mkdir per folder, not per file (thousands of files). */
const madeFolders = new Set<string>();

/** What one writeGenerated did to .generated/: the dev server reports it, the tests count it. */
export interface GeneratedChanges {
  /** Files written because they were new or their content changed (absolute paths). */
  written: string[];
  /** Files of an earlier compile that this one no longer produces, deleted. */
  removed: string[];
  /** Files left as they were: same content. */
  unchanged: number;
}

/**
 * Writes each file only when its content differs from what is on disk, and then deletes what the
 * compile no longer produces. Astro's glob loaders watch .generated/: a file left untouched is not
 * reloaded, so one edit in dev reloads the entries it changed, not every entry of every collection.
 */
class GeneratedWriter {
  readonly changes: GeneratedChanges = { written: [], removed: [], unchanged: 0 };
  readonly #kept = new Set<string>();

  write(file: string, data: unknown): void {
    const bytes = typeof data === 'string' || data instanceof Uint8Array ? data : JSON.stringify(data) + '\n';
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    this.#kept.add(file);
    if (sameContent(file, buffer)) {
      this.changes.unchanged++;
      return;
    }
    const folder = dirname(file);
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    writeFileSync(file, buffer);
    this.changes.written.push(file);
  }

  /** Deletes every file under `dir` not written by this compile, then the folders left empty. */
  removeStale(dir: string): void {
    if (!existsSync(dir)) return;
    const walk = (folder: string): boolean => {
      let empty = true;
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (walk(path)) rmdirSync(path);
          else empty = false;
        } else if (this.#kept.has(path)) empty = false;
        else {
          rmSync(path, { force: true });
          this.changes.removed.push(path);
        }
      }
      return empty;
    };
    walk(dir);
  }
}

/** Whether `file` holds exactly `bytes` (a size check first: most changed files change size). */
function sameContent(file: string, bytes: Uint8Array): boolean {
  try {
    if (statSync(file).size !== bytes.byteLength) return false;
    return Buffer.compare(readFileSync(file), bytes) === 0;
  } catch {
    return false; // not there yet
  }
}

/** Every file below `dir`, as paths relative to it (the project's public/ folder). */
const filesBelow = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile());

/**
 * The characters of a text, each once, in the order first seen. Hand-written rather than a
 * Set<string> filled by the string iterator, which allocates a string per character: over every
 * document's HTML that took about 0.4 s of each compile at 1,000 documents; this walks char codes.
 */
class CharacterSet {
  readonly #seen = new Uint8Array(0x110000);
  readonly #order: number[] = [];

  add(text: string): void {
    const seen = this.#seen;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      // A surrogate pair is one character; a lone surrogate counts as itself, as the string iterator reads it.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (seen[code] === 0) {
        seen[code] = 1;
        this.#order.push(code);
      }
    }
  }

  toString(): string {
    let out = '';
    for (const code of this.#order) out += String.fromCodePoint(code);
    return out;
  }
}

/**
 * One file per page-sized slice, so each route reads only what it shows: a document page its own
 * document, an entity page its own backlinks.
 */
export function writeGenerated(build: SiteBuild, publicDir = 'public'): GeneratedChanges {
  const out = GENERATED_DIR;
  madeFolders.clear();
  const writer = new GeneratedWriter();
  const write = (file: string, data: unknown) => writer.write(file, data);
  if (existsSync(publicDir)) {
    const from = resolve(publicDir);
    for (const file of filesBelow(from)) write(join(GENERATED_PUBLIC_DIR, file), readFileSync(join(from, file)));
  }
  const entitiesByDoc = new Map(build.index.documentEntities.map((d) => [d.slug, d.entities]));
  const neighboursByDoc = new Map(build.index.documentNeighbours.map(({ slug, ...n }) => [slug, n]));
  const characters = new CharacterSet();
  const addCharacters = (text: string) => characters.add(text);
  for (const d of build.documents) {
    // The source as received, byte for byte (下载原文), the cleaned text, and the original file when kept.
    const downloads: GeneratedDocument['downloads'] = { source: 'source.txt', text: 'text.txt' };
    write(join(downloadsDir(d.slug), downloads.source), d.source.bytes);
    write(join(downloadsDir(d.slug), downloads.text), d.text);
    if (d.source.original) {
      const original = publishedOriginal(d.source.original, d.slug);
      downloads.original = original.file;
      downloads.originalFormat = original.format;
      write(join(downloadsDir(d.slug), original.file), original.bytes);
    }
    const doc: GeneratedDocument = {
      slug: d.slug,
      meta: d.meta,
      header: d.header,
      html: d.html,
      toc: d.toc,
      entities: entitiesByDoc.get(d.slug) ?? [],
      neighbours: neighboursByDoc.get(d.slug) ?? { related: [] },
      downloads,
      report: d.report,
      collation: d.collation ?? [],
      unconfirmed: d.unconfirmed ?? [],
    };
    write(join(out, 'document-pages', `${d.slug}.json`), doc);
    addCharacters(d.html + JSON.stringify(d.meta));
    // What listings and getStaticPaths need: the content layer holds these for every document, so
    // they leave out the body (at 5,000 documents the bodies alone are over 100 MB).
    const summary: DocumentSummary = { slug: d.slug, meta: d.meta, downloads };
    write(join(out, 'documents', `${d.slug}.json`), summary);
  }
  for (const b of build.index.backlinks) {
    write(join(out, 'backlinks', `${b.id}.json`), b);
    // The complete mention list in page-sized files, so a mentions page reads only its own slice.
    for (const page of mentionPages(b.documents)) if (page.count > 0) write(mentionPageFile(b.id, page.number), page);
  }
  for (const e of build.entityPages) {
    const page: GeneratedEntity = { ...e.data, html: e.html, facts: e.facts ?? { status: [], figures: [] } };
    write(join(out, 'entities', `${e.id}.json`), page);
    addCharacters(JSON.stringify(page));
  }
  write(siteCharactersFile(), characters.toString());
  write(join(out, 'entity-names.json'), build.entities);
  if (build.index.overview) write(join(out, 'overview', 'kinds.json'), { id: 'kinds', ...build.index.overview });
  // 指标 and 大事记: page-sized slices computed once; an entity page reads only its own facts.
  for (const page of buildFiguresPages(build.figures)) write(join(out, 'figure-pages', `${page.page}.json`), page);
  const order = { regions: site.regions.map((r) => r.name), kinds: site.eventKinds };
  for (const page of buildTimelinePages(build.events, order)) write(join(out, 'timeline-pages', `${page.page}.json`), page);
  for (const facts of build.index.entityFacts) write(join(out, 'entity-facts', `${facts.id}.json`), facts);
  writer.removeStale(out);
  return writer.changes;
}

export function formatReport(build: SiteBuild): string {
  const lines = build.documents.map(
    (d) =>
      `  ${d.slug}: ${d.report.headings} headings, ${d.report.paragraphs} paragraphs, ${d.report.corrections} corrections applied, ${d.report.joins} broken lines re-joined, ${d.mentions.length} entity mentions`,
  );
  const mentions = build.index.backlinks.reduce((n, b) => n + b.mentionCount, 0);
  return [
    `Compiled ${build.documents.length} documents:`,
    ...lines,
    `Figures: ${build.figures.length}; events: ${build.events.length}.`,
    `Entities: ${build.entities.length} (${entityKinds.map((k) => `${k} ${build.entities.filter((e) => e.kind === k).length}`).join(', ')}); ${mentions} mentions in documents.`,
  ].join('\n');
}
