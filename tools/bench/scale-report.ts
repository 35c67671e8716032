/**
 * The scale benchmark's figures and their Markdown tables (bench/results/scale-<date>-<sizes>.md).
 * Pure: the measuring is in scripts/bench-scale.ts.
 */

export const BUILD_STEPS = [
  'startup',
  'compile',
  'share-images-draw',
  'astro-build',
  'pages',
  'search-index',
  'sitemap',
  'share-images',
  'service-worker',
] as const;

export interface StepFigures {
  ms: number;
  /** Peak RSS of the whole build process tree while the step ran, MB. */
  peakMb: number;
}

export interface SearchFigures {
  query: string;
  /** Bytes as a static host sends them (text gzip-compressed), requests, ms from typing to the first result containing the query. */
  cold: { bytes: number; requests: number; ms?: number; matches?: number };
  warm: { bytes: number; requests: number; ms?: number; matches?: number };
}

export interface PageTypeFigures {
  type: string;
  count: number;
  medianBytes: number;
  maxBytes: number;
  maxPath: string;
}

export interface SizeFigures {
  documents: number;
  entities: number;
  pages: number;
  /** `error`: the build failed (its message); the figures are those measured up to the failure. */
  build: { ms: number; peakMb: number; steps: Record<string, StepFigures>; error?: string };
  distBytes: number;
  distFiles: number;
  pageTypes: PageTypeFigures[];
  search: SearchFigures[];
  precache: { files: number; bytes: number; gzipBytes: number };
  offline: { bytes: number; zipBytes: number; ms: number };
  starlight?: { ms: number; peakMb: number; pages: number; error?: string };
  /** With --rebuild: the second build after one source (`changed`, relative to content/) changed. */
  rebuild?: { ms: number; peakMb: number; changed: string; error?: string };
}

/** The known steps in build order, then any other step a build reported (e.g. a new search-index step). */
function buildSteps(sizes: SizeFigures[]): string[] {
  const reported = sizes.flatMap((s) => Object.keys(s.build.steps));
  const known: string[] = [...BUILD_STEPS];
  return [...known.filter((k) => reported.includes(k)), ...new Set(reported.filter((r) => !known.includes(r)))];
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (mb: number) => (mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb.toFixed(0)} MB`);

export interface ReportContext {
  date: string;
  commit: string;
  machine: string;
  seed: number;
  command: string;
}

/** One size's figures with how and where they were measured. */
export interface ScaleRun {
  figures: SizeFigures;
  context: ReportContext;
}

/** The Markdown tables, one column per corpus size. */
export function renderScaleReport(runs: ScaleRun[]): string {
  const sizes = runs.map((r) => r.figures);
  const header = (first: string) => [
    `| ${first} | ${sizes.map((s) => `${s.documents.toLocaleString('en')} documents`).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} |`,
  ];
  const row = (label: string, cell: (s: SizeFigures) => string) => `| ${label} | ${sizes.map(cell).join(' | ')} |`;

  const build = [
    ...header('build'),
    row('documents + entity pages (pages built)', (s) => `${s.documents} + ${s.entities} (${s.pages})`),
    ...(sizes.some((s) => s.build.error)
      ? [row('build result', (s) => (s.build.error ? `**failed** after the steps below: ${s.build.error.replace(/\|/g, '\\|')}` : 'ok'))]
      : []),
    row('**wall time, `npm run build`**', (s) => `**${sec(s.build.ms)}**`),
    row('**peak RSS, whole build (process tree)**', (s) => `**${gb(s.build.peakMb)}**`),
    ...buildSteps(sizes).map((step) =>
      row(`&nbsp;&nbsp;${step}: time / peak RSS`, (s) =>
        s.build.steps[step] ? `${sec(s.build.steps[step]!.ms)} / ${gb(s.build.steps[step]!.peakMb)}` : '—',
      ),
    ),
    row('Starlight 0.42, same documents: time / peak RSS', (s) =>
      s.starlight ? (s.starlight.error ? `failed: ${s.starlight.error}` : `${sec(s.starlight.ms)} / ${gb(s.starlight.peakMb)}`) : 'not run',
    ),
    row('**build time ÷ Starlight’s** (budget ≤ 0.5)', (s) =>
      s.starlight && !s.starlight.error ? `**${(s.build.ms / s.starlight.ms).toFixed(2)}×**` : '—',
    ),
    row('rebuild after changing one source: time / peak RSS', (s) =>
      s.rebuild ? (s.rebuild.error ? `failed: ${s.rebuild.error}` : `${sec(s.rebuild.ms)} / ${gb(s.rebuild.peakMb)}`) : 'not run',
    ),
    row('dist (files)', (s) => `${kb(s.distBytes)} (${s.distFiles.toLocaleString('en')})`),
  ];

  const types = [...new Set(sizes.flatMap((s) => s.pageTypes.map((t) => t.type)))];
  const html = [
    ...header('HTML per page type: count, median / max'),
    ...types.map((type) =>
      row(type, (s) => {
        const t = s.pageTypes.find((p) => p.type === type);
        return t ? `${t.count}: ${kb(t.medianBytes)} / ${kb(t.maxBytes)}` : '—';
      }),
    ),
  ];

  const queries = [...new Set(sizes.flatMap((s) => s.search.map((q) => q.query)))];
  const cost = (c: SearchFigures['cold']) =>
    `${kb(c.bytes)}, ${c.requests} req, ${c.ms === undefined ? 'no result' : `${c.ms.toFixed(0)} ms`}`;
  const reader = [
    ...header('what a reader pays'),
    ...queries.flatMap((q) => [
      row(`search “${q}”, cold (page + index): bytes, requests, time to first exact result`, (s) => {
        const f = s.search.find((x) => x.query === q);
        return f ? `${cost(f.cold)}${f.cold.matches !== undefined ? ` (${f.cold.matches} found)` : ''}` : '—';
      }),
      row(`search “${q}”, warm (next query on the same page)`, (s) => {
        const f = s.search.find((x) => x.query === q);
        return f ? cost(f.warm) : '—';
      }),
    ]),
    row(
      'first visit: service worker precache (gzip)',
      (s) => `${kb(s.precache.gzipBytes)}, ${s.precache.files} files (${kb(s.precache.bytes)} uncompressed)`,
    ),
    row('offline copy: folder / zip', (s) => `${kb(s.offline.bytes)} / ${kb(s.offline.zipBytes)}`),
  ];

  const measured = runs.map(
    ({ figures, context }) =>
      `- ${figures.documents.toLocaleString('en')} documents: measured ${context.date} at commit ${context.commit} by \`${context.command}\` (seed ${context.seed}) on ${context.machine}.`,
  );
  return [
    ...measured,
    '',
    ...build,
    '',
    ...html,
    '',
    ...reader,
    '',
    'Documents are generated from the five sources (tools/bench/generate-corpus.ts; `--short`: documents of about 5 KB) and added to them with about one entity page per five documents (one per twenty with `--short`); times are wall-clock, so they move with the load of the shared machine. Peak RSS is sampled every 200 ms over the whole process tree (npm, Node and any child process). Search is measured in headless Chromium with the service worker blocked, bytes as a static host sends them (text gzip-compressed).',
    '',
  ].join('\n');
}
