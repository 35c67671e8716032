import type { APIRoute } from 'astro';
import { site } from '../config/site.config.ts';

/**
 * The web app manifest, from the site configuration (name, description, theme colour), so the app's
 * colours are the pages' own. Every URL in it is relative to the manifest, so it works under any base.
 */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        id: './',
        name: site.name,
        short_name: site.name,
        description: site.description,
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: site.themeColor,
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      null,
      2,
    ) + '\n',
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
