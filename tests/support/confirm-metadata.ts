import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { AddedDocument } from '../../src/lib/authoring/ingest/add-document.ts';
import { sourceMetaSchema } from '../../src/lib/schema/source-meta.ts';

/** What the schema accepts today, else a stand-in it accepts (kinds and regions are the site's data). */
const accepted = (field: 'kind' | 'region', value: string | null | undefined, fallback: string) =>
  value && sourceMetaSchema.shape[field].safeParse(value).success ? value : fallback;

/**
 * The editor's part after add-document: every field set to the document's true value (a real
 * document's `.expected.yaml`), a summary written, and the `# 待确认` comments deleted, except on
 * the fields in `keepMarked`. Writes the .meta.yaml through the YAML document, comments and all.
 */
export function confirmMetadata(doc: AddedDocument, expectedYamlFile: string, keepMarked: string[] = []): void {
  const expected = parseDocument(readFileSync(expectedYamlFile, 'utf8')).toJS() as Record<string, string | null>;
  const meta = parseDocument(readFileSync(doc.metaFile, 'utf8'));
  const values: Record<string, string | null | undefined> = {
    title: expected.title,
    kind: accepted('kind', expected.kind, '通知'),
    // Not stated in the document: the editor writes what the library records for such a gap.
    issuer: expected.issuer ?? '原文未载发文机关',
    documentNumber: expected.documentNumber,
    // An undated document: the editor records the year the document itself names (文号, title, text).
    date:
      expected.date ??
      (meta.get('date')?.toString() || yearNamedIn([expected.documentNumber, expected.title, readFileSync(doc.sourceFile, 'utf8')])),
    region: accepted('region', expected.region, '全国'),
    summary: `${expected.title}的全文，由测试按原文元数据核对后写入摘要。`,
  };
  for (const [key, value] of Object.entries(values)) if (value) meta.set(key, value);
  if (!isMap(meta.contents)) throw new Error(`${doc.metaFile} is not a mapping`);
  for (const pair of meta.contents.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!keepMarked.includes(key) && isScalar(pair.value)) pair.value.comment = undefined;
  }
  writeFileSync(doc.metaFile, meta.toString());
}

/** The first year (1990–2099) named in these texts, in order. */
function yearNamedIn(texts: Array<string | null | undefined>): string {
  for (const t of texts) {
    const m = t ? /(?:19[9]\d|20\d{2})(?=\s*年|〕|\])/.exec(t) : null;
    if (m) return m[0];
  }
  throw new Error('no year named in the document: the editor must look it up');
}
