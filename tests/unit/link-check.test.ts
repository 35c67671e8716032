import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../tools/static-server.ts';
import { checkLinks, type LinkReport } from '../support/link-check.ts';

/** The link checker the site's link tests use, on a small site with known mistakes. */
let site: Awaited<ReturnType<typeof serveStatic>>;
let report: LinkReport;
beforeAll(async () => {
  site = await serveStatic(join(import.meta.dirname, '../fixtures/links/site'));
  report = await checkLinks(['index.html', 'a.html', 'b.html', 'orphan.html'].map((p) => site.url + p));
});
afterAll(() => site?.close());

const local = (lines: string[]) => lines.map((l) => l.replaceAll(site.url, '/')).sort();

describe('link checking', () => {
  it('reports missing pages and assets with the page that links them', () => {
    expect(local(report.broken)).toEqual(['/missing.html → 404 (linked from /index.html)', '/missing.png → 404 (linked from /a.html)']);
  });
  it('reports every missing anchor, including one on a page checked before the link was seen', () => {
    expect(local(report.missingAnchors)).toEqual([
      '/a.html#nope-cross (linked from /b.html)',
      '/index.html#nope-late (linked from /b.html)',
      '/index.html#nope-same (linked from /index.html)',
    ]);
  });
  it('finds which pages can be reached from the first', () => {
    expect(report.reachable).toEqual(new Set(['/index.html', '/a.html', '/b.html', '/missing.html', '/missing.png', '/style.css']));
    expect(report.reachable.has('/orphan.html')).toBe(false);
    expect(report.checked).toBeGreaterThanOrEqual(10);
    expect(report.foreign).toEqual([]);
  });
});
