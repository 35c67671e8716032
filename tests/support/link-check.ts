import { LinkChecker, LinkState, type LinkResult } from 'linkinator';

export interface LinkReport {
  /** Every page checked, as path + search. */
  pages: Set<string>;
  /** Pages (path + search) reachable from the first page through links. */
  reachable: Set<string>;
  /** Number of links (and assets) checked, over all pages. */
  checked: number;
  /** `url → status (linked from page)` for every link or asset that does not answer 200. */
  broken: string[];
  /** `url#fragment (linked from page)` where the target page has no such id. */
  missingAnchors: string[];
  /** Links and resources on another origin: `url (from page)`. */
  foreign: string[];
}

export interface LinkCheckOptions {
  /** Absolute URLs the pages link to that stand for the served copy (e.g. SITE_URL → the test server). */
  rewrite?: Array<{ from: string; to: string }>;
  /** Pages checked at once. */
  concurrency?: number;
}

/** What the web app manifest at `url` refers to (start URL, scope, icons), as absolute URLs. */
export async function manifestLinks(url: string): Promise<string[]> {
  const manifest = (await (await fetch(url)).json()) as { start_url?: string; scope?: string; icons?: Array<{ src: string }> };
  return [manifest.start_url, manifest.scope, ...(manifest.icons ?? []).map((i) => i.src)]
    .filter((r): r is string => !!r)
    .map((r) => new URL(r, url).href);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Checks every link, asset and #fragment of the given pages with linkinator. Each page is checked
 * in its own run (linkinator's own recursion checks a fragment only if it is seen before its target
 * page is fetched, so on a whole-site crawl most cross-page anchors would go unchecked); the pages
 * reachable from the first one are found from the links the runs report.
 */
export async function checkLinks(pages: string[], options: LinkCheckOptions = {}): Promise<LinkReport> {
  const origin = new URL(pages[0]).origin;
  const report: LinkReport = { pages: new Set(), reachable: new Set(), checked: 0, broken: [], missingAnchors: [], foreign: [] };
  const edges = new Map<string, Set<string>>();
  const pathOf = (url: string) => {
    const u = new URL(url);
    return u.pathname + u.search;
  };
  const record = (page: string, link: LinkResult) => {
    const isFragment = link.failureDetails?.some((d) => d instanceof Error && d.message.startsWith('Fragment identifier'));
    // The page's own result has no parent; so has a missing anchor on the page itself.
    if (!link.parent && !isFragment) return;
    report.checked++;
    const target = new URL(link.url);
    if (target.origin !== origin) report.foreign.push(`${link.url} (from ${page})`);
    if (link.state === LinkState.BROKEN) {
      if (isFragment) report.missingAnchors.push(`${link.url} (linked from ${page})`);
      else report.broken.push(`${link.url} → ${link.status} (linked from ${page})`);
    }
    if (!edges.has(page)) edges.set(page, new Set());
    edges.get(page)!.add(pathOf(link.url));
  };
  const checkPage = async (page: string) => {
    report.pages.add(pathOf(page));
    const result = await new LinkChecker().check({
      path: page,
      recurse: false,
      checkFragments: true,
      concurrency: 8,
      timeout: 30_000,
      redirects: 'error',
      urlRewriteExpressions: (options.rewrite ?? []).map((r) => ({ pattern: new RegExp(`^${escape(r.from)}`), replacement: r.to })),
    });
    const self = result.links.find((l) => !l.parent && !l.url.includes('#'));
    if (self && self.state !== LinkState.OK) report.broken.push(`${page} → ${self.status} (checked page)`);
    for (const link of result.links) record(pathOf(page), link);
  };
  const queue = [...pages];
  const worker = async () => {
    for (let page = queue.shift(); page; page = queue.shift()) await checkPage(page);
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));

  const start = pathOf(pages[0]);
  const todo = [start];
  report.reachable.add(start);
  for (let page = todo.pop(); page !== undefined; page = todo.pop()) {
    for (const next of edges.get(page) ?? []) {
      if (report.reachable.has(next)) continue;
      report.reachable.add(next);
      if (edges.has(next)) todo.push(next);
    }
  }
  return report;
}
