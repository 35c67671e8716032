import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCompile } from '../../src/lib/build/run-compile.ts';

/**
 * The bad-input battery: what an author gets for each mistake the issue lists. Every case is a
 * folder in tests/fixtures/bad-input/: files laid over a minimal valid content tree (`_base/`, one
 * real source excerpt and one entity page citing it) and `expected.json`:
 *
 *   why        the author's mistake
 *   exit       expected exit code of `npm run compile -- --check`
 *   problems   fragments the output must contain, each naming the file and the line or field
 *   absent     fragments it must not contain (the misleading follow-up messages)
 *   env        environment (BASE_PATH, SITE_URL, CONTENT_DIR)
 *   cli        run the real command in a child process instead of in-process
 *   setup      remove / mkdir / symlink: what fixture files cannot hold
 *
 * Overlay files named `*.escaped` are written without that suffix and with \u{…} escapes decoded
 * (NUL and bidi controls stay out of the repository's own text). `sha256: AUTO` in a .meta.yaml
 * becomes the sha256 of its .txt. For every case: the exit code, every fragment, no stack trace,
 * and at most three lines of problems (one mistake, one message). SHOW_BAD_INPUT=1 prints every
 * case's output, to review the messages as an author reads them.
 */
interface Expected {
  why: string;
  exit: number;
  problems?: string[];
  absent?: string[];
  env?: Record<string, string>;
  cli?: boolean;
  setup?: { remove?: string[]; mkdir?: string[]; symlink?: Record<string, string> };
}

const ROOT = join(import.meta.dirname, '../..');
const CASES = join(ROOT, 'tests/fixtures/bad-input');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Copies a fixture tree; `modified` dates the files, as the author's edits are newer than the base. */
function writeOverlay(from: string, to: string, modified?: Date): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    let target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      writeOverlay(source, target, modified);
      continue;
    } else if (entry.name.endsWith('.escaped')) {
      const text = readFileSync(source, 'utf8').replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex: string) =>
        String.fromCodePoint(parseInt(hex, 16)),
      );
      target = target.slice(0, -'.escaped'.length);
      writeFileSync(target, text);
    } else cpSync(source, target);
    if (modified) utimesSync(target, modified, modified);
  }
}

function fillShaPlaceholders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.meta.yaml')) continue;
    const metaFile = join(entry.parentPath, entry.name);
    const textFile = metaFile.replace(/\.meta\.yaml$/, '.txt');
    const meta = readFileSync(metaFile, 'utf8');
    if (meta.includes('sha256: AUTO') && existsSync(textFile)) {
      writeFileSync(metaFile, meta.replace('sha256: AUTO', `sha256: ${createHash('sha256').update(readFileSync(textFile)).digest('hex')}`));
    }
  }
}

/** The case's content tree in a fresh temporary folder (the folder that holds `content/`). */
function prepare(name: string, expected: Expected): string {
  const dir = mkdtempSync(join(tmpdir(), `bad-input-${name}-`));
  made.push(dir);
  writeOverlay(join(CASES, '_base'), dir, new Date(Date.now() - 60_000));
  const overlay = join(CASES, name);
  for (const entry of readdirSync(overlay, { withFileTypes: true })) {
    if (entry.isDirectory()) writeOverlay(join(overlay, entry.name), join(dir, entry.name), new Date());
  }
  for (const path of expected.setup?.remove ?? []) rmSync(join(dir, path), { recursive: true, force: true });
  for (const path of expected.setup?.mkdir ?? []) mkdirSync(join(dir, path), { recursive: true });
  for (const [path, target] of Object.entries(expected.setup?.symlink ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target, join(dir, path));
  }
  fillShaPlaceholders(dir);
  return dir;
}

