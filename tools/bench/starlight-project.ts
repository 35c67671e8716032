/**
 * The Starlight 0.42 project the benchmarks compare against: installed from the npm registry into
 * a temporary folder (with the astro version this project uses), and filled with the pages of a
 * content folder (tools/bench/starlight-pages.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { site } from '../../src/config/site.config.ts';
import { PROJECT_ROOT } from '../project-copy.ts';
import { readSeedSources } from './generate-corpus.ts';
import { starlightPages, starlightProjectFiles, type StarlightEntity } from './starlight-pages.ts';

/** Installs Starlight 0.42 into a new temporary folder and returns it. */
export function installStarlight(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-starlight-'));
  const astroVersion = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/astro/package.json'), 'utf8')).version as string;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }));
  console.log(`Installing Starlight 0.42 with astro ${astroVersion} into a temporary folder…`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '@astrojs/starlight@~0.42.0', `astro@${astroVersion}`], {
    cwd: dir,
    stdio: 'inherit',
  });
  return dir;
}

/** The astro CLI of an installed Starlight folder, to run with `node`. */
export const starlightAstro = (starlightDir: string) => join(starlightDir, 'node_modules/astro/bin/astro.mjs');

function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text.replace(/\r\n?/g, '\n'));
  return m ? { data: (parseYaml(m[1]) ?? {}) as Record<string, unknown>, body: m[2] } : { data: {}, body: text };
}

/**
 * Replaces the Starlight folder's site (src/, and dist/ and .astro/ of an earlier build) with the
 * documents and entity pages of `contentDir`. An entity page `<kind>/<slug>.md` becomes
 * `src/content/docs/<kind>/<slug>.md`.
 */
export function writeStarlightSite(starlightDir: string, contentDir: string): void {
  for (const folder of ['src', 'dist', '.astro']) rmSync(join(starlightDir, folder), { recursive: true, force: true });
  const documents = readSeedSources(contentDir).map((s) => ({ slug: s.slug, title: s.meta.title, summary: s.meta.summary, text: s.text }));
  const entities: StarlightEntity[] = site.kinds.flatMap((k) =>
    existsSync(join(contentDir, k.id))
      ? readdirSync(join(contentDir, k.id)).map((f) => {
          const { data, body } = splitFrontmatter(readFileSync(join(contentDir, k.id, f), 'utf8'));
          return { kind: k.id, slug: f.replace(/\.mdx?$/, ''), name: String(data.name), summary: String(data.summary), body };
        })
      : [],
  );
  const files = [
    ...starlightProjectFiles(site.name, site.kinds),
    ...starlightPages(documents, entities, site.name).map((f) => ({ ...f, path: `src/content/docs/${f.path}` })),
  ];
  for (const f of files) {
    mkdirSync(dirname(join(starlightDir, f.path)), { recursive: true });
    writeFileSync(join(starlightDir, f.path), f.content);
  }
}
