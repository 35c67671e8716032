import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ENTITY_FILE_EXTENSION, generateCorpus, readEntityNames, readSeedSources, writeCorpus } from '../../tools/bench/generate-corpus.ts';
import { compileSite } from '../../src/lib/compiler/pipeline.ts';
import { sourceMetaSchema } from '../../src/lib/schema/source-meta.ts';
import { site } from '../../src/config/site.config.ts';
import { createUrls } from '../../src/lib/urls.ts';

const sources = readSeedSources('content');
const regionNames = new Set(site.regions.flatMap((r) => [r.name, ...(r.aliases ?? [])]));

describe('the scale benchmark corpus generator', () => {
  const corpus = generateCorpus(sources, { documents: 40, seed: 3 });
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is deterministic: the same sources, size and seed give the same files; another seed gives others', () => {
    expect(generateCorpus(sources, { documents: 40, seed: 3 }).files).toEqual(corpus.files);
    expect(generateCorpus(sources, { documents: 40, seed: 4 }).files).not.toEqual(corpus.files);
  });

  it('writes N documents with valid metadata, their sha256 and varied kinds, years, issuers and regions', () => {
    expect(corpus.documents).toHaveLength(40);
    const metas = corpus.documents.map((slug) => {
      const text = corpus.files.find((f) => f.path === `sources/${slug}.txt`)!.content;
      const meta = sourceMetaSchema.parse(parseYaml(corpus.files.find((f) => f.path === `sources/${slug}.meta.yaml`)!.content));
      expect(meta.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(regionNames.has(meta.region)).toBe(true);
      return meta;
    });
    expect(new Set(metas.map((m) => m.kind)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(metas.map((m) => m.date.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
    expect(new Set(metas.map((m) => m.issuer)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(metas.map((m) => m.region)).size).toBeGreaterThanOrEqual(3);
    // Texts are recombined from the sources' paragraphs, not invented.
    const sourceLines = new Set(sources.flatMap((s) => s.text.split('\n').map((l) => l.trim())));
    const text = corpus.files.find((f) => f.path === `sources/${corpus.documents[0]}.txt`)!.content;
    expect(text.split('\n').filter((l) => l.length >= 40 && sourceLines.has(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('writes about one entity page per five documents, each citing generated documents', () => {
    expect(corpus.entities.length).toBe(8);
    for (const id of corpus.entities) {
      const file = corpus.files.find((f) => f.path === `${id}${ENTITY_FILE_EXTENSION}`)!;
      expect(file.content).toMatch(/\]\(cite:generated-\d+ "[^"]{8,}"\)/);
      expect(corpus.citations.get(id)!.every((slug) => corpus.documents.includes(slug))).toBe(true);
    }
  });

  it('builds: the real compiler accepts every document and resolves every citation, alone or beside the real content', () => {
    for (const replace of [true, false]) {
      const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
      dirs.push(dir);
      cpSync('content', dir, { recursive: true });
      const written = replace ? corpus : generateCorpus(sources, { documents: 40, seed: 3, reservedNames: readEntityNames('content') });
      writeCorpus(dir, written, { replace });
      const build = compileSite(dir, createUrls('/'));
      expect(build.documents.length).toBe(replace ? 40 : 40 + sources.length);
      const generated = build.entityPages.filter((p) => p.id.includes('generated-entity-'));
      expect(generated).toHaveLength(written.entities.length);
      for (const page of generated)
        expect(page.citations.map((c) => c.document).sort()).toEqual([...written.citations.get(page.id)!].sort());
      // Entity names are terms of the sources, so the generated documents link to them.
      const linked = new Set(build.documents.flatMap((d) => d.mentions.map((m) => m.entityId)));
      expect(written.entities.filter((id) => linked.has(id)).length).toBeGreaterThanOrEqual(written.entities.length / 2);
      expect(readFileSync(join(dir, 'sources', `${written.documents[0]}.txt`), 'utf8')).toBe(written.files[0].content);
    }
  }, 120_000);
});
