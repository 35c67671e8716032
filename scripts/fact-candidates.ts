/**
 * `npm run figures:candidates` / `npm run events:candidates`: numbers with units (or explicit
 * dates) in the sources that no entry of content/figures.yaml (content/events.yaml) cites and no
 * entry of content/figure-ignore.yaml (content/date-ignore.yaml) accounts for; and stale ignore
 * entries. The same check as tests/unit/fact-coverage.test.ts.
 */
import { compileSite } from '../src/lib/compiler/pipeline.ts';
import { checkCoverage, findDates, findQuantities } from '../src/lib/authoring/candidates/fact-coverage.ts';
import { loadFiguresAndEvents } from '../src/lib/compiler/source/load-figures-and-events.ts';
import { createUrls } from '../src/lib/urls.ts';

const which = process.argv[2] === 'events' ? 'events' : 'figures';
const contentDir = process.env.CONTENT_DIR ?? 'content';
const build = compileSite(contentDir, createUrls('/'));
const facts = loadFiguresAndEvents(contentDir);
const resolved = which === 'figures' ? build.figures : build.events;
const ignore = which === 'figures' ? facts.figureIgnore : facts.dateIgnore;
// An event may take its date from the dateline (its quote has none); a figure must quote its number.
const { uncovered, unused: allUnused } = checkCoverage(build.documents, which === 'figures' ? findQuantities : findDates, [
  ...resolved.map((f) => ({ doc: f.source.document, quote: f.source.quote, anchor: f.source.anchor })),
  ...ignore.entries,
]);
const unused = which === 'figures' ? allUnused : allUnused.filter((c) => (ignore.entries as object[]).includes(c));
const [list, ignoreFile] =
  which === 'figures' ? ['content/figures.yaml', 'content/figure-ignore.yaml'] : ['content/events.yaml', 'content/date-ignore.yaml'];
console.log(`${uncovered.length} ${which === 'figures' ? 'numbers with units' : 'dates'} in the sources without an entry:\n`);
for (const u of uncovered) console.log(`  ${u.text.padEnd(12)} ${u.document}#${u.anchor}  …${u.context}…`);
if (unused.length) {
  console.log(
    `\n${unused.length} entries of ${list} or ${ignoreFile} whose quote contains none of these (quote the words with the number or date, or remove the entry):`,
  );
  for (const c of unused) console.log(`  ${c.doc}: "${c.quote}"`);
}
console.log(`\nAdd an entry to ${list} (citing the paragraph), or one with a reason to ${ignoreFile}.`);
process.exitCode = uncovered.length || unused.length ? 1 : 0;
