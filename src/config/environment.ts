import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ContentError, type Problem } from '../lib/errors.ts';

const basePath = z.string().regex(/^\/([A-Za-z0-9._~-]+\/)*$/, 'BASE_PATH must look like / or /zhengce/ (leading and trailing slash)');

export const siteConfigSchema = z.strictObject({
  base: basePath,
  site: z.string().url().optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

const BASE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `BASE_PATH` as Astro wants it, `/` or `/a/b/`. Missing slashes are added (`zhengce` →
 * `/zhengce/`); anything that is not a path (a URL, spaces, `..`, empty segments) is explained.
 */
function readBasePath(raw: string | undefined): { base?: string; problem?: Problem } {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '/') return { base: '/' };
  const where = { file: 'BASE_PATH (environment variable)' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return {
      problem: {
        ...where,
        message: `"${value}" is an address, but BASE_PATH is only the path part`,
        hint: 'Set BASE_PATH=/zhengce/ and put the host in SITE_URL=https://www.example.gov.cn.',
      },
    };
  }
  const segments = value.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  const bad = segments.find((s) => !BASE_SEGMENT.test(s) || s === '.' || s === '..');
  if (bad !== undefined) {
    return {
      problem: {
        ...where,
        message: `"${value}" is not a usable path${bad === '' ? ' (it has an empty part, //)' : ` ("${bad}" is not allowed)`}`,
        hint: 'Use / or a path like /zhengce/ or /a/b/: letters, digits and - . _ ~ between single slashes.',
      },
    };
  }
  return { base: `/${segments.join('/')}/` };
}

/** `SITE_URL`: the site's public http(s) address, or unset. */
function readSiteUrl(raw: string | undefined): { site?: string; problem?: Problem } {
  const value = raw?.trim();
  if (!value) return {};
  const where = { file: 'SITE_URL (environment variable)' };
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    return {
      problem: {
        ...where,
        message: `"${value}" is not an http:// or https:// address${url ? ` (its scheme is ${url.protocol})` : ''}`,
        hint: 'Set it to the address the site is served from, like https://www.example.gov.cn, or leave it unset.',
      },
    };
  }
  if (url.username || url.password || url.search || url.hash) {
    return {
      problem: {
        ...where,
        message: `"${value}" has a user name, query or #fragment`,
        hint: 'Give only the address, like https://www.example.gov.cn.',
      },
    };
  }
  return { site: value };
}

/** Reads the deployment settings from the environment, once, validated; bad values throw one ContentError. */
export function readSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const base = readBasePath(env.BASE_PATH);
  const site = readSiteUrl(env.SITE_URL);
  const problems = [base.problem, site.problem].filter((p): p is Problem => p !== undefined);
  if (problems.length > 0) throw new ContentError(problems);
  return siteConfigSchema.parse({ base: base.base, site: site.site });
}

/** Where a build leaves its artefacts: the compiler's data, the site, the offline copy and Astro's cache. */
export interface WorkPaths {
  generated: string;
  dist: string;
  distOffline: string;
  /** Astro's cache folder, only when WORK_DIR moves it; otherwise Astro's default. */
  astroCache?: string;
  /** The compiler's per-document results kept across builds (src/lib/compiler/cache/). */
  compileCache: string;
}

/**
 * The one reading of `WORK_DIR`: unset, artefacts sit in the project (.generated/, dist/); set,
 * every artefact goes below that folder, so that several builds of one project can run side by
 * side (the benchmarks and the sub-path test do). Paths are absolute, resolved from `root`.
 */
export function workPaths(env: Record<string, string | undefined> = process.env, root: string = process.cwd()): WorkPaths {
  const workDir = env.WORK_DIR?.trim();
  if (!workDir) {
    const compileCache = resolve(root, 'node_modules/.cache/policy-library/documents');
    return {
      generated: resolve(root, '.generated'),
      dist: resolve(root, 'dist'),
      distOffline: resolve(root, 'dist-offline'),
      compileCache,
    };
  }
  const base = resolve(root, workDir);
  const astroCache = join(base, 'cache');
  return {
    generated: join(base, 'generated'),
    dist: join(base, 'dist'),
    distOffline: join(base, 'dist-offline'),
    astroCache,
    compileCache: join(astroCache, 'policy-library', 'documents'),
  };
}
