import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { GENERATED_DIR } from './lib/compiler/emit/write-generated.ts';
import { entityFrontmatterSchema, entityKinds } from './lib/schema/entity.ts';

// Everything the routes read was compiled and validated by the compiler (src/lib/compiler/pipeline.ts, run by
// the policy-library integration before Astro reads content); the schemas here check the generated
// shape at the boundary. Entity pages are Markdown rendered by the compiler, never by Astro's MDX,
// so no author input is ever compiled to code. One collection per kind in src/config/site.config.ts.
const generated = (dir: string) => glob({ pattern: '**/*.json', base: `${GENERATED_DIR}/${dir}` });

export const collections = {
  documents: defineCollection({ loader: generated('documents'), schema: z.looseObject({ slug: z.string() }) }),
  overview: defineCollection({ loader: generated('overview'), schema: z.looseObject({ kinds: z.array(z.unknown()), links: z.array(z.unknown()) }) }),
  figurePages: defineCollection({ loader: generated('figure-pages'), schema: z.looseObject({ page: z.number(), groups: z.array(z.unknown()) }) }),
  timelinePages: defineCollection({ loader: generated('timeline-pages'), schema: z.looseObject({ page: z.number(), years: z.array(z.unknown()) }) }),
  entityFacts: defineCollection({ loader: generated('entity-facts'), schema: z.looseObject({ id: z.string() }) }),
  ...Object.fromEntries(
    entityKinds.map((kind) => [kind, defineCollection({ loader: generated(`entities/${kind}`), schema: entityFrontmatterSchema(kind).extend({ html: z.string(), facts: z.looseObject({ status: z.array(z.unknown()), figures: z.array(z.unknown()) }) }) })]),
  ),
};
