import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { allDocuments } from '../../../lib/astro/content.ts';
import { downloadsDir } from '../../../lib/emit/write-generated.ts';

/**
 * A document's downloads beside its page: the source as received, byte for byte (下载原文), the
 * cleaned text, and the original file when one was kept. The compiler wrote them; this copies
 * them into the site unchanged.
 */
export async function getStaticPaths() {
  return (await allDocuments()).flatMap((doc) =>
    Object.values(doc.downloads)
      .filter((file): file is string => typeof file === 'string')
      .map((file) => ({ params: { slug: doc.slug, file } })),
  );
}

export const GET: APIRoute = ({ params }) => new Response(readFileSync(join(downloadsDir(params.slug!), params.file!)));
