import type { APIRoute } from 'astro';
import { entitiesOf } from '../../lib/astro/content.ts';
import { entityKindBadges } from '../../lib/labels.ts';
import { entityKinds } from '../../lib/schema/entity.ts';
import type { SearchIndexData } from '../../lib/search/entities.ts';
import { createUrls } from '../../lib/urls.ts';

/** Every entity's name and aliases with its page, for entity-first ranking and "did you mean". */
export const GET: APIRoute = async () => {
  const urls = createUrls(import.meta.env.BASE_URL);
  const data: SearchIndexData = { entities: [] };
  for (const kind of entityKinds) {
    for (const entry of await entitiesOf(kind)) {
      data.entities.push({ name: entry.data.name, aliases: entry.data.aliases, url: urls.entity(`${kind}/${entry.id}`), kind: entityKindBadges[kind] });
    }
  }
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
