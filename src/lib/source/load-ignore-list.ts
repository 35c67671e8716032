import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, zodProblems, type Problem } from '../errors.ts';
import { readYamlFile } from './read-yaml.ts';

const ignoreListSchema = z.array(z.strictObject({ term: z.string().min(2), why: z.string().min(4) }));

/** `content/entity-ignore.yaml`: names that deliberately have no entity page, each with a reason. */
export function loadIgnoreList(contentDir: string): string[] {
  const file = join(contentDir, 'entity-ignore.yaml');
  if (!existsSync(file)) return [];
  const problems: Problem[] = [];
  const yaml = readYamlFile(file, problems);
  const parsed = yaml ? ignoreListSchema.safeParse(yaml.data ?? []) : undefined;
  if (yaml && parsed && !parsed.success) problems.push(...zodProblems(file, parsed.error, yaml.data, yaml.lineOf));
  if (problems.length || !parsed?.success) throw new ContentError(problems);
  return parsed.data.map((e) => e.term);
}
