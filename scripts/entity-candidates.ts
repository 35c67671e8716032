/**
 * `npm run entities:candidates`: terms the sources put in quotation marks or 《》 that have no
 * entity page and are not on content/entity-ignore.yaml. Recurring ones first.
 */
import { compileSite } from '../src/lib/compiler/pipeline.ts';
import { findEntityCandidates } from '../src/lib/authoring/candidates/entity-candidates.ts';
import { loadIgnoreList } from '../src/lib/compiler/source/load-ignore-list.ts';
import { createUrls } from '../src/lib/urls.ts';

const build = compileSite('content', createUrls('/'));
const texts = build.documents.flatMap((d) => d.paragraphs.map((p) => ({ document: d.slug, text: p.text })));
const names = build.entities.flatMap((e) => [e.name, ...e.aliases]);
const candidates = findEntityCandidates(texts, names, loadIgnoreList('content'));
const recurring = candidates.filter((c) => c.count > 1);
console.log(`${candidates.length} candidate terms without an entity (${recurring.length} recurring):\n`);
for (const c of candidates) {
  console.log(`${String(c.count).padStart(3)}×  ${c.term}  [${c.pattern}]  ${c.documents.join(', ')}`);
}
console.log('\nAdd an entity page, an alias, or an entry with a reason in content/entity-ignore.yaml.');
