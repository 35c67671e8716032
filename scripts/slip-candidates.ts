/**
 * `npm run slips:candidates`: likely extraction slips in the sources (src/lib/compiler/collation/
 * extraction-slips.ts) that no entry of content/gaps.yaml marks yet, for an editor to review. A
 * real slip gets an entry (kind 提取错漏, quote, at, note) and is then marked on the page and listed
 * in the 校勘说明; what is not a slip needs nothing. Exits 1 while any candidate is unreviewed.
 */
import { findExtractionSlips, unreviewedSlips } from '../src/lib/compiler/collation/extraction-slips.ts';
import { compileSite } from '../src/lib/compiler/pipeline.ts';
import { createUrls } from '../src/lib/urls.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const build = compileSite(contentDir, createUrls('/'));
const open = build.documents.flatMap((d) => {
  const text = new Map(d.paragraphs.map((p) => [p.id, p.text]));
  const reviewed = (d.collation ?? []).flatMap((n) => (n.anchor && n.at ? [{ anchor: n.anchor, at: n.at }] : []));
  return unreviewedSlips(findExtractionSlips(d.slug, d.paragraphs), (id) => text.get(id) ?? '', reviewed);
});
console.log(`${open.length} likely extraction slip(s) not in content/gaps.yaml:\n`);
for (const c of open) console.log(`  ${c.document}#${c.anchor}  [${c.rule}]  at: "${c.at}"\n      …${c.context}…`);
if (open.length)
  console.log(
    '\nFor a real slip add to content/gaps.yaml: {doc, kind: 提取错漏, quote: <words of the paragraph>, at: <the at above>, note: <what is wrong, for readers>}.',
  );
process.exitCode = open.length ? 1 : 0;
