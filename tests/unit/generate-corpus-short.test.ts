import { describe, expect, it } from 'vitest';
import { SHORT_DOCUMENT_BYTES, generateCorpus, readEntityNames, readSeedSources } from '../../tools/bench/generate-corpus.ts';

const sources = readSeedSources('content');
const reservedNames = readEntityNames('content');

/** Per generated document: its text's UTF-8 size and how many generated entity names occur in it. */
function perDocument(shape: 'standard' | 'short') {
  const corpus = generateCorpus(sources, { documents: 200, seed: 3, shape, reservedNames });
  const textOf = (slug: string) => corpus.files.find((f) => f.path === `sources/${slug}.txt`)!.content;
  const names = corpus.files
    .filter((f) => !f.path.startsWith('sources/'))
    .map((f) => JSON.parse(/^name: (.*)$/m.exec(f.content)![1]) as string);
  return {
    corpus,
    bytes: corpus.documents.map((slug) => Buffer.byteLength(textOf(slug))),
    mentions: corpus.documents.map((slug) => names.filter((n) => textOf(slug).includes(n)).length),
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('the corpus generator’s short shape', () => {
  const short = perDocument('short');
  const standard = perDocument('standard');

  it('writes documents of about 5 KB, none over the budget', () => {
    expect(short.corpus.documents).toHaveLength(200);
    expect(Math.max(...short.bytes)).toBeLessThanOrEqual(SHORT_DOCUMENT_BYTES);
    expect(Math.min(...short.bytes)).toBeGreaterThan(SHORT_DOCUMENT_BYTES * 0.5);
    expect(mean(short.bytes)).toBeGreaterThan(SHORT_DOCUMENT_BYTES * 0.8);
    // The standard shape is not bounded: some of its documents are over twice the size.
    expect(Math.max(...standard.bytes)).toBeGreaterThan(SHORT_DOCUMENT_BYTES * 2);
  });

  it('has few entities per document: one entity page per twenty documents, about one name mentioned per document', () => {
    expect(short.corpus.entities).toHaveLength(10);
    expect(standard.corpus.entities).toHaveLength(40);
    expect(mean(short.mentions)).toBeLessThan(1.5);
    expect(Math.max(...short.mentions)).toBeLessThanOrEqual(6);
    expect(mean(short.mentions)).toBeLessThan(mean(standard.mentions) / 3);
    const citationsPerDocument = short.corpus.documents.map(
      (slug) => [...short.corpus.citations.values()].filter((cited) => cited.includes(slug)).length,
    );
    expect(Math.max(...citationsPerDocument)).toBeLessThanOrEqual(3);
  });

  it('is still deterministic', () => {
    expect(generateCorpus(sources, { documents: 200, seed: 3, shape: 'short', reservedNames }).files).toEqual(short.corpus.files);
  });
});
