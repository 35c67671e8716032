import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { site } from '../../config/site.config.ts';
import { hasChineseFont } from '../../lib/postbuild/share-images.ts';
import { shareImageSvg } from '../../lib/views/share-image.ts';

/**
 * `/share/site.png`: the link-preview picture of the pages without their own (og:image,
 * twitter:image; documents and entity pages get theirs from src/lib/postbuild/share-images.ts),
 * rasterised once at build time by sharp (librsvg). The text needs a Chinese font on the build
 * machine (Debian: fonts-noto-cjk); without one the picture is drawn without text rather than with
 * boxes, and the post-build step says what to install.
 */
export const GET: APIRoute = async () => {
  const svg = shareImageSvg({ name: site.name, description: site.description, color: site.themeColor, text: await hasChineseFont() });
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
