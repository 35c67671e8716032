import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages } from '../../src/lib/postbuild/sitemap.ts';
import { checkLinks, manifestLinks, type LinkReport } from '../support/link-check.ts';
import { DIST } from '../support/site.ts';
import { serveStatic } from '../../tools/static-server.ts';

/** The default build (base `/`), served by a plain static host: every link, asset and anchor resolves (linkinator). */
let site: Awaited<ReturnType<typeof serveStatic>>;
let report: LinkReport;
const pages = listPages(DIST);

beforeAll(async () => {
  site = await serveStatic(DIST);
  // Every page, the 404 page (sirv serves the file itself with 200, so its links are checked too).
  report = await checkLinks([...pages.map((p) => site.url + p), site.url + '404.html']);
}, 300_000);
afterAll(() => site?.close());

describe('links of the default build', () => {
  it('reaches every page of the build from the home page', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.map((p) => '/' + p).filter((p) => !report.reachable.has(p))).toEqual([]);
  });
  it('has no broken links or assets', () => {
    expect(report.checked).toBeGreaterThan(pages.length * 10);
    expect(report.broken).toEqual([]);
  });
  it('has no link to a missing anchor', () => expect(report.missingAnchors).toEqual([]));
  it('links and loads nothing from another origin', () => expect(report.foreign).toEqual([]));
  it('has every file the web app manifest names', async () => {
    const links = await manifestLinks(site.url + 'manifest.webmanifest');
    expect(links.length).toBeGreaterThan(2);
    for (const url of links) expect((await fetch(url)).status, url).toBe(200);
  });
  it('answers a missing page with the site 404 page', async () => {
    const response = await fetch(site.url + 'no/such/page/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面不存在');
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
    expect(readFileSync(join(DIST, '404.html'), 'utf8')).toContain('id="main"');
  });
});
