import type { APIRoute } from 'astro';
import { allDocuments, documentPage, entitiesOf } from '../../lib/astro/content.ts';
import { entityKinds } from '../../lib/schema/entity.ts';
import { buildT2sMap } from '../../lib/search/t2s-map.ts';

/**
 * The traditional → simplified character map for queries, limited to characters the site's text
 * uses (a few kilobytes instead of OpenCC's full tables). The search page loads it with the first query.
 */
export const GET: APIRoute = async () => {
  // The characters the site uses, gathered one page at a time (never the whole corpus as one string).
  const characters = new Set<string>();
  const add = (text: string) => {
    for (const c of text) characters.add(c);
  };
  for (const { slug } of await allDocuments()) {
    const doc = documentPage(slug);
    add(doc.html + JSON.stringify(doc.meta));
  }
  for (const kind of entityKinds) {
    for (const entry of await entitiesOf(kind)) add(JSON.stringify(entry.data));
  }
  return new Response(JSON.stringify(buildT2sMap([...characters].join(''))), { headers: { 'content-type': 'application/json' } });
};
