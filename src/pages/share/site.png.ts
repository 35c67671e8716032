import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { shareImageSvg } from '../../lib/views/share-image.ts';
import { site } from '../../config/site.config.ts';

/**
 * `/share/site.png`: the link-preview picture of every page (og:image, twitter:image), rasterised
 * once at build time by sharp (librsvg). The text needs a Chinese font on the build machine
 * (Debian: fonts-noto-cjk).
 */
export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(shareImageSvg({ name: site.name, description: site.description, color: site.themeColor })))
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
