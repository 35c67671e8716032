import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../errors.ts';
import { gapsSchema, type Gap } from '../../schema/gaps.ts';
import { readValidatedYaml } from './read-yaml.ts';

export interface LoadedGap extends Gap {
  file: string;
  line?: number;
}

/** Reads `content/gaps.yaml` (optional); problems name the file and line. */
export function loadGaps(contentDir: string): { gaps: LoadedGap[]; problems: Problem[] } {
  const file = join(contentDir, 'gaps.yaml');
  const problems: Problem[] = [];
  if (!existsSync(file)) return { gaps: [], problems };
  const list = readValidatedYaml(file, gapsSchema, problems);
  if (!list) return { gaps: [], problems };
  return { gaps: list.data.map((g, i) => ({ ...g, file, line: list.lineOf([i, 'quote']) })), problems };
}
