/**
 * A realistic corpus of any size for the scale benchmark (`npm run bench:scale`) and for tests
 * that need hundreds of documents: documents recombined from the real sources' sections and
 * paragraphs, with varied years, kinds, issuers and regions, valid metadata (sha256 included),
 * and entity pages (about one per five documents) whose names are terms of the sources and whose
 * citations quote the generated documents, so linking and backlinks are measured with thousands
 * of names. The `short` shape makes documents of about 5 KB (SHORT_DOCUMENT_BYTES) with about one
 * entity page per twenty documents, so each document is mentioned by few entities: a library of
 * many short notices rather than long plans. `generateCorpus` is pure and seeded: the same sources, size and seed give the same
 * files byte for byte. Reading the sources and writing the files are the two small helpers below it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { site } from '../../src/config/site.config.ts';
import { sourceMetaSchema, type SourceMeta } from '../../src/lib/schema/source-meta.ts';
import { loadEntities } from '../../src/lib/compiler/source/load-entities.ts';
import { normalizeForMatching } from '../../src/lib/text/normalize-for-matching.ts';

/**
 * The file extension of entity pages, written from this one constant (the loader in
 * src/lib/compiler/source/load-entities.ts reads the same extension).
 */
export const ENTITY_FILE_EXTENSION = '.md';

/** The size a `short` document aims at, UTF-8 bytes of its text: it stops before a paragraph would pass it. */
export const SHORT_DOCUMENT_BYTES = 5000;

/** One real source: the pool the generator recombines. */
export interface SeedSource {
  slug: string;
  text: string;
  meta: SourceMeta;
}

export interface CorpusOptions {
  /** Number of generated documents. */
  documents: number;
  /** Seed of the pseudo-random choices; the same seed gives the same corpus. */
  seed?: number;
  /**
   * `standard` (default): 3–7 sections of the sources per document, often 10–30 KB.
   * `short`: whole paragraphs up to about SHORT_DOCUMENT_BYTES, and fewer entity pages.
   */
  shape?: 'standard' | 'short';
  /** Entity pages per document (default 0.2 for `standard`: about one per five documents; 0.05 for `short`). */
  entitiesPerDocument?: number;
  /** Names (and aliases) already taken by the real entity pages, so generated names never collide. */
  reservedNames?: Iterable<string>;
}

/** A file of the corpus, its path relative to the content folder (`sources/x.txt`, `policies/y.md`). */
export interface CorpusFile {
  path: string;
  content: string;
}

export interface GeneratedCorpus {
  files: CorpusFile[];
  documents: string[];
  /** Entity ids, `<kind>/<slug>`. */
  entities: string[];
  /** Citations written into the entity pages: entity id → cited document slugs. */
  citations: Map<string, string[]>;
}

/** Issuers as they appear in such libraries, each with the region it belongs to and its 文号 prefix. */
const ISSUERS: ReadonlyArray<{ issuer: string; region: string; place: string; numberPrefix?: string }> = [
  { issuer: '长征镇人民政府', region: '普陀区长征镇', place: '长征镇', numberPrefix: '普长府' },
  { issuer: '中共长征镇委员会', region: '普陀区长征镇', place: '长征镇', numberPrefix: '普长委' },
  { issuer: '长征镇社区党群服务中心', region: '普陀区长征镇', place: '长征镇' },
  { issuer: '普陀区人民政府', region: '普陀区', place: '普陀区', numberPrefix: '普府' },
  { issuer: '中共普陀区委组织部', region: '普陀区', place: '普陀区', numberPrefix: '普组' },
  { issuer: '中共新虹街道工作委员会', region: '闵行区新虹街道', place: '新虹街道', numberPrefix: '新虹委' },
  { issuer: '闵行区人民政府', region: '闵行区', place: '闵行区', numberPrefix: '闵府' },
];
for (const { region } of ISSUERS) {
  if (!site.regions.some((r) => r.name === region))
    throw new Error(`generate-corpus: region "${region}" is not in src/config/site.config.ts regions`);
}

const TOPICS = [
  '经济与社会发展',
  '社区治理',
  '党建引领网格治理',
  '城市更新',
  '营商环境优化',
  '民生保障',
  '为老服务',
  '楼宇经济发展',
  '平安建设',
  '产业发展',
  '基层党建',
  '公共服务',
];
const EXTRACTIONS: SourceMeta['extraction'][] = ['pdf', 'web', 'docx', 'newspaper'];
/** The kinds the generator writes texts for, as the real sources spell them (configured kinds or aliases). */
const GENERATED_KINDS = ['规划', '年度计划', '通知', '新闻报道'] as const;
const LABEL_KIND: Record<(typeof GENERATED_KINDS)[number], string> = { 规划: '规划', 年度计划: '计划', 通知: '通知', 新闻报道: '报道' };
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** mulberry32: a tiny seeded generator; Math.random cannot be seeded and the corpus must be reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Section {
  heading: string;
  paragraphs: number[];
}

