import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, type Problem } from '../../errors.ts';
import { readValidatedYaml } from './read-yaml.ts';

const ignoreListSchema = z.array(z.strictObject({ term: z.string().min(2), why: z.string().min(4) }));

/** `content/entity-ignore.yaml`: names that deliberately have no entity page, each with a reason. */
export function loadIgnoreList(contentDir: string): string[] {
  const file = join(contentDir, 'entity-ignore.yaml');
  if (!existsSync(file)) return [];
  const problems: Problem[] = [];
  const list = readValidatedYaml(file, ignoreListSchema, problems);
  if (!list || problems.length) throw new ContentError(problems);
  return list.data.map((e) => e.term);
}
