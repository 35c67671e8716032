import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../errors.ts';
import type { EntityRef } from '../../schema/entity.ts';
import { linkExclusionsSchema, type LinkExclusion } from '../../schema/link-exclusions.ts';
import { readValidatedYaml } from './read-yaml.ts';

export const LINK_EXCLUSIONS_FILE = 'link-exclusions.yaml';

/**
 * Reads and checks `content/link-exclusions.yaml` against the entities: an unknown entity id, or
 * a phrase that contains none of the entity's names (so it would change nothing), is a problem
 * naming the file, line and field.
 */
export function loadLinkExclusions(contentDir: string, entities: EntityRef[]): { exclusions: LinkExclusion[]; problems: Problem[] } {
  const file = join(contentDir, LINK_EXCLUSIONS_FILE);
  if (!existsSync(file)) return { exclusions: [], problems: [] };
  const problems: Problem[] = [];
  const yaml = readValidatedYaml(file, linkExclusionsSchema, problems);
  if (!yaml) return { exclusions: [], problems };

  const byId = new Map(entities.map((e) => [e.id, e]));
  yaml.data.forEach((entry, i) => {
    const entity = byId.get(entry.entity);
    if (!entity) {
      problems.push({
        file,
        line: yaml.lineOf([i, 'entity']),
        field: `[${i}].entity`,
        message: `names the entity "${entry.entity}", which does not exist`,
        hint: 'Use the id of an entity page: its folder and file name without .md, e.g. governance/quyuhua-dangjian.',
      });
      return;
    }
    const names = [entity.name, ...entity.aliases];
    entry.phrases.forEach((phrase, j) => {
      if (names.some((n) => phrase.includes(n))) return;
      problems.push({
        file,
        line: yaml.lineOf([i, 'phrases', j]),
        field: `[${i}].phrases[${j}]`,
        message: `"${phrase}" does not contain any name of ${entry.entity} (${names.join('、')}), so it excludes nothing`,
        hint: 'Write the longer phrase of the source that contains the name but does not mean this entity.',
      });
    });
  });
  return { exclusions: problems.length ? [] : yaml.data, problems };
}
