/**
 * `npm run bench:compile [sizes…] [--entities 200,1000,5000]`: compiles synthetic corpora of growing
 * size (the five sources, copied under new slugs, with all entity pages) and prints the cost per
 * document; then compiles the five sources against growing numbers of entities (the real pages plus
 * synthetic names, some ending in Latin letters or digits) and prints the cost per document again.
 * Per-document work must stay flat as the corpus and the entities grow; the site-wide reduce must
 * stay a small share.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileDocument, compileSite, sourceToMdast } from '../src/lib/compiler/pipeline.ts';
import { remarkAssignIds } from '../src/lib/compiler/remark/assign-ids.ts';
import { buildEntityMatcher, remarkLinkEntities, type MatchableEntity } from '../src/lib/compiler/remark/link-entities.ts';
import { loadEntities } from '../src/lib/compiler/source/load-entities.ts';
import { loadSources } from '../src/lib/compiler/source/load-sources.ts';
import { buildSiteIndex } from '../src/lib/compiler/site-wide/build-site-index.ts';
import { createUrls } from '../src/lib/urls.ts';

const args = process.argv.slice(2);
const entitiesFlag = args.indexOf('--entities');
const entitySizes = entitiesFlag >= 0 ? args[entitiesFlag + 1].split(',').map(Number).filter(Boolean) : [200, 1000, 5000];
const sizes = args
  .filter((_, i) => entitiesFlag < 0 || (i !== entitiesFlag && i !== entitiesFlag + 1))
  .map(Number)
  .filter(Boolean);
const corpusSizes = sizes.length ? sizes : [5, 50, 250, 1000];
const sources = readdirSync('content/sources')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));

function makeCorpus(documents: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  for (const kind of ['policies', 'projects', 'governance']) cpSync(join('content', kind), join(dir, kind), { recursive: true });
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, 'corrections'));
  for (let i = 0; i < documents; i++) {
    const slug = sources[i % sources.length];
    const copy = i < sources.length ? slug : `${slug}-copy-${i}`;
    // Each copy gets a last line of its own: the compiler refuses the same text under two slugs.
    const text =
      i < sources.length
        ? readFileSync(join('content/sources', `${slug}.txt`))
        : Buffer.concat([readFileSync(join('content/sources', `${slug}.txt`)), Buffer.from(`\n副本${i}\n`)]);
    writeFileSync(join(dir, 'sources', `${copy}.txt`), text);
    const meta = readFileSync(join('content/sources', `${slug}.meta.yaml`), 'utf8');
    writeFileSync(
      join(dir, 'sources', `${copy}.meta.yaml`),
      meta.replace(/^sha256: .*$/m, `sha256: ${createHash('sha256').update(text).digest('hex')}`),
    );
    try {
      cpSync(join('content/corrections', `${slug}.yaml`), join(dir, 'corrections', `${copy}.yaml`));
    } catch {
      /* sources without corrections */
    }
  }
  return dir;
}

console.log('documents  total ms  ms/document  site-wide reduce ms');
for (const n of corpusSizes) {
  const dir = makeCorpus(n);
  const t0 = performance.now();
  const build = compileSite(dir, createUrls('/'));
  const total = performance.now() - t0;
  const t1 = performance.now();
  buildSiteIndex(build.documents, build.entityPages, build.entities);
  const reduce = performance.now() - t1;
  console.log(
    `${String(n).padStart(9)}  ${total.toFixed(0).padStart(8)}  ${(total / n).toFixed(2).padStart(11)}  ${reduce.toFixed(1).padStart(19)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Names shaped like the real ones: Chinese words of 4–12 characters, a quarter ending in a Latin
 * letter or a digit (the case the old regular expression paid for with lookarounds), spread over
 * the configured regions, some sharing a real name's first characters.
 */
function syntheticEntities(count: number, real: MatchableEntity[]): MatchableEntity[] {
  const heads = ['智慧', '党建', '社区', '楼宇', '产业', '数字', '长征', '新虹', '一网', '网格', '邻里', '科创'];
  const tails = ['服务站', '联盟', '计划', '中心', '平台', '共同体', '工作法', '示范区'];
  const regionsUsed = ['普陀区长征镇', '闵行区新虹街道', '普陀区', '上海市'];
  return Array.from({ length: count }, (_, i) => {
    const base = i % 5 === 0 ? real[i % real.length].name.slice(0, 2) : heads[i % heads.length];
    const latin = i % 4 === 0 ? (i % 8 === 0 ? `${(i % 9) + 1}.0` : `G${i % 60}`) : '';
    return {
      id: `policies/synthetic-${i}`,
      name: `${base}${heads[(i * 7) % heads.length]}${i}号${tails[i % tails.length]}${latin}`,
      aliases: [],
      region: regionsUsed[i % regionsUsed.length],
    };
  });
}

const sourcesLoaded = loadSources('content');
const realEntities = loadEntities('content').entities.map((e) => ({ ...e, region: e.frontmatter.region }));
const ROUNDS = 20;
const trees = sourcesLoaded.inputs.map((input) => {
  const { tree } = sourceToMdast(input);
  remarkAssignIds()(tree);
  return { tree, region: input.meta.region };
});
console.log(
  `\nentities  matcher build ms  ms/document  linking ms/document  (the ${sourcesLoaded.inputs.length} sources, ${ROUNDS} rounds)`,
);
for (const extra of [0, ...entitySizes]) {
  const entities = [...realEntities, ...syntheticEntities(extra, realEntities)];
  const t0 = performance.now();
  const matcher = buildEntityMatcher(entities);
  const build = performance.now() - t0;
  const compileAll = () => sourcesLoaded.inputs.forEach((input) => compileDocument(input, { matcher, entityHref: (id) => `/${id}/` }));
  compileAll(); // warm-up: the first compile pays for JIT and lazy module state
  const t1 = performance.now();
  for (let r = 0; r < ROUNDS; r++) compileAll();
  const perDocument = (performance.now() - t1) / (ROUNDS * sourcesLoaded.inputs.length);
  // The linking stage alone, on copies of the documents' trees made outside the timing.
  let linking = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const { tree, region } of trees) {
      const copy = structuredClone(tree);
      const t2 = performance.now();
      remarkLinkEntities({ matcher, href: (id) => `/${id}/`, region })(copy);
      linking += performance.now() - t2;
    }
  }
  const linkingPerDocument = linking / (ROUNDS * trees.length);
  console.log(
    `${String(entities.length).padStart(8)}  ${build.toFixed(1).padStart(16)}  ${perDocument.toFixed(2).padStart(11)}  ${linkingPerDocument.toFixed(2).padStart(19)}`,
  );
}
