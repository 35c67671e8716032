import type { APIRoute } from 'astro';
import { siteCharacters } from '../../lib/astro/content.ts';
import { buildT2sMap } from '../../lib/search/t2s-map.ts';

/**
 * The traditional → simplified character map for queries, limited to characters the site's text
 * uses (a few kilobytes instead of OpenCC's full tables). The search page loads it with the first query.
 */
export const GET: APIRoute = () => new Response(JSON.stringify(buildT2sMap(siteCharacters())), { headers: { 'content-type': 'application/json' } });
