import type { Problem } from '../../errors.ts';
import type { EntitySource } from '../source/load-entities.ts';

/** A relation must point at an existing page other than its own, once per type and target. */
export function relationProblems(entities: EntitySource[]): Problem[] {
  const ids = new Set(entities.map((e) => e.id));
  const problems: Problem[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    e.frontmatter.relations.forEach((r, i) => {
      const at = { file: e.file, line: e.lineOf?.(['relations', i, 'target']), field: `relations[${i}].target` };
      if (!ids.has(r.target)) {
        const bySlug = entities.find((x) => x.slug === r.target || x.name === r.target);
        problems.push({
          ...at,
          message: `"${r.target}" is not an entity page`,
          hint: bySlug
            ? `Write the page's id: ${bySlug.id}.`
            : 'Write the id of an entity page, <kind>/<slug>, e.g. projects/boke-chengshi-zongbu.',
        });
      } else if (r.target === e.id) {
        problems.push({ ...at, message: 'relates the page to itself', hint: 'Remove this relation.' });
      } else if (seen.has(`${r.type} ${r.target}`)) {
        problems.push({ ...at, message: `repeats the relation ${r.type} ${r.target}`, hint: 'Remove the repeated relation.' });
      }
      seen.add(`${r.type} ${r.target}`);
    });
  }
  return problems;
}
