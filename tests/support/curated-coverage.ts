import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSite } from '../../src/lib/compiler/pipeline.ts';
import { bareName, uncoveredTitles } from '../../src/lib/authoring/candidates/entity-candidates.ts';
import { factCoverage } from '../../src/lib/authoring/candidates/fact-coverage.ts';
import { loadEntities } from '../../src/lib/compiler/source/load-entities.ts';
import { loadFiguresAndEvents } from '../../src/lib/compiler/source/load-figures-and-events.ts';
import { loadIgnoreList } from '../../src/lib/compiler/source/load-ignore-list.ts';
import { createUrls } from '../../src/lib/urls.ts';

/**
 * The curated fixture: the five original sources, whose every number and date has been reviewed
 * into a figure, an event or a reasoned ignore entry, and whose every 《》 title has an entity page
 * or an ignore entry. Documents added later are not held to this by the tests (adding one must
 * not break `npm test`); `npm run check:content` reports what they lack.
 */
export const CURATED_SOURCES: ReadonlySet<string> = new Set([
  'changzheng-14th-five-year-plan',
  'changzheng-2022-plan',
  'changzheng-party-building-2023',
  'putuo-grassroots-governance-2025',
  'xinhong-hub-party-building',
]);

/** Figure and date coverage of the curated sources, in any content folder that holds them. */
export function curatedFactCoverage(contentDir: string) {
  const build = compileSite(contentDir, createUrls('/'));
  const facts = loadFiguresAndEvents(contentDir);
  return {
    build,
    facts,
    ...factCoverage(build, { figures: facts.figureIgnore.entries, dates: facts.dateIgnore.entries }, CURATED_SOURCES),
  };
}

/** 《》 titles of the curated sources' texts that no entity page, alias or ignore entry covers. */
export function curatedEntityCoverage(contentDir: string) {
  const { entities, problems } = loadEntities(contentDir);
  const texts = [...CURATED_SOURCES].map((slug) => ({
    document: slug,
    text: readFileSync(join(contentDir, 'sources', `${slug}.txt`), 'utf8'),
  }));
  const uncovered = uncoveredTitles(
    texts,
    entities.flatMap((e) => [e.name, ...e.aliases]),
    loadIgnoreList(contentDir),
  );
  return { entities, problems, uncovered };
}

export { bareName };
