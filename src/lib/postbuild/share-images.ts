/**
 * Post-build step: every document and entity page gets its own share picture (og:image), with the
 * site name, the page's kind and its title (src/lib/views/share-image.ts draws it as SVG, sharp and
 * librsvg rasterise it with the system's Chinese font).
 *
 * Cost is what shapes this step: rasterising one 1200×630 picture takes ~15–20 ms of CPU (most of
 * it laying out and drawing the text; 800×420 saves only a third), ~100 s for the ~6,200 pictures
 * of a 5,000-document site. So:
 * - pictures are kept across builds in a disk cache beside the compile cache, keyed by a hash of the
 *   SVG (which holds everything drawn: site name, title, label, colour, size, layout) and the
 *   rasteriser's settings and version, so a rebuild draws only new or retitled pages and copies the
 *   rest; `COMPILE_CACHE=off` turns it off with the compile cache;
 * - what must be drawn is drawn a few at a time, one per core;
 * - pictures are drawn into the cache before Astro's build, from the compiler's titles
 *   (`predrawShareImages`, for memory: see there), and this step, after the build, copies each
 *   page's picture from the cache by the title the page actually shows, drawing only what is
 *   missing; not an Astro route: an endpoint costs ~3 ms a file in Astro's pipeline even when its
 *   picture is cached (2,000 such files added 5–8 s to the Astro build), a copy here ~0.2 ms.
 *
 * Without a Chinese font every title would be drawn as boxes: the step says so once, with what to
 * install, and each page's picture is a copy of the site picture instead.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { workPaths } from '../../config/environment.ts';
import { site } from '../../config/site.config.ts';
import { pageShareSvg, pageTitleFrom, SHARE_FONT, SITE_SHARE_IMAGE, sharePictureOf, type ShareSite } from '../views/share-image.ts';
import { BuiltPageError, type BuiltPage } from './built-pages.ts';

/** The PNG encoder's settings: level 6 is as fast as 3 here (rasterising dominates) and ~10% smaller. */
const PNG_OPTIONS = { compressionLevel: 6 } as const;

/**
 * The cache key of a picture: its SVG (everything drawn) and how it is rasterised. Hashing the SVG
 * rather than the drawing module's source means an edit that changes no picture keeps the cache.
 */
export function shareImageKey(svg: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ svg, png: PNG_OPTIONS, sharp: sharp.versions.sharp, vips: sharp.versions.vips, rsvg: sharp.versions.rsvg }))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Whether the fonts librsvg finds draw Chinese. `一` in a Chinese face is one thin horizontal
 * stroke; without one, Pango draws a tall box with the code point in it (or nothing at all when
 * there is no font whatever). Measuring the ink needs no fontconfig tool on the machine and asks the
 * very renderer the pictures use. Once per build: ~5 ms, ~70 ms when it is the first text drawn.
 */
export async function hasChineseFont(): Promise<boolean> {
  const size = 100;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * size}" height="${2 * size}"><text x="${size / 2}" y="${size * 1.2}" font-family="${SHARE_FONT}" font-size="${size}">一</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, top, right, bottom] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[(y * info.width + x) * info.channels + 3] < 128) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right - left + 1 >= size * 0.6 && bottom - top + 1 <= size * 0.25;
}

export interface ShareImagesOptions {
  site: ShareSite;
  /** Folder of pictures kept across builds; undefined draws every picture. */
  cacheDir?: string;
  /** Whether Chinese text can be drawn (tests stand in for a machine without fonts). */
  fontCheck?: () => Promise<boolean>;
  /** Where the one warning goes. */
  warn?: (line: string) => void;
  /** Pictures drawn at once; one per core by default. */
  parallel?: number;
  /** Draw before the build in a child process, whose memory goes when it ends (see drawInChildProcess). */
  inChildProcess?: boolean;
}

export interface ShareImagesResult {
  /** Pages with a picture of their own (documents and entity pages). */
  pictures: number;
  /** Of those, drawn in this build. */
  drawn: number;
  /** Copied from the cache. */
  reused: number;
  /** Site-picture copies written because no Chinese font was found. */
  fallbacks: number;
  /** Cache entries no page uses any more, deleted. */
  pruned: number;
}

export interface Job {
  file: string;
  svg: string;
  key: string;
}

