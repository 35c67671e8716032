/**
 * A link checker for a served copy of the site: from the seeds, fetches every page on the site's
 * origin it can reach through <a href>, <link href>, <script src>, <img src>, <source src> and
 * <form action> (plus the web app manifest's icons and start URL), and checks that each answers
 * 200 and that each #fragment names an id on its target page.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface CrawlReport {
  /** Every HTML page fetched, as path + search. */
  pages: Set<string>;
  /** URL (on the origin) → status, for everything fetched. */
  status: Map<string, number>;
  /** `url (linked from page)` for every link that did not answer 200. */
  broken: string[];
  /** `url#fragment (linked from page)` where the target page has no such id. */
  missingAnchors: string[];
  /** Resources (not links) a page loads from another origin: `url (from page)`. */
  foreignResources: string[];
  /** Number of #fragment links checked. */
  anchorsChecked: number;
}

const LINKS: Array<[string, string]> = [
  ['a', 'href'],
  ['area', 'href'],
  ['link', 'href'],
  ['script', 'src'],
  ['img', 'src'],
  ['source', 'src'],
  ['iframe', 'src'],
  ['form', 'action'],
];

export async function crawl(seeds: string[], options: { expectNotFound?: string[] } = {}): Promise<CrawlReport> {
  const origin = new URL(seeds[0]).origin;
  const notFound = new Set((options.expectNotFound ?? []).map((u) => new URL(u).href));
  const report: CrawlReport = { pages: new Set(), status: new Map(), broken: [], missingAnchors: [], foreignResources: [], anchorsChecked: 0 };
  const ids = new Map<string, Set<string>>();
  const anchors: Array<{ target: string; fragment: string; from: string }> = [];
  const queued = new Set<string>();
  const queue: Array<{ url: string; from: string }> = [];
  const enqueue = (url: string, from: string) => {
    if (!queued.has(url)) {
      queued.add(url);
      queue.push({ url, from });
    }
  };
  seeds.forEach((s) => enqueue(new URL(s).href, '(seed)'));

  const handle = async ({ url, from }: { url: string; from: string }) => {
    const response = await fetch(url, { redirect: 'manual' });
    report.status.set(url, response.status);
    const expected = notFound.has(url) ? 404 : 200;
    if (response.status !== expected) report.broken.push(`${url} → ${response.status} (linked from ${from})`);
    const type = response.headers.get('content-type') ?? '';
    const body = await response.text();
    if (type.includes('manifest')) {
      const manifest = JSON.parse(body) as { start_url?: string; scope?: string; icons?: Array<{ src: string }> };
      for (const ref of [manifest.start_url, manifest.scope, ...(manifest.icons ?? []).map((i) => i.src)]) {
        if (ref) enqueue(new URL(ref, url).href, url);
      }
    }
    if (!type.includes('text/html')) return;
    const page = new URL(url);
    report.pages.add(page.pathname + page.search);
    const found = new Set<string>();
    const tree = fromHtml(body);
    visit(tree, 'element', (el: Element) => {
      if (typeof el.properties.id === 'string') found.add(el.properties.id);
      if (el.tagName === 'a' && typeof el.properties.name === 'string') found.add(el.properties.name);
      for (const [tag, attr] of LINKS) {
        if (el.tagName !== tag) continue;
        const value = el.properties[attr];
        if (typeof value !== 'string') continue;
        const target = new URL(value, url);
        if (target.protocol !== 'http:' && target.protocol !== 'https:') continue;
        const isLink = tag === 'a' || tag === 'area' || tag === 'form' || (tag === 'link' && [el.properties.rel].flat().some((r) => r === 'canonical' || r === 'alternate'));
        if (target.origin !== origin) {
          if (!isLink) report.foreignResources.push(`${target.href} (from ${url})`);
          continue;
        }
        if (target.hash) anchors.push({ target: target.href.replace(/#.*$/, ''), fragment: decodeURIComponent(target.hash.slice(1)), from: url });
        target.hash = '';
        enqueue(target.href, url);
      }
    });
    ids.set(url, found);
  };

  while (queue.length > 0) await Promise.all(queue.splice(0, 16).map(handle));

  for (const a of anchors) {
    report.anchorsChecked++;
    const onPage = ids.get(a.target);
    if (onPage && !onPage.has(a.fragment)) report.missingAnchors.push(`${a.target}#${a.fragment} (linked from ${a.from})`);
  }
  return report;
}
