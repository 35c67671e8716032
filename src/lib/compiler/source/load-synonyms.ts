import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, type Problem } from '../../errors.ts';
import { readValidatedYaml } from './read-yaml.ts';

const synonymsSchema = z.array(
  z.strictObject({
    abbreviation: z.string().trim().min(1),
    means: z.array(z.string().trim().min(2)).min(1),
    why: z.string().min(4),
  }),
);

export type Synonyms = z.infer<typeof synonymsSchema>;

/** `content/search-synonyms.yaml`: reviewed abbreviations applied to search queries (CBD → 中央商务区). */
export function loadSynonyms(contentDir: string): Synonyms {
  const file = join(contentDir, 'search-synonyms.yaml');
  if (!existsSync(file)) return [];
  const problems: Problem[] = [];
  const list = readValidatedYaml(file, synonymsSchema, problems);
  if (!list || problems.length) throw new ContentError(problems);
  return list.data;
}
