/**
 * Runs after `astro build` and `pagefind` (see the `build` script in package.json):
 * sitemap.xml and robots.txt, then the service worker, which precaches the finished site.
 *
 * Usage: tsx scripts/postbuild.ts <dist>
 */
import { generateServiceWorker } from './generate-service-worker.ts';
import { writeSitemap } from './write-sitemap.ts';

const dist = process.argv[2];
if (!dist) throw new Error('usage: tsx scripts/postbuild.ts <dist>');

const sitemap = writeSitemap(dist);
console.log(`sitemap.xml: ${sitemap.pages} pages (${sitemap.sitemap}); robots.txt written`);
const sw = await generateServiceWorker(dist);
sw.warnings.forEach((w) => console.warn(`service worker: ${w}`));
if (sw.warnings.length > 0) process.exit(1);
console.log(`sw.js: precaches ${sw.count} files (${(sw.size / 1024 / 1024).toFixed(1)} MB)`);
