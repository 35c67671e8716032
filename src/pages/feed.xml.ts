import type { APIRoute } from 'astro';
import { allDocuments } from '../lib/astro/content.ts';
import { atomFeed } from '../lib/views/feed.ts';
import { site } from '../config/site.config.ts';

/** `/feed.xml`: an Atom feed of the latest documents, advertised in every page's head (src/layouts/Base.astro). */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const xml = atomFeed(await allDocuments(), {
    siteName: site.name,
    description: site.description,
    siteUrl: siteUrl ? new URL(base, siteUrl).href : undefined,
    base,
    now: new Date(),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