const NUMBERING =
  /^\s*(?:第[一二三四五六七八九十]+部分\s*[:：]?|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])\s*/;
const BODY_END = /[。；！？”]$/;

/** A source's sections: a heading line (numbered or short) and the complete paragraphs that follow it. */
function sectionsOf(text: string, paragraphs: string[], indexOf: Map<string, number>): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  // A line that follows an unfinished one is the tail of a paragraph broken by the extraction.
  let previousEnded = true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const isBody = previousEnded && line.length >= 40 && BODY_END.test(line) && !/[<>*_`#[\]|\\]/.test(line);
    previousEnded = BODY_END.test(line) || /[:：]$/.test(line) || line.length < 30;
    const heading = line.replace(NUMBERING, '').trim();
    const isHeading =
      !isBody &&
      heading.length >= 4 &&
      heading.length <= 24 &&
      !/[。，；：:,;]$/.test(heading) &&
      /^[\u4e00-\u9fff“"]/.test(heading) &&
      !/[<>*_`#[\]|\\]/.test(heading);
    if (isHeading) {
      current = { heading: heading.replace(/\s+/g, ''), paragraphs: [] };
      sections.push(current);
    } else if (isBody && current && current.paragraphs.length < 6) {
      let index = indexOf.get(line);
      if (index === undefined) {
        index = paragraphs.push(line) - 1;
        indexOf.set(line, index);
      }
      if (!current.paragraphs.includes(index)) current.paragraphs.push(index);
    }
  }
  return sections.filter((s) => s.paragraphs.length > 0);
}

/** Term-like names in the sources: quoted terms, 《》 titles and phrases ending like a project or measure. */
function termsOf(paragraphs: string[], reserved: Set<string>): string[] {
  const found = new Set<string>();
  const patterns = [
    /"([\u4e00-\u9fff\dA-Za-z+]{3,12})"/g,
    /“([\u4e00-\u9fff\dA-Za-z+]{3,12})”/g,
    /《([\u4e00-\u9fff\d]{4,16})》/g,
    /([\u4e00-\u9fff]{2,6}(?:中心|项目|工程|机制|平台|模式|行动|园区|体系|工作室|基地|联盟|服务站|服务圈|大楼|广场))/g,
  ];
  for (const p of paragraphs) for (const pattern of patterns) for (const m of p.matchAll(pattern)) if (!reserved.has(m[1])) found.add(m[1]);
  return [...found].sort();
}

/** The CJK-only run around `at` in `text`, at most `max` characters: a quote that survives cleaning. */
function quoteAround(text: string, at: number, length: number, max = 18): string | undefined {
  const cjk = /[\u4e00-\u9fff]/;
  let start = at;
  let end = at + length;
  if (![...text.slice(start, end)].every((c) => cjk.test(c))) return undefined;
  while (end - start < max && ((start > 0 && cjk.test(text[start - 1])) || (end < text.length && cjk.test(text[end])))) {
    if (start > 0 && cjk.test(text[start - 1])) start--;
    if (end - start < max && end < text.length && cjk.test(text[end])) end++;
  }
  const quote = text.slice(start, end);
  return quote.length >= 8 ? quote : undefined;
}

interface Doc {
  slug: string;
  meta: SourceMeta;
  label: string;
  paragraphs: number[];
}

function yamlLine(key: string, value: string): string {
  // JSON strings are valid YAML double-quoted scalars: no value can change the YAML's meaning.
  return `${key}: ${JSON.stringify(value)}`;
}

