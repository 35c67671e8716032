import type { SiteDefinition } from '../../config/site-definition.ts';
import { LATEST_ON_HOME, listedDocument, type ListedDocument } from './document-listing.ts';

/**
 * The home page: the latest documents, the kinds and the site-wide views; never the whole corpus,
 * so it stays the same size at 5 or 5,000 documents.
 */
export function homeView(
  site: SiteDefinition,
  documents: readonly ListedDocument[],
  counts: Record<string, number>,
  routeFiles: readonly string[],
) {
  const latest = [...documents]
    .sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.slug.localeCompare(b.slug))
    .slice(0, LATEST_ON_HOME)
    .map(listedDocument);
  return {
    latest,
    documentCount: documents.length,
    kinds: site.kinds.map((k) => ({ id: k.id, label: k.label, blurb: k.blurb, count: counts[k.id] ?? 0 })),
    views: site.views.filter((v) => hasRoute(routeFiles, v.path)),
  };
}

/** Whether the pages folder has a route for `/<path>/` (`<path>.astro` or `<path>/index.astro`). */
export function hasRoute(routeFiles: readonly string[], path: string): boolean {
  return routeFiles.some((f) => new RegExp(`(^|/)pages/${path}(\\.astro|/index\\.astro)$`).test(f));
}
