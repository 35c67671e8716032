import { readFileSync } from 'node:fs';
import { ContentError, type Problem } from '../../errors.ts';
import { compileDocument, compileSite } from '../../compiler/pipeline.ts';
import type { DocumentReport } from '../../types.ts';
import { buildEntityMatcher } from '../../compiler/remark/link-entities.ts';
import { correctionsSchema } from '../../schema/corrections.ts';
import type { SourceMeta } from '../../schema/source-meta.ts';
import { findEntityCandidates, type EntityCandidate } from '../candidates/entity-candidates.ts';
import { loadEntities } from '../../compiler/source/load-entities.ts';
import { loadIgnoreList } from '../../compiler/source/load-ignore-list.ts';
import { loadLinkExclusions } from '../../compiler/source/load-link-exclusions.ts';
import { createUrls } from '../../urls.ts';
import type { AddedDocument } from './add-document.ts';
import { findFigureCandidates, type FigureCandidate } from '../candidates/figure-candidates.ts';

export interface AddedDocumentCheck {
  /** Metadata fields of the new document a person still has to write or fix (the summary at least). */
  toFill: Problem[];
  /** Other problems of the new document itself (its text, its files). */
  problems: Problem[];
  /** What the check found in the rest of the content: never this document's problem, only counted. */
  others: OtherProblems;
  /** The new document's structure, as the compiler reads it (undefined when it could not be read). */
  report?: DocumentReport;
  /** Terms the new document marks as names (“…” and 《…》) that no entity page covers yet. */
  candidates: EntityCandidate[];
  /** Sentences that name an entity and state a quantity: candidates for the entity's figures. */
  figures: FigureCandidate[];
}

/** Problems of other documents and other files, counted for one line at the end. */
export interface OtherProblems {
  /** Other documents (by their slug) with problems, usually metadata not yet written. */
  documents: string[];
  /** Problems in files that belong to no document (entity pages, figures, …). */
  elsewhere: number;
}

/** The files that are one document's: its text, metadata, corrections and kept original. */
const documentOf = (file: string): string | undefined =>
  /(?:^|[\\/])(?:sources|corrections|originals)[\\/]([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.meta\.yaml|\.[a-z]+)$/.exec(file)?.[1];

/** Splits the whole check's problems into the given documents' own and the rest (counted). */
export function splitProblems(all: Problem[], own: ReadonlySet<string>): { own: Problem[]; others: OtherProblems } {
  const mine: Problem[] = [];
  const documents = new Set<string>();
  let elsewhere = 0;
  for (const p of all) {
    const slug = documentOf(p.file);
    if (slug !== undefined && own.has(slug)) mine.push(p);
    else if (slug !== undefined) documents.add(slug);
    else elsewhere++;
  }
  return { own: mine, others: { documents: [...documents].sort(), elsewhere } };
}

/** The one line about the rest of the content, or undefined when it has no problem. */
export function othersLine(others: OtherProblems): string | undefined {
  const parts: string[] = [];
  if (others.documents.length > 0) parts.push(`${others.documents.length} other document(s) have unfinished metadata`);
  if (others.elsewhere > 0) parts.push(`${others.elsewhere} other problem(s) in the content`);
  return parts.length > 0 ? `${parts.join('; ')}: npm run compile -- --check` : undefined;
}

const problemsOf = (run: () => void): Problem[] => {
  try {
    run();
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
};

/**
 * What `npm run compile -- --check` says once the document is in, split into the fields still to
 * fill (expected right after adding it) and real problems; and, compiling the new document on its
 * own with the metadata as detected, how the compiler reads it, its entity candidates and the
 * figures it states about known entities.
 */
export function checkAddedDocument(contentDir: string, added: AddedDocument, siteProblems?: Problem[]): AddedDocumentCheck {
  const all = siteProblems ?? problemsOf(() => compileSite(contentDir, createUrls('/')));
  const split = splitProblems(all, new Set([added.slug]));
  const toFill = split.own.filter((p) => p.file === added.metaFile);
  const problems = split.own.filter((p) => p.file !== added.metaFile);

  // The site check skips a document whose metadata is incomplete, so the new text is compiled here
  // directly; the metadata stands in for what the person has not confirmed yet.
  // (Entity problems are in the site check's list already.)
  const { entities } = loadEntities(contentDir);
  const meta = {
    title: added.detected.title ?? added.slug,
    kind: added.detected.kind ?? '通知',
    issuer: added.detected.issuer ?? '',
    date: added.detected.date ?? '',
    region: added.detected.region ?? '',
    originalFile: added.sourceFile,
    extraction: 'pdf',
    summary: '',
    sha256: added.sha256,
  } satisfies SourceMeta;
  let report: DocumentReport | undefined;
  let candidates: EntityCandidate[] = [];
  let figures: FigureCandidate[] = [];
  const own = problemsOf(() => {
    // Exclusion problems are in the site check's list already; here only the valid ones are used.
    const matcher = buildEntityMatcher(
      entities.map((e) => ({ ...e, region: e.frontmatter.region })),
      loadLinkExclusions(contentDir, entities).exclusions,
    );
    const result = compileDocument(
      {
        slug: added.slug,
        file: added.sourceFile,
        bytes: readFileSync(added.sourceFile),
        meta,
        corrections: correctionsSchema.parse({}),
        correctionsFile: '',
      },
      { matcher, entityHref: (id) => `/${id}/` },
    );
    if (!result.document) throw new ContentError(result.problems);
    report = result.document.report;
    const texts = result.document.paragraphs.map((p) => ({ document: added.slug, text: p.text }));
    const names = entities.flatMap((e) => [e.name, ...e.aliases]);
    candidates = findEntityCandidates(texts, names, loadIgnoreList(contentDir));
    figures = findFigureCandidates(result.document.paragraphs, result.document.mentions);
  });
  // Problems of the new text already reported by the site check are not repeated.
  const seen = new Set(problems.map((p) => JSON.stringify(p)));
  const fresh = own.filter((p) => !seen.has(JSON.stringify(p)));
  return { toFill, problems: [...problems, ...fresh], others: split.others, report, candidates, figures };
}

/** The whole content's problems, once (a folder of new documents is checked in one compile). */
export function contentProblems(contentDir: string): Problem[] {
  return problemsOf(() => compileSite(contentDir, createUrls('/')));
}