export function generateCorpus(sources: SeedSource[], options: CorpusOptions): GeneratedCorpus {
  const rand = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const reserved = new Set(options.reservedNames ?? []);

  const paragraphs: string[] = [];
  const indexOf = new Map<string, number>();
  const sections = [...sources]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .flatMap((s) => sectionsOf(s.text.replace(/\r\n?/g, '\n'), paragraphs, indexOf));
  if (sections.length < 8) throw new Error(`generate-corpus: the sources give only ${sections.length} sections; at least 8 are needed`);
  const normalized = paragraphs.map(normalizeForMatching);

  const files: CorpusFile[] = [];
  const docs: Doc[] = [];
  const seen = new Set<string>();
  const numberCounters = new Map<string, number>();
  const width = String(options.documents).length;
  for (let _i = 0; docs.length < options.documents; _i++) {
    const kind = pick(GENERATED_KINDS);
    const from = pick(ISSUERS);
    const year = 2015 + Math.floor(rand() * 11);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const topic = pick(TOPICS);
    const short = options.shape === 'short';
    const chosen: Section[] = [];
    const count = short ? 12 : 3 + Math.floor(rand() * 5);
    for (let tries = 0; chosen.length < count && tries < 50; tries++) {
      const s = pick(sections);
      if (!chosen.includes(s) && !s.paragraphs.some((p) => chosen.some((c) => c.paragraphs.includes(p)))) chosen.push(s);
    }
    let title: string;
    if (kind === '规划') title = `${from.place}${topic}专项规划（${year}—${year + 4}年）`;
    else if (kind === '年度计划') title = `${from.place}${year}年${topic}工作计划`;
    else if (kind === '通知') title = `${from.issuer}关于印发《${from.place}${year}年${topic}工作要点》的通知`;
    else title = `${from.place}：${chosen[0].heading}`;
    const numberKey = `${from.numberPrefix}${year}`;
    const documentNumber =
      kind === '通知' && from.numberPrefix ? `${from.numberPrefix}〔${year}〕${(numberCounters.get(numberKey) ?? 0) + 1}号` : undefined;

    const lines: string[] = [];
    if (documentNumber) lines.push(documentNumber, '');
    lines.push(title, '');
    if (kind === '通知')
      lines.push(
        '机关各部门、各基层单位：',
        '',
        `现将《${from.place}${year}年${topic}工作要点》印发给你们，请结合实际，认真贯彻执行。`,
        '',
        from.issuer,
        `${year} 年 ${month} 月 ${day} 日`,
        '',
      );
    // A short document takes whole paragraphs while they fit in the budget; its sections are those it reached.
    let budget = short ? SHORT_DOCUMENT_BYTES - Buffer.byteLength(lines.join('\n')) - 200 : Infinity;
    const used: Section[] = [];
    for (const s of chosen) {
      const fitting: number[] = [];
      const headingLine = `${NUMERALS[used.length]}、${s.heading}`;
      let cost = Buffer.byteLength(headingLine) + 2;
      for (const p of s.paragraphs) {
        const bytes = Buffer.byteLength(paragraphs[p]) + 2;
        if (cost + bytes > budget && (fitting.length > 0 || used.length > 0)) break;
        fitting.push(p);
        cost += bytes;
      }
      if (fitting.length === 0) break;
      lines.push(headingLine, '');
      for (const p of fitting) lines.push(paragraphs[p], '');
      used.push({ heading: s.heading, paragraphs: fitting });
      budget -= cost;
      if (fitting.length < s.paragraphs.length) break;
    }
    chosen.splice(0, chosen.length, ...used);
    if (kind !== '通知' && kind !== '新闻报道') lines.push(from.issuer, `${year} 年 ${month} 月 ${day} 日`, '');
    const text = lines.join('\n');
    const sha256 = createHash('sha256').update(text).digest('hex');
    if (seen.has(sha256)) continue; // the compiler refuses the same text under two slugs
    seen.add(sha256);
    if (documentNumber) numberCounters.set(numberKey, (numberCounters.get(numberKey) ?? 0) + 1);

    const slug = `generated-${String(docs.length + 1).padStart(width, '0')}`;
    const summary = `${title.slice(0, 60)}：${chosen.map((s) => s.heading).join('、')}等${chosen.length}方面内容。`.slice(0, 300);
    const meta: SourceMeta = {
      title,
      kind,
      issuer: from.issuer,
      ...(documentNumber ? { documentNumber } : {}),
      date,
      region: from.region,
      originalFile: `${slug}.txt`,
      extraction: kind === '新闻报道' ? 'newspaper' : pick(EXTRACTIONS.slice(0, 3)),
      summary,
      sha256,
    };
    const metaYaml =
      Object.entries(meta)
        .map(([k, v]) => yamlLine(k, String(v)))
        .join('\n') + '\n';
    files.push({ path: `sources/${slug}.txt`, content: text }, { path: `sources/${slug}.meta.yaml`, content: metaYaml });
    docs.push({
      slug,
      meta,
      label: `〔${year}年${LABEL_KIND[kind]}${documentNumber ? ` ${documentNumber}` : ''}〕`,
      paragraphs: chosen.flatMap((s) => s.paragraphs),
    });
  }

  // Which generated documents use each paragraph: an entity cites documents that contain its term.
  const docsOfParagraph = new Map<number, Doc[]>();
  for (const d of docs) for (const p of d.paragraphs) docsOfParagraph.set(p, [...(docsOfParagraph.get(p) ?? []), d]);

  const terms = termsOf(paragraphs, reserved).filter((t) => paragraphs.some((p, i) => p.includes(t) && docsOfParagraph.has(i)));
  const entityCount = Math.round(options.documents * (options.entitiesPerDocument ?? (options.shape === 'short' ? 0.05 : 0.2)));
  const used = new Set(reserved);
  const entities: string[] = [];
  const citations = new Map<string, string[]>();
  const places = ['长征镇', '普陀区', '新虹街道', '梅川路', '中环', '苏州河', '真如', '桃浦', '曹杨', '万里'];
  const suffixes = ['', '', '', '', '2.0', 'App', '3.0', 'Plus'];
  for (let n = 0; entities.length < entityCount && n < entityCount * 20 && terms.length > 0; n++) {
    const term = terms[n % terms.length];
    const round = Math.floor(n / terms.length);
    // Beyond the sources' own terms, names are qualified by place or version, as libraries of thousands of entries are.
    const name = round === 0 ? term : `${places[(round - 1) % places.length]}${term}${suffixes[(n + round) % suffixes.length]}`;
    if (used.has(name) || name.length < 2) continue;

    const occurrences: Array<{ doc: Doc; paragraph: number; quote: string }> = [];
    for (let p = 0; p < paragraphs.length && occurrences.length < 3; p++) {
      const at = paragraphs[p].indexOf(term);
      if (at < 0) continue;
      const quote = quoteAround(paragraphs[p], at, term.length);
      if (!quote) continue;
      const needle = normalizeForMatching(quote);
      for (const doc of docsOfParagraph.get(p) ?? []) {
        // A citation must name one paragraph of the document: skip quotes that occur twice in it.
        if (doc.paragraphs.filter((q) => normalized[q].includes(needle)).length !== 1) continue;
        if (occurrences.some((o) => o.doc === doc)) continue;
        occurrences.push({ doc, paragraph: p, quote });
        break;
      }
    }
    if (occurrences.length === 0) continue;
    used.add(name);

    const kind = site.kinds[Math.floor(rand() * site.kinds.length)];
    const slug = `generated-entity-${String(entities.length + 1).padStart(String(entityCount).length, '0')}`;
    const region = occurrences[0].doc.meta.region;
    const subtype = pick(kind.subtypes);
    const summary = `${name}：${region}的${subtype}，见于${occurrences.length}份文件。`;
    const front = [
      '---',
      yamlLine('name', name),
      yamlLine('kind', subtype),
      yamlLine('theme', pick(site.themes)),
      yamlLine('region', region),
      `regionCite: {doc: ${occurrences[0].doc.slug}, quote: ${JSON.stringify(occurrences[0].quote)}}`,
      yamlLine('summary', summary.length <= 80 ? summary : `${region}的${subtype}。`),
      '---',
      '',
    ];
    const body = occurrences.map(({ doc, paragraph, quote }) => {
      const sentence = paragraphs[paragraph].split(/(?<=[。；！？])/).find((s) => s.includes(quote)) ?? quote;
      return `${sentence.replace(/[。；！？]$/, '')}。[${doc.label}](cite:${doc.slug} "${quote}")`;
    });
    files.push({ path: `${kind.id}/${slug}${ENTITY_FILE_EXTENSION}`, content: [...front, ...body.flatMap((b) => [b, ''])].join('\n') });
    entities.push(`${kind.id}/${slug}`);
    citations.set(
      `${kind.id}/${slug}`,
      occurrences.map((o) => o.doc.slug),
    );
  }
  return { files, documents: docs.map((d) => d.slug), entities, citations };
}

