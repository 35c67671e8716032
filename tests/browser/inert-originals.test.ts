import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocument, type AddedDocument } from '../../src/lib/authoring/ingest/add-document.ts';
import { cleanBuildEnv } from '../setup/build-site.ts';
import { useSiteInBrowser } from '../support/browser.ts';
import { confirmMetadata } from '../support/confirm-metadata.ts';
import { PROJECT_ROOT, copyProject } from '../../tools/project-copy.ts';
import { readPage } from '../support/site.ts';

/**
 * A kept web original is a download, never a page of the site: a copy of the project gets the
 * gov.cn fragment of the issue (no <html>, no <head>) with inline scripts added, through
 * add-document, and is built. The build must not fail on it or rewrite it; the original must be
 * in dist/ byte for byte (inside its zip), and opening its download URL on the site must not run
 * its scripts. The document page names the format for a reader, shows the title from the
 * metadata, where the text came from, and marks the value left 待确认 as 未核对.
 */
const REAL = 'html-govcn-policy-page-guobanfa-2018-123-fragment.html';
const REAL_DOCS = resolve(PROJECT_ROOT, '../shared/real-docs');
const work = copyProject('inert-originals-');
const dist = join(work, 'dist');
const inbox = join(work, 'inbox');
// The payload: scripts that announce themselves by requesting an address of the host, inline and as a handler.
const page =
  readFileSync(join(REAL_DOCS, REAL), 'utf8') +
  '\n<script>new Image().src = "/__original-script-ran?inline";</script>\n<img src="x" onerror="new Image().src=\'/__original-script-ran?handler\'">\n';
let added: AddedDocument;

beforeAll(async () => {
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'guobanfa-2018-123.html'), page);
  added = await addDocument({ file: join(inbox, 'guobanfa-2018-123.html'), contentDir: join(work, 'content') });
  confirmMetadata(added, join(REAL_DOCS, `${REAL}.expected.yaml`), ['date']);
  execSync('npm run build', { cwd: work, stdio: 'pipe', env: cleanBuildEnv() });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fixture = useSiteInBrowser(dist);

describe('a kept web page original', () => {
  it('builds, and is in dist/ byte for byte inside a stored zip, never as an .html file', () => {
    const folder = join(dist, 'documents', added.slug);
    expect(existsSync(join(folder, 'original.html'))).toBe(false);
    const files = unzipSync(new Uint8Array(readFileSync(join(folder, 'original.zip'))));
    expect(Object.keys(files)).toEqual([`${added.slug}.html`]);
    expect(Buffer.from(files[`${added.slug}.html`]).equals(Buffer.from(page))).toBe(true);
    // Stored, not deflated: the page's own bytes are in the archive as they are.
    expect(readFileSync(join(folder, 'original.zip')).includes(Buffer.from(page))).toBe(true);
  });

  it('is offered as 原始文件（网页，ZIP 压缩）, with the title from the metadata and where the text came from', () => {
    const tree = readPage(`documents/${added.slug}/index.html`, dist);
    const rows = Object.fromEntries(
      (selectAll('table.meta-table tr', tree) as Element[]).map((tr) => [toString(select('th', tr)!), toString(select('td', tr)!)]),
    );
    expect(rows.原始文件).toBe('原始文件（网页，ZIP 压缩）');
    expect((select('table.meta-table a', tree) as Element).properties.href).toBe(`/documents/${added.slug}/original.zip`);
    expect(rows.文字来源).toMatch(/网页/);
    const download = (selectAll('.document-tools a[download]', tree) as Element[]).map((a) => [
      toString(a),
      a.properties.href,
      a.properties.type,
    ]);
    expect(download[0]).toEqual(['下载原始文件（网页，ZIP 压缩）', `/documents/${added.slug}/original.zip`, 'application/zip']);
    expect(toString(select('h1', tree)!)).toBe('国务院办公厅关于推进政务新媒体健康有序发展的意见');
    expect(toString(select('title', tree)!)).toMatch(/^国务院办公厅关于推进政务新媒体健康有序发展的意见 · /);
    expect(rows.成文日期).toMatch(/未核对$/);
    expect(rows.发文机关).not.toMatch(/未核对/);
    expect(toString(select('.unconfirmed-note', tree)!)).toBe('标“未核对”的信息由程序从原文识别，尚未经编辑核对。');
  });

  it('does not run its scripts when its download address is opened on the site', async () => {
    const context = await fixture.browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
    const tab = await context.newPage();
    const ran: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('__original-script-ran')) ran.push(r.url());
    });
    const url = `${fixture.site.url}documents/${added.slug}/original.zip`;
    const downloaded = tab.waitForEvent('download');
    await tab.goto(url).catch(() => {}); // a download is not a navigation: goto reports it as an error
    expect((await downloaded).url()).toBe(url);
    // The page the reader was on (the document) is where a script could have run: give it time.
    await tab.goto(`${fixture.site.url}documents/${added.slug}/`);
    await tab.waitForTimeout(500);
    expect(ran).toEqual([]);
    const response = await context.request.get(`${fixture.site.url}documents/${added.slug}/original.html`);
    expect(response.status()).toBe(404);
    // The control: the same bytes served as an .html file from the site do run, which is what the zip prevents.
    writeFileSync(join(dist, 'control-original.html'), page);
    try {
      await tab.goto(`${fixture.site.url}control-original.html`);
      await expect.poll(() => ran.length, { timeout: 5000 }).toBeGreaterThan(0);
    } finally {
      rmSync(join(dist, 'control-original.html'));
    }
    await context.close();
  });
});
