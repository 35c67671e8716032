import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { GENERATED_DIR } from './lib/compiler/emit/write-generated.ts';
import { entityKinds } from './lib/schema/entity.ts';
import {
  documentSummarySchema,
  entityFactsSchema,
  figuresPageSchema,
  generatedEntitySchema,
  kindsOverviewSchema,
  timelinePageSchema,
} from './lib/schema/generated.ts';

// Everything the routes read was compiled and validated by the compiler (src/lib/compiler/pipeline.ts, run by
// the policy-library integration before Astro reads content); the schemas of the generated files
// (src/lib/schema/generated.ts) check them at the boundary and type what the routes read. Entity
// pages are Markdown rendered by the compiler, never by Astro's MDX, so no author input is ever
// compiled to code. One collection per kind in src/config/site.config.ts.
const generated = (dir: string) => glob({ pattern: '**/*.json', base: `${GENERATED_DIR}/${dir}` });

export const collections = {
  documents: defineCollection({ loader: generated('documents'), schema: documentSummarySchema }),
  overview: defineCollection({ loader: generated('overview'), schema: kindsOverviewSchema }),
  figurePages: defineCollection({ loader: generated('figure-pages'), schema: figuresPageSchema }),
  timelinePages: defineCollection({ loader: generated('timeline-pages'), schema: timelinePageSchema }),
  entityFacts: defineCollection({ loader: generated('entity-facts'), schema: entityFactsSchema }),
  ...Object.fromEntries(
    entityKinds.map((kind) => [kind, defineCollection({ loader: generated(`entities/${kind}`), schema: generatedEntitySchema(kind) })]),
  ),
};
