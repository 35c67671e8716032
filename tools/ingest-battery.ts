/**
 * Runs the importer's reading and metadata detection on every document in a folder, without
 * writing anything: `npx node tools/ingest-battery.ts <folder>`. For each file it prints the
 * detected title, issuer, date, 发文字号, kind and region; where `<file>.expected.yaml` sits beside
 * it (the six keys of the real-documents corpus, null for "not stated"), it marks each field right
 * or wrong and ends with the count per format. A file the importer refuses is listed with its
 * reason. Used to try the importer on a batch of documents nobody has checked yet.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { canonicalKind } from '../src/config/document-kinds.ts';
import { detectMetadata, type DetectedMetadata } from '../src/lib/authoring/ingest/detect-metadata.ts';
import { extractSourceText, isAccepted } from '../src/lib/authoring/ingest/extract.ts';
import { IngestError } from '../src/lib/authoring/ingest/ingest-error.ts';
import { siteDetectionContext } from '../src/lib/authoring/ingest/metadata/context.ts';
import { findDivisions } from '../src/lib/geo/divisions.ts';

const FIELDS = ['title', 'issuer', 'date', 'documentNumber', 'kind', 'region'] as const;
type Field = (typeof FIELDS)[number];

/** Whether a detected value is the expected one: kinds by their configured name, regions by division. */
export function fieldRight(field: Field, detected: string | undefined, expected: string | null): boolean {
  if (expected === null) return detected === undefined;
  if (detected === undefined) return false;
  if (field === 'kind') return canonicalKind(detected) === canonicalKind(expected);
  if (field === 'region') {
    const a = findDivisions(detected).map((d) => d.code);
    const b = findDivisions(expected).map((d) => d.code);
    return a.length === 1 && b.length === 1 && a[0] === b[0];
  }
  return detected === expected;
}

function documentsUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return documentsUnder(path);
      return isAccepted(extname(name).toLowerCase()) ? [path] : [];
    });
}

async function main(folder: string | undefined): Promise<void> {
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error('Usage: npx node tools/ingest-battery.ts <folder of documents>');
    process.exitCode = 2;
    return;
  }
  const totals = new Map<string, { right: number; checked: number }>();
  for (const path of documentsUnder(folder)) {
    const name = relative(folder, path);
    const format = extname(path).slice(1).toLowerCase();
    let detected: DetectedMetadata;
    try {
      const extracted = await extractSourceText(new Uint8Array(readFileSync(path)), path);
      detected = detectMetadata(extracted.text, extracted.hints, siteDetectionContext());
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      console.log(`${name}\n  refused: ${e.message.split('\n')[0]}`);
      continue;
    }
    const expectedFile = `${path}.expected.yaml`;
    const expected = existsSync(expectedFile)
      ? (parseYaml(readFileSync(expectedFile, 'utf8')) as Partial<Record<Field, string | null>>)
      : undefined;
    const total = totals.get(format) ?? { right: 0, checked: 0 };
    const cells = FIELDS.map((field) => {
      const value = detected[field] ?? '—';
      if (!expected || !(field in expected)) return `${field}: ${value}`;
      total.checked++;
      const expectedValue = expected[field] ?? null;
      if (fieldRight(field, detected[field], expectedValue)) {
        total.right++;
        return `${field}: ${value} ✓`;
      }
      return `${field}: ${value} ✗ (expected ${expectedValue ?? '—'})`;
    });
    totals.set(format, total);
    console.log(`${name}\n  ${cells.join('\n  ')}`);
  }
  const checked = [...totals.values()].reduce((n, t) => n + t.checked, 0);
  if (checked > 0) {
    const right = [...totals.values()].reduce((n, t) => n + t.right, 0);
    const perFormat = [...totals]
      .filter(([, t]) => t.checked > 0)
      .map(([f, t]) => `${f} ${t.right}/${t.checked}`)
      .join(', ');
    console.log(`\n${right}/${checked} fields right (${perFormat})`);
  }
}

// Run as a command, not when a test imports fieldRight.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv[2]);
