/**
 * Renders the app icons in public/icons/ from public/favicon.svg (run by hand when the favicon
 * changes: `npx node scripts/generate-icons.ts`; the PNGs are committed). Installable web apps need
 * PNG icons; the maskable one is full-bleed with the glyph inside the 80% safe zone.
 *
 * Uses Chromium (with a CJK font installed, e.g. Debian's fonts-noto-cjk) to rasterise the SVG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tools/browser/chromium.ts';

const publicDir = join(import.meta.dirname, '../public');
const favicon = readFileSync(join(publicDir, 'favicon.svg'), 'utf8');
// Full-bleed square (no rounded corners) with the glyph scaled to ~60% so it survives any mask shape.
const maskable = favicon
  .replace(/<rect([^>]*?) rx="[^"]*"/, '<rect$1')
  .replace(/<text([^>]*?)>/, '<text$1 transform="translate(16 16) scale(.72) translate(-16 -16)">');

const targets = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
];

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const { file, size, svg } of targets) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(publicDir, 'icons', file), png);
    console.log(`public/icons/${file} (${size}×${size}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
