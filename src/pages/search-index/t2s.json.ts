import type { APIRoute } from 'astro';
import { allDocuments, entitiesOf } from '../../lib/astro/content.ts';
import { entityKinds } from '../../lib/schema/entity.ts';
import { buildT2sMap } from '../../lib/search/t2s-map.ts';

/**
 * The traditional → simplified character map for queries, limited to characters the site's text
 * uses (a few kilobytes instead of OpenCC's full tables). The search page loads it with the first query.
 */
export const GET: APIRoute = async () => {
  let corpus = '';
  for (const doc of await allDocuments()) corpus += doc.html + JSON.stringify(doc.meta);
  for (const kind of entityKinds) {
    for (const entry of await entitiesOf(kind)) corpus += JSON.stringify(entry.data);
  }
  return new Response(JSON.stringify(buildT2sMap(corpus)), { headers: { 'content-type': 'application/json' } });
};
