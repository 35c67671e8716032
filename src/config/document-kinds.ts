/**
 * Kinds of source document (类型), from src/config/site.config.ts: a spelling a document's metadata uses
 * (a name or an alias: 年度计划, 政府工作报告) → the kind's name as pages show it (计划, 报告).
 */
import { site } from './site.config.ts';
import type { DocumentKindDefinition } from './site-definition.ts';

export interface DocumentKinds {
  /** The configured names, in the configuration's order. */
  names: readonly string[];
  /** The kind's name for a name or alias; undefined for a spelling no kind has. */
  canonical(spelling: string): string | undefined;
}

export function documentKinds(kinds: readonly Pick<DocumentKindDefinition, 'name' | 'aliases'>[]): DocumentKinds {
  const nameOf = new Map<string, string>();
  for (const k of kinds) for (const spelling of [k.name, ...(k.aliases ?? [])]) nameOf.set(spelling, k.name);
  return { names: kinds.map((k) => k.name), canonical: (spelling) => nameOf.get(spelling.trim()) };
}

export const siteDocumentKinds: DocumentKinds = documentKinds(site.documentKinds);

/** The configured kind a spelling stands for (年度计划 → 计划, 新闻 → 新闻报道), for views. */
export const canonicalKind = (spelling: string): string | undefined => siteDocumentKinds.canonical(spelling);