async function compile(dir: string, expected: Expected): Promise<{ code: number; output: string }> {
  if (expected.cli) {
    const env = { ...process.env, BASE_PATH: '', SITE_URL: '', CONTENT_DIR: '', ...expected.env };
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/compile.ts'), '--check'], {
        cwd: dir,
        env,
      });
      return { code: 0, output: stdout + stderr };
    } catch (e) {
      const failed = e as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  }
  const lines: string[] = [];
  const env = { ...expected.env, CONTENT_DIR: join(dir, expected.env?.CONTENT_DIR ?? 'content') };
  const code = runCompile(['--check'], env, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  // Paths as the author sees them from the project folder.
  return { code, output: lines.join('\n').replaceAll(dir + '/', '') };
}

const cases = readdirSync(CASES)
  .filter((name) => !name.startsWith('_'))
  .sort();

describe('bad-input battery: one clear message per mistake', () => {
  it('covers every case the issue lists', () => {
    const listed = [
      ...['config-base-path-without-slashes', 'config-site-url-javascript', 'missing-content-folder', 'missing-sources-folder'],
      ...[
        'folder-named-txt',
        'folder-named-md',
        'entity-mdx-file',
        'broken-symlink',
        'nul-in-source',
        'bidi-in-source',
        'nul-in-meta',
        'bidi-in-entity',
      ],
      ...['date-impossible-month', 'date-not-a-leap-year', 'duplicate-document', 'md-file-in-sources', 'nested-folder-in-sources'],
      ...[
        'unknown-file-in-sources',
        'orphan-corrections',
        'entity-name-not-a-slug',
        'meta-yaml-error',
        'corrections-line-is-the-yaml-line',
      ],
      ...[
        'entity-frontmatter-unclosed',
        'entity-field-line',
        'entity-citation-line',
        'duplicate-alias',
        'meta-missing-field',
        'meta-wrong-kind',
      ],
      ...['entity-inline-jsx', 'entity-inline-expression', 'entity-nested-expression', 'entity-script', 'entity-img-onerror'],
      ...['entity-javascript-link', 'entity-data-image', 'entity-definition', 'entity-import', 'entity-jsx-href', 'valid-base'],
    ];
    expect(listed.filter((name) => !cases.includes(name))).toEqual([]);
  });

  it.each(cases)(
    '%s',
    async (name) => {
      const expected = JSON.parse(readFileSync(join(CASES, name, 'expected.json'), 'utf8')) as Expected;
      const dir = prepare(name, expected);
      const { code, output } = await compile(dir, expected);
      const context = `${expected.why}\n--- output ---\n${output}`;
      if (process.env.SHOW_BAD_INPUT) console.log(`### ${name}\n${output}`);

      expect(code, context).toBe(expected.exit);
      for (const fragment of expected.problems ?? []) expect(output, context).toContain(fragment);
      for (const fragment of expected.absent ?? []) expect(output, context).not.toContain(fragment);
      // No stack trace, no raw error dump.
      expect(output, context).not.toMatch(/^\s+at \S/m);
      expect(output, context).not.toMatch(/\b\w*Error:|node:internal/);
      // One mistake, one message: at most three lines of problems.
      const problemLines = output.split('\n').filter((l) => l.startsWith('  ✗') || l.startsWith('    →'));
      expect(problemLines.length, context).toBeLessThanOrEqual(3);
      if (code === 0) {
        expect(problemLines, context).toEqual([]);
        expect(output, context).toMatch(/Compiled 1 document/);
      } else {
        expect(problemLines.length, context).toBeGreaterThan(0);
        // Every problem names where it is: a file of the content tree, or the environment variable.
        for (const line of problemLines.filter((l) => l.startsWith('  ✗'))) {
          expect(line, context).toMatch(
            /^ {2}✗ (content|missing-content|BASE_PATH|SITE_URL)\S*( \(environment variable\))?(:\d+(:\d+)?)?: /,
          );
        }
      }
    },
    60_000,
  ); // the command-line cases start a Node process each; the machine may be busy
});
