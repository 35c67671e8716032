import type { APIRoute } from 'astro';
import { backlinksOf, entitiesOf } from '../../lib/astro/content.ts';
import { entityKinds } from '../../lib/schema/entity.ts';
import { documentFilter } from '../../lib/views/kind-index.ts';

/** Data of the 文件 filter on a kind's index: loaded only when a reader uses that filter. */
export function getStaticPaths() {
  return entityKinds.map((kind) => ({ params: { kind } }));
}

export const GET: APIRoute = async ({ params }) => {
  const kind = params.kind!;
  const backlinks = await Promise.all(
    (await entitiesOf(kind)).map(async (e) => ({ slug: e.id, documents: (await backlinksOf(`${kind}/${e.id}`))?.documents ?? [] })),
  );
  return new Response(JSON.stringify(documentFilter(backlinks)), { headers: { 'Content-Type': 'application/json' } });
};