/**
 * Keeps a picture in the cache, whole or not at all, so a build stopped midway never leaves a
 * truncated one. A cache that cannot be written (read-only folder, full disk) only means drawing
 * again next time, as with the compile cache.
 */
export function keep(file: string, bytes: Uint8Array): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Makes the cache folder; when it cannot be made, the pictures are drawn and not kept. */
function keepFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // Read-only or not a folder: keep() fails quietly for each picture.
  }
}

/** The cache's entries; none when it is missing or not a folder. */
function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Copies a cached picture into the build; false when there is none (or it is empty or unreadable): it is drawn. */
function reuse(cached: string | undefined, to: string): boolean {
  if (!cached) return false;
  try {
    if (statSync(cached).size === 0) return false;
    copyFileSync(cached, to);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` over `items`, at most `limit` at a time (five lines, not worth a dependency such as p-limit). */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A page as the compiler knows it before Astro renders it: its address and the title its layout shows. */
export interface SharePage {
  /** Site-relative address, as `BuiltPage.url`: `documents/<slug>/`, `<kind>/<slug>/`. */
  url: string;
  title: string;
}

/** The picture a page with its own has (undefined for the others): where it goes and what is drawn. */
function jobOf(url: string, title: string, site: ShareSite): Job | undefined {
  const picture = sharePictureOf(url, site);
  if (!picture?.own) return undefined;
  const svg = pageShareSvg({ siteName: site.name, title, label: picture.label, color: site.themeColor });
  return { file: picture.file, svg, key: shareImageKey(svg) };
}

/** Draws `jobs` one per core; each picture goes to `write` (the build, the cache or both). */
export async function draw(jobs: readonly Job[], parallel: number | undefined, write: (job: Job, png: Buffer) => void): Promise<void> {
  await inPool(jobs, parallel ?? availableParallelism(), async (job) => {
    write(job, await sharp(Buffer.from(job.svg)).png(PNG_OPTIONS).toBuffer());
  });
}

/**
 * Draws into the cache, before Astro's build, the pictures of the pages the compiler produced, so
 * that the post-build step only copies them. Why before: memory. Drawing after the build put
 * sharp's ~200 MB on top of the ~1.5 GB that Astro's build and the search index leave in the process
 * at 5,005 documents (peak 1.68–1.72 GB against a 1.6 GB budget; a full garbage collection did not
 * lower it, the memory is held, not garbage); before Astro the process holds ~0.55 GB. A page
 * whose rendered title differs from the compiler's is drawn again after the build (nothing is lost,
 * only time). Nothing is drawn without a cache folder or without a Chinese font (the post-build
 * step says so).
 */
export async function predrawShareImages(
  pages: readonly SharePage[],
  options: ShareImagesOptions,
): Promise<{ pictures: number; drawn: number; cached: number }> {
  const { cacheDir } = options;
  const jobs = pages.flatMap((page) => jobOf(page.url, page.title, options.site) ?? []);
  if (!cacheDir) return { pictures: jobs.length, drawn: 0, cached: 0 };
  const have = new Set(entriesOf(cacheDir));
  const toDraw = jobs.filter((job) => !have.has(`${job.key}.png`));
  if (toDraw.length > 0 && (await (options.fontCheck ?? hasChineseFont)())) {
    keepFolder(cacheDir);
    if (options.inChildProcess) await drawInChildProcess(toDraw, cacheDir, options.parallel);
    else await draw(toDraw, options.parallel, (job, png) => keep(join(cacheDir, `${job.key}.png`), png));
    return { pictures: jobs.length, drawn: toDraw.length, cached: jobs.length - toDraw.length };
  }
  return { pictures: jobs.length, drawn: 0, cached: jobs.length - toDraw.length };
}

/**
 * Draws `jobs` into `cacheDir` in a child process (src/lib/postbuild/share-images-process.ts), so
 * the native memory sharp and librsvg take while drawing (font caches, allocator arenas: ~200 MB,
 * not given back to the system while the process lives) goes with that process instead of staying
 * under Astro's build. Rejects with the child's message when it fails.
 */
function drawInChildProcess(jobs: readonly Job[], cacheDir: string, parallel: number | undefined): Promise<void> {
  return new Promise((done, fail) => {
    const child = fork(fileURLToPath(new URL('./share-images-process.ts', import.meta.url)), [], { stdio: 'inherit' });
    let failure: string | undefined;
    child.on('message', (message: { error?: string }) => {
      failure = message.error;
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 && !failure ? done() : fail(new Error(`share images: drawing failed (${failure ?? `exit code ${code}`})`)),
    );
    child.send({ jobs, cacheDir, parallel });
  });
}

/**
 * Writes the share picture of every page that has its own (`sharePictureOf`) into `dist`. `pages`:
 * the built pages as the post-build pass read them; a page's picture shows its <title> without the
 * site name, which is the title the page passed to the layout.
 */
export async function writeShareImages(dist: string, pages: readonly BuiltPage[], options: ShareImagesOptions): Promise<ShareImagesResult> {
  const { site, cacheDir } = options;
  const jobs: Job[] = [];
  for (const page of pages) {
    if (!sharePictureOf(page.url, site)?.own) continue;
    if (!page.title)
      throw new BuiltPageError(
        page.file,
        'has no <title>, which its share picture shows. Every page must render the layout (src/layouts/Base.astro).',
      );
    jobs.push(jobOf(page.url, pageTitleFrom(page.title, site.name), site)!);
  }
  const result: ShareImagesResult = { pictures: jobs.length, drawn: 0, reused: 0, fallbacks: 0, pruned: 0 };
  const cached = (job: Job) => (cacheDir ? join(cacheDir, `${job.key}.png`) : undefined);
  const toDraw: Job[] = [];
  for (const job of jobs) {
    mkdirSync(dirname(join(dist, job.file)), { recursive: true });
    if (reuse(cached(job), join(dist, job.file))) result.reused++;
    else toDraw.push(job);
  }
  if (cacheDir && toDraw.length > 0) keepFolder(cacheDir);

  // Checked even when nothing is to be drawn: the site picture (src/pages/share/site.png.ts) has
  // lost its text too, and this is the one place that says so.
  if (!(await (options.fontCheck ?? hasChineseFont)())) {
    const pictures = toDraw.length ? `${toDraw.length} pages show the site picture instead of their own, and it` : 'the site picture';
    (options.warn ?? console.warn)(
      `share images: no Chinese font found, so ${pictures} has no text (it would be boxes). Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) and build again.`,
    );
    for (const job of toDraw) copyFileSync(join(dist, SITE_SHARE_IMAGE), join(dist, job.file));
    result.fallbacks = toDraw.length;
  } else {
    await draw(toDraw, options.parallel, (job, png) => {
      writeFileSync(join(dist, job.file), png);
      const to = cached(job);
      if (to) keep(to, png);
      result.drawn++;
    });
  }

  // The cache holds what the last build used, so it never grows with retitled or removed pages.
  if (cacheDir) {
    const used = new Set(jobs.map((job) => `${job.key}.png`));
    for (const name of entriesOf(cacheDir)) {
      if (used.has(name)) continue;
      try {
        rmSync(join(cacheDir, name), { force: true });
        result.pruned++;
      } catch {
        // Left for the next build: a stale entry is only disk space.
      }
    }
  }
  return result;
}

/** The one-line report of the step. */
export function shareImagesReport(r: ShareImagesResult): string {
  const fallback = r.fallbacks ? `, ${r.fallbacks} showing the site picture (no Chinese font)` : '';
  return `share images: ${r.pictures} pages, ${r.drawn} drawn, ${r.reused} from the cache${fallback}`;
}

/**
 * Where the pictures are kept across builds: beside the compile cache (under WORK_DIR when set),
 * and nowhere with `COMPILE_CACHE=off`, the one switch for every build cache.
 */
export function shareImageCacheDir(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.COMPILE_CACHE === 'off') return undefined;
  return join(dirname(workPaths(env).compileCache), 'share-images');
}

/** The pre-build drawing as the build runs it (see predrawShareImages); returns its report line. */
export async function predrawForBuild(pages: readonly SharePage[]): Promise<string> {
  const r = await predrawShareImages(pages, { site, cacheDir: shareImageCacheDir(), inChildProcess: true });
  return `share images: ${r.drawn} of ${r.pictures} drawn before the build, ${r.cached} already kept`;
}

/** The step as the build runs it: the configured site, the disk cache; returns its report line. */
export async function buildShareImages(dist: string, pages: readonly BuiltPage[]): Promise<string> {
  return shareImagesReport(await writeShareImages(dist, pages, { site, cacheDir: shareImageCacheDir() }));
}
