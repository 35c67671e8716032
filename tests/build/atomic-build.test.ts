import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanBuildEnv } from '../setup/build-site.ts';
import { copyProject } from '../../tools/project-copy.ts';

/**
 * A failed build leaves the last good site in place and says what went wrong once. A copy of the
 * project is built; then a page that renders without the layout (an Astro partial: no <head>, so
 * the post-build pass cannot give it a Content-Security-Policy) is added and the build fails inside
 * the `astro:build:done` hook. dist/ must be the first build's, with no temporary folder left, and
 * the output one message naming the page, without Astro's hook wrapper or a stack trace.
 */
const run = promisify(execFile);
const work = copyProject('atomic-build-');
const dist = join(work, 'dist');

async function build(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', 'build'], { cwd: work, env: cleanBuildEnv(), maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
let good: { files: string[]; home: string };
let failed: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  const first = await build();
  expect(first.code, first.stderr).toBe(0);
  good = { files: listing(dist), home: readFileSync(join(dist, 'index.html'), 'utf8') };
  mkdirSync(join(work, 'src/pages/broken-page'));
  writeFileSync(
    join(work, 'src/pages/broken-page/index.astro'),
    '---\nexport const partial = true;\n---\n<p>A fragment, not a page of the site.</p>\n',
  );
  failed = await build();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build that fails in a post-build step', () => {
  it('exits 1 and leaves the previous dist/ as it was, with no half-built folder beside it', () => {
    expect(failed.code).toBe(1);
    expect(listing(dist)).toEqual(good.files);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe(good.home);
    expect(existsSync(join(dist, 'broken-page'))).toBe(false);
    expect(readdirSync(work).filter((name) => /dist/.test(name))).toEqual(['dist']);
  });

  it('prints one message naming the page and what to do, without Astro’s wrapper or a stack trace', () => {
    const output = failed.stdout + failed.stderr;
    expect(failed.stderr).toMatch(
      /✗ broken-page\/index\.html: \(a page of the built site\) page has no <head>: cannot add a Content-Security-Policy\. Every page the site builds must render the layout/,
    );
    expect(output.match(/✗/g)).toHaveLength(1);
    expect(output).not.toMatch(/An unhandled error occurred|\n\s+at |node:internal|Error:/);
    expect(failed.stderr).toMatch(/dist\/ still holds the last site that built/);
  });
});