/** Reads the real sources (`content/sources/*.txt` with their `.meta.yaml`), the generator's pool. */
export function readSeedSources(contentDir: string): SeedSource[] {
  const dir = join(contentDir, 'sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const slug = f.slice(0, -'.txt'.length);
      return {
        slug,
        text: readFileSync(join(dir, f), 'utf8'),
        meta: sourceMetaSchema.parse(parseYaml(readFileSync(join(dir, `${slug}.meta.yaml`), 'utf8'))),
      };
    });
}

/** Names and aliases of a content folder's entity pages: pass them as `reservedNames` to write a corpus beside them. */
export function readEntityNames(contentDir: string): string[] {
  return loadEntities(contentDir).entities.flatMap((e) => [e.name, ...e.aliases]);
}

/**
 * Writes a corpus into a content folder. `replace` first empties the folder, so it holds only the
 * generated corpus.
 */
export function writeCorpus(contentDir: string, corpus: GeneratedCorpus, options: { replace: boolean }): void {
  if (options.replace) {
    // Everything in the content folder (entity pages, corrections, figures, link exclusions) is
    // about the real sources, which are replaced: start from an empty folder.
    rmSync(contentDir, { recursive: true, force: true });
    mkdirSync(join(contentDir, 'sources'), { recursive: true });
  }
  for (const file of corpus.files) {
    const path = join(contentDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
