/**
 * `npm run bench:lighthouse`: mobile Lighthouse (its default: a mid-range phone, simulated slow 4G
 * and CPU throttling) in all four categories on one page of every type the build emits (the same
 * list the accessibility tests use), served from dist/ by the project's static host. Writes
 * bench/results/lighthouse-<timestamp>.md with the scores, LCP, CLS and TBT per page and every
 * audit that kept a category under 100. Not part of `npm test`: scores depend on the machine, so
 * run it on a quiet one, after `SITE_URL=https://example.org npm run build` (canonical URLs, the
 * sitemap and og:url exist only with SITE_URL, and SEO is judged on them).
 *
 *   npm run bench:lighthouse [-- <url-substring> …]   only the page types whose name contains one
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tools/browser/chromium.ts';
import { pageTypes } from '../tools/page-types.ts';
import { serveStatic } from '../tools/static-server.ts';

const DIST = 'dist';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const LABELS: Record<(typeof CATEGORIES)[number], string> = {
  performance: '性能 Performance',
  accessibility: '无障碍 Accessibility',
  'best-practices': 'Best practices',
  seo: 'SEO',
};

let home: string;
try {
  home = readFileSync(join(DIST, 'index.html'), 'utf8');
} catch {
  console.error('dist/index.html is missing: build the site first (SITE_URL=https://example.org npm run build).');
  process.exit(1);
}
if (!/<link rel="canonical" href="https?:\/\//.test(home)) {
  console.error(
    'dist/ was built without SITE_URL, so pages have no canonical URL and SEO cannot be judged.\nBuild with SITE_URL=https://example.org npm run build, then run this again.',
  );
  process.exit(1);
}

const only = process.argv.slice(2);
const types = pageTypes(DIST).filter((t) => only.length === 0 || only.some((o) => t.name.includes(o)));
const site = await serveStatic(DIST, '/');
const host = await compressingHost(site.url);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});

interface Row {
  name: string;
  url: string;
  scores: Record<string, number>;
  lcp: number;
  cls: number;
  tbt: number;
  failing: string[];
}
const rows: Row[] = [];
try {
  for (const t of types) {
    // Lighthouse will not judge a page answered with 404, which is how the 404 page is served at a
    // missing URL; the same file is measured at its own address.
    const url = host.url + (t.name === '404' ? t.file : t.url);
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    // The audits that cost points: weighted ones under a full score, per category.
    const failing = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id].displayValue ?? `score ${lhr.audits[ref.id].score}`})`),
    );
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const row = {
      name: t.name,
      url: t.name === '404' ? t.file : t.url,
      scores,
      lcp: num('largest-contentful-paint'),
      cls: num('cumulative-layout-shift'),
      tbt: num('total-blocking-time'),
      failing,
    };
    rows.push(row);
    console.log(
      `${t.name.padEnd(16)} ${CATEGORIES.map((c) => String(scores[c]).padStart(4)).join('')}  LCP ${(row.lcp / 1000).toFixed(2)} s  CLS ${row.cls.toFixed(3)}  TBT ${Math.round(row.tbt)} ms`,
    );
  }
} finally {
  await chrome.kill();
  host.close();
  await site.close();
}

const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-');
const lines = [
  `# Lighthouse, mobile (${stamp})`,
  '',
  `Lighthouse ${JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version}, default mobile settings (simulated throttling), Chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}; dist/ built with SITE_URL, served on loopback with gzip as static hosts serve text. Scores depend on the machine's load: compare runs on a quiet machine.`,
  '',
  `| page type | ${CATEGORIES.map((c) => LABELS[c]).join(' | ')} | LCP | CLS | TBT |`,
  `| --- | ${CATEGORIES.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`,
  ...rows.map(
    (r) =>
      `| \`${r.name}\` (${r.url || '/'}) | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${(r.lcp / 1000).toFixed(2)} s | ${r.cls.toFixed(3)} | ${Math.round(r.tbt)} ms |`,
  ),
  '',
  // The 404 page is noindex by design (a missing URL must not be indexed), which Lighthouse's SEO counts against it.
  `Lowest: ${CATEGORIES.map((c) => `${c} ${Math.min(...rows.filter((r) => c !== 'seo' || r.name !== '404').map((r) => r.scores[c]))}`).join(', ')} (SEO without the 404 page, which is noindex by design).`,
  '',
  '## Audits under a full score',
  '',
  ...rows.flatMap((r) => (r.failing.length ? [`- \`${r.name}\`: ${r.failing.join('; ')}`] : [])),
  '',
];
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/lighthouse-${stamp}.md`;
writeFileSync(file, lines.join('\n'));
console.log(`\nwritten ${file}`);

/**
 * The static host with gzip for text responses (HTML, CSS, JS, JSON, SVG, XML), as GitHub Pages,
 * Netlify, Cloudflare or nginx with gzip on serve them: measuring uncompressed files would charge
 * the search index three times its real transfer size. A pass-through in front of the project's
 * static host, which itself stays plain for the tests.
 */
async function compressingHost(origin: string): Promise<{ url: string; close: () => void }> {
  const target = new URL(origin);
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, 'accept-encoding': 'identity' },
      },
      (up) => {
        const type = String(up.headers['content-type'] ?? '');
        const gzip =
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
          /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg)/.test(type) &&
          up.statusCode !== 304;
        const headers = { ...up.headers };
        if (gzip) {
          delete headers['content-length'];
          headers['content-encoding'] = 'gzip';
          headers.vary = 'Accept-Encoding';
        }
        res.writeHead(up.statusCode ?? 502, headers);
        (gzip ? up.pipe(createGzip()) : up).pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
