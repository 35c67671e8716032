/**
 * Per-document compile results kept between compiles: in memory in the dev process (a save under
 * content/ recompiles only the documents whose inputs changed) and on disk across builds (an
 * unchanged document is not compiled again by the next `npm run build`).
 *
 * A result is found by a key that hashes everything the per-document compile reads: the source
 * bytes, its metadata and corrections, its known gaps, the entity matcher's inputs (every entity's
 * names, aliases and region, and the link exclusions: a new alias changes every document's key),
 * the quotes entity pages cite in it, the site's base path, and the compiler's own source files.
 * The cache is an optimisation only: an entry that cannot be read or does not parse is compiled
 * again, never reported.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledDocument, SourceInput } from '../../types.ts';

/** What a document's compile produced, apart from what is copied from its input (meta, bytes, original path). */
export type CachedCompile = Pick<CompiledDocument, 'text' | 'header' | 'html' | 'toc' | 'paragraphs' | 'mentions' | 'report' | 'collation'>;

export interface CompileCache {
  /** The compiler version the results belong to (compilerVersion(), unless a test gives one). */
  readonly version: string;
  get(slug: string, key: string): CachedCompile | undefined;
  set(slug: string, key: string, value: CachedCompile): void;
  /** Forget in-memory results not used since the last sweep (documents removed or changed). */
  sweep(): void;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The folders whose source the compile depends on: src/lib (the compiler and the shared leaves it uses) and src/config. */
const COMPILER_SOURCE_DIRS = ['../../', '../../../config/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

let compilerVersionMemo: string | undefined;

/**
 * A hash of the compiler's own source files (every .ts file of src/lib and src/config), so a
 * changed compiler never reuses a result of the old one and no one has to remember to bump a
 * version. It covers more than the compiler strictly needs (views, postbuild): a change there
 * costs one full compile, never a wrong page.
 */
export function compilerVersion(): string {
  compilerVersionMemo ??= hashSourceFiles(COMPILER_SOURCE_DIRS);
  return compilerVersionMemo;
}

/** One hash of every .ts file below the given folders (names and bytes). */
export function hashSourceFiles(dirs: string[]): string {
  const hash = createHash('sha256');
  try {
    for (const dir of dirs) {
      const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
      for (const f of files)
        hash
          .update(`${f}\0`)
          .update(readFileSync(join(dir, f)))
          .update('\0');
    }
  } catch {
    // Source not readable (a bundled copy of the compiler): a version no cache entry has, so nothing is reused.
    hash.update(`unknown ${process.pid} ${Date.now()} ${Math.random()}`);
  }
  return hash.digest('hex');
}

/** What every document's key shares: the matcher's inputs, the entity link pattern and the compiler version. */
export interface SharedKeyInputs {
  matcher: unknown;
  base: string;
  compilerVersion: string;
}

export function sharedKey(inputs: SharedKeyInputs): string {
  return sha256(JSON.stringify([inputs.compilerVersion, inputs.base, inputs.matcher]));
}

/** The key of one document's result: its own inputs plus the shared key. */
export function documentKey(input: SourceInput, shared: string, own: { gaps: unknown; citedQuotes: unknown }): string {
  return sha256(
    JSON.stringify([
      shared,
      input.slug,
      input.file,
      input.correctionsFile,
      sha256(input.bytes),
      input.meta,
      input.corrections,
      own.gaps,
      own.citedQuotes ?? null,
    ]),
  );
}

/** A value read back from disk is used only when it has the shape the compiler writes. */
function isCachedCompile(value: unknown): value is CachedCompile {
  const v = value as Partial<CachedCompile> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.text === 'string' &&
    typeof v.html === 'string' &&
    typeof v.header === 'object' &&
    Array.isArray(v.toc) &&
    Array.isArray(v.paragraphs) &&
    Array.isArray(v.mentions) &&
    typeof v.report === 'object' &&
    (v.collation === undefined || Array.isArray(v.collation))
  );
}

/**
 * A cache in memory, and on disk under `dir` when given: `<dir>/<slug>/<key>.json`, one file per
 * document (writing a new result removes the document's older ones, so the folder stays the size
 * of the library). Disk writes go to a temporary file renamed into place, so a build stopped
 * midway or two builds side by side never leave half a file under a real key.
 */
export function createCompileCache(options: { dir?: string; version?: string } = {}): CompileCache {
  const { dir } = options;
  const version = options.version ?? compilerVersion();
  let memory = new Map<string, CachedCompile>();
  let used = new Map<string, CachedCompile>();
  const folderOf = (slug: string) => join(dir!, encodeURIComponent(slug));
  const readDisk = (slug: string, key: string): CachedCompile | undefined => {
    if (!dir) return undefined;
    try {
      const parsed = JSON.parse(readFileSync(join(folderOf(slug), `${key}.json`), 'utf8')) as { key?: string; value?: unknown };
      return parsed.key === key && isCachedCompile(parsed.value) ? parsed.value : undefined;
    } catch {
      return undefined; // missing, unreadable or corrupt: compiled again
    }
  };
  const writeDisk = (slug: string, key: string, value: CachedCompile) => {
    if (!dir) return;
    const folder = folderOf(slug);
    try {
      mkdirSync(folder, { recursive: true });
      for (const old of readdirSync(folder)) if (old !== `${key}.json`) rmSync(join(folder, old), { force: true });
      const file = join(folder, `${key}.json`);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ key, value }));
      renameSync(temp, file);
    } catch {
      // A cache that cannot be written (read-only folder, full disk) only means compiling again next time.
    }
  };
  return {
    version,
    get(slug, key) {
      const id = `${slug}\0${key}`;
      const value = memory.get(id) ?? readDisk(slug, key);
      if (value) used.set(id, value);
      return value;
    },
    set(slug, key, value) {
      const id = `${slug}\0${key}`;
      memory.set(id, value);
      used.set(id, value);
      writeDisk(slug, key, value);
    },
    sweep() {
      memory = used;
      used = new Map();
    },
  };
}
