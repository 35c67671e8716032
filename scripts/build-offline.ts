/**
 * `npm run build:offline`: turns the built site into a copy a reader opens by double-clicking
 * index.html (file://), and zips it for handing out.
 *
 * - Every link, stylesheet, script, image and form target becomes a relative URL to a file
 *   (`documents/x/` → `../documents/x/index.html`), so the copy works from any folder.
 * - Search: the same search page, core and sharded index as online, but fetch() and module
 *   scripts do not work from disk: every index file becomes a plain script
 *   (offline/search-index/<path>.js) loaded on demand, and the page's code is bundled as a classic
 *   script (offline/offline-search.js, from src/client/offline-search.ts) that replaces the page's
 *   module scripts.
 * - Left out: the service worker, the web app manifest, sitemap.xml, robots.txt and the share
 *   pictures, which only work or matter on a web server.
 * - Fails if any link of the copy would point at a file the copy does not have.
 *
 * Usage: node scripts/build-offline.ts [--dist dist] [--out dist-offline] [--zip dist-offline.zip] [--base /]
 * (--base defaults to BASE_PATH, the base the site was built with.)
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { zipSync, type Zippable } from 'fflate';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { remove } from 'unist-util-remove';
import { visit } from 'unist-util-visit';
import { toRelativeUrl } from '../src/client/relative-urls.ts';
import { readSiteConfig, workPaths } from '../src/config/environment.ts';
import { site } from '../src/config/site.config.ts';
import { SHARE_DIR } from '../src/lib/views/share-image.ts';
import { filesUnder } from '../tools/files-under.ts';

const SITE_NAME = site.name;
const SEARCH_PAGE = 'search/index.html';
const OFFLINE_DIR = 'offline';
/** Only useful on a web server (the share pictures are fetched by the apps a link is shared to). */
const LEFT_OUT = new Set(['search-index', 'sw.js', 'manifest.webmanifest', 'sitemap.xml', 'robots.txt', SHARE_DIR]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data'] as const;

const { values: args } = parseArgs({
  options: { dist: { type: 'string' }, out: { type: 'string' }, zip: { type: 'string' }, base: { type: 'string' } },
});
const paths = workPaths();
const dist = resolve(args.dist ?? paths.dist);
const out = resolve(args.out ?? paths.distOffline);
const zipFile = resolve(args.zip ?? `${out}.zip`);
const base = args.base ?? readSiteConfig().base;

if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: build the site first (npm run build)`);

const toPosix = (p: string) => p.split(sep).join('/');

// 1. Copy what a reader needs.
rmSync(out, { recursive: true, force: true });
cpSync(dist, out, {
  recursive: true,
  filter: (src) => {
    const rel = toPosix(relative(dist, src));
    return !LEFT_OUT.has(rel.split('/')[0]) && !/^workbox-.*\.js$/.test(rel);
  },
});

const problems: string[] = [];
/** Rewrites one URL found in `file`; records URLs the copy cannot resolve. */
function rewrite(url: string, file: string): string {
  const relativeUrl = toRelativeUrl(url, file, base);
  if (relativeUrl === undefined) {
    problems.push(`${file}: ${url} is outside the base ${base} (was the site built with another BASE_PATH?)`);
    return url;
  }
  if (relativeUrl !== url) {
    const target = posix.join(posix.dirname(file), relativeUrl.replace(/[?#].*$/, ''));
    if (!existsSync(join(out, decodeURI(target)))) problems.push(`${file}: ${url} → ${target}, which the offline copy does not have`);
  }
  return relativeUrl;
}

// 2. The search index: the same files as online, each as a plain script.
let indexFiles = 0;
for (const file of filesUnder(join(dist, 'search-index')).filter((f) => f.endsWith('.json'))) {
  const target = join(out, OFFLINE_DIR, 'search-index', file.replace(/\.json$/, '.js'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `window.searchIndexFile(${JSON.stringify(file)},${readFileSync(join(dist, 'search-index', file), 'utf8')});\n`);
  indexFiles++;
}
if (!existsSync(join(dist, 'search-index', 'meta.json')))
  throw new Error(`${dist} has no search index (search-index/meta.json): build the site first`);
const files = filesUnder(out);
const bundle = await build({
  entryPoints: [join(import.meta.dirname, '../src/client/offline-search.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  write: false,
  legalComments: 'none',
});
writeFileSync(join(out, OFFLINE_DIR, 'offline-search.js'), bundle.outputFiles[0].text);

// 3. Every page: relative URLs, no server-only features; the search page gets the offline search.
const isElement = (node: unknown): node is Element => (node as Element)?.type === 'element';
for (const file of files.filter((f) => f.endsWith('.html'))) {
  const tree = fromHtml(readFileSync(join(out, file), 'utf8')) as Root;
  remove(tree, (node) => {
    if (!isElement(node)) return false;
    const rel = node.properties.rel;
    if (node.tagName === 'link' && Array.isArray(rel) && rel.includes('manifest')) return true;
    return node.tagName === 'script' && node.properties.dataServiceWorker !== undefined;
  });
  if (file === SEARCH_PAGE) {
    // Module scripts do not load from disk: the page's search code comes as a classic bundle.
    let main: Element | undefined;
    visit(tree, 'element', (el: Element) => {
      if (el.tagName === 'main') main = el;
    });
    if (main) remove(main, (node) => isElement(node) && node.tagName === 'script');
    remove(tree, (node) => isElement(node) && node.tagName === 'script' && /search/i.test(String(node.properties.src ?? '')));
    let body: Element | undefined;
    visit(tree, 'element', (el: Element) => {
      if (el.tagName === 'body') body = el;
    });
    if (!body) throw new Error(`${file} has no <body>`);
    body.children.push({
      type: 'element',
      tagName: 'script',
      properties: { src: `${base}${OFFLINE_DIR}/offline-search.js` },
      children: [],
    });
  }
  visit(tree, 'element', (el: Element) => {
    for (const attr of URL_ATTRIBUTES) {
      const value = el.properties[attr];
      if (typeof value === 'string') el.properties[attr] = rewrite(value, file);
    }
    // srcset: "url descriptor" candidates (hast parses it into a list, though typed as a string).
    const props = el.properties as Record<string, unknown>;
    const srcSet = props.srcSet;
    if (srcSet !== undefined && srcSet !== null) {
      const candidates = Array.isArray(srcSet) ? srcSet.map(String) : String(srcSet).split(',');
      props.srcSet = candidates.map((c) => c.trim().replace(/^\S+/, (u) => rewrite(u, file)));
    }
    if (typeof el.properties.style === 'string') {
      el.properties.style = el.properties.style.replace(/url\((['"]?)(\/[^'")]+)\1\)/g, (_, q, u) => `url(${q}${rewrite(u, file)}${q})`);
    }
  });
  writeFileSync(join(out, file), toHtml(tree));
}
for (const file of files.filter((f) => f.endsWith('.css'))) {
  const css = readFileSync(join(out, file), 'utf8');
  writeFileSync(
    join(out, file),
    css.replace(/url\((['"]?)(\/[^'")]+)\1\)/g, (_, q, u) => `url(${q}${rewrite(u, file)}${q})`),
  );
}
if (problems.length > 0) {
  throw new Error(
    `The offline copy would have broken links:\n${[...new Set(problems)]
      .slice(0, 30)
      .map((p) => `  ${p}`)
      .join('\n')}`,
  );
}

writeFileSync(
  join(out, '使用说明.txt'),
  '\uFEFF' +
    [
      `${SITE_NAME}（离线版）`,
      '',
      '双击本文件夹中的 index.html，用浏览器打开即可阅读，无需联网，也无需安装任何软件。',
      '全部文件、政策、项目和治理模式条目均可浏览；页面上方的搜索框可全文检索。',
      '请保持文件夹结构不变（可以整体复制或移动）。',
      '',
    ].join('\r\n'),
);

// 4. The zip: one folder, so unpacking it anywhere gives the same copy.
const folder = basename(out);
const zippable: Zippable = {};
for (const file of filesUnder(out)) {
  const data = readFileSync(join(out, file));
  zippable[`${folder}/${file}`] = [data, { level: /\.(png|jpe?g|webp|woff2?|gz|zip)$/.test(file) ? 0 : 9 }];
}
mkdirSync(dirname(zipFile), { recursive: true });
const zip = zipSync(zippable);
writeFileSync(zipFile, zip);

const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const total = filesUnder(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
console.log(`offline copy: ${out} (${filesUnder(out).length} files, ${size(total)}; search index: ${indexFiles} files)`);
console.log(`zip: ${zipFile} (${size(zip.length)})`);
