import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { zodProblems, type Problem } from '../errors.ts';
import { gapsSchema, type Gap } from '../schema/gaps.ts';
import { readYamlFile } from './read-yaml.ts';

export interface LoadedGap extends Gap {
  file: string;
  line?: number;
}

/** Reads `content/gaps.yaml` (optional); problems name the file and line. */
export function loadGaps(contentDir: string): { gaps: LoadedGap[]; problems: Problem[] } {
  const file = join(contentDir, 'gaps.yaml');
  const problems: Problem[] = [];
  if (!existsSync(file)) return { gaps: [], problems };
  const yaml = readYamlFile(file, problems);
  if (!yaml) return { gaps: [], problems };
  const parsed = gapsSchema.safeParse(yaml.data ?? []);
  if (!parsed.success) return { gaps: [], problems: [...problems, ...zodProblems(file, parsed.error, yaml.data, yaml.lineOf)] };
  return { gaps: parsed.data.map((g, i) => ({ ...g, file, line: yaml.lineOf([i, 'quote']) })), problems };
}
