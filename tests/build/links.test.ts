import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { DIST } from '../support/site.ts';
import { serveStatic } from '../../support/static-server.ts';
import { crawl, type CrawlReport } from './crawl.ts';

/** The default build (base `/`), served by a plain static host: every link, asset and anchor resolves. */
let site: Awaited<ReturnType<typeof serveStatic>>;
let report: CrawlReport;
let missing: string;

beforeAll(async () => {
  site = await serveStatic(DIST);
  missing = site.url + 'no/such/page/';
  report = await crawl([site.url, missing], { expectNotFound: [missing] });
});
afterAll(() => site?.close());

describe('links of the default build', () => {
  it('reaches every page of the build from the home page', () => {
    const pages = listPages(DIST).map((p) => '/' + p);
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((p) => !report.pages.has(p))).toEqual([]);
  });
  it('has no broken links or assets', () => {
    expect(report.status.size).toBeGreaterThan(report.pages.size);
    expect(report.broken).toEqual([]);
  });
  it('has no link to a missing anchor', () => {
    expect(report.anchorsChecked).toBeGreaterThan(1000);
    expect(report.missingAnchors).toEqual([]);
  });
  it('loads nothing from another origin', () => expect(report.foreignResources).toEqual([]));
  it('answers a missing page with the site 404 page, whose links work', () => {
    expect(report.status.get(missing)).toBe(404);
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
    expect(readFileSync(join(DIST, '404.html'), 'utf8')).toContain('页面不存在');
  });
});
