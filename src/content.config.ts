import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { GENERATED_DIR } from './lib/emit/write-generated.ts';
import { entityFrontmatterSchema } from './lib/schema/entity.ts';

// Documents and backlinks are compiled by scripts/compile.ts; their shape is checked there.
const generated = (dir: string) => glob({ pattern: '**/*.json', base: `${GENERATED_DIR}/${dir}` });

export const collections = {
  documents: defineCollection({ loader: generated('documents'), schema: z.looseObject({ slug: z.string() }) }),
  backlinks: defineCollection({ loader: generated('backlinks'), schema: z.looseObject({ id: z.string() }) }),
  policies: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/policies' }), schema: entityFrontmatterSchema('policies') }),
  projects: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/projects' }), schema: entityFrontmatterSchema('projects') }),
  governance: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/governance' }), schema: entityFrontmatterSchema('governance') }),
};
