/**
 * Per-document compile results kept between compiles: in memory in the dev process (a save under
 * content/ recompiles only the documents whose inputs changed) and on disk across builds (an
 * unchanged document is not compiled again by the next `npm run build`).
 *
 * A result is found by a key that hashes everything the per-document compile reads: the source
 * bytes, its metadata and corrections, its known gaps, the entity matcher's inputs (every entity's
 * names, aliases and region, and the link exclusions: a new alias changes every document's key),
 * the quotes entity pages cite in it, the site's base path, and the compiler's own source files.
 * Entity pages are kept the same way (keyed by the entity as parsed and the matcher's inputs) with
 * the documents each one read: a page is reused only while every document it cites has the same
 * metadata and paragraphs, so an edit to one document recompiles the pages citing it, not all.
 * The cache is an optimisation only: an entry that cannot be read or does not parse is compiled
 * again, never reported.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledDocument, CompiledEntity, SourceInput } from '../../types.ts';

/** What a document's compile produced, apart from what is copied from its input (meta, bytes, original path). */
export type CachedCompile = Pick<CompiledDocument, 'text' | 'header' | 'html' | 'toc' | 'paragraphs' | 'mentions' | 'report' | 'collation'>;

/**
 * An entity page's compile (its body and its frontmatter facts), with the documents each part read:
 * `bodyDeps` and `factsDeps` map each cited document to its fingerprint at that compile (a hash of
 * what that part reads of it, or `failed` / `absent`), so each part is reused only while every
 * document it cites reads the same.
 */
export interface CachedEntityPage {
  bodyDeps: Record<string, string>;
  factsDeps: Record<string, string>;
  page: CompiledEntity;
}

/** Results kept by id and key; see createCompileCache. */
export interface KeyedStore<V> {
  get(id: string, key: string): V | undefined;
  set(id: string, key: string, value: V): void;
}

export interface CompileCache {
  /** The compiler version the results belong to (compilerVersion(), unless a test gives one). */
  readonly version: string;
  /** Documents, by slug. */
  get(slug: string, key: string): CachedCompile | undefined;
  set(slug: string, key: string, value: CachedCompile): void;
  /** Entity pages, by id (key: the entity file's parsed content and the matcher's inputs). */
  entities?: KeyedStore<CachedEntityPage>;
  /** The `cite:` links of each entity page's body, by entity id (key: a hash of the body). */
  citeLinks?: KeyedStore<Array<{ doc: string; quote?: string | null }>>;
  /**
   * In memory only: work derived from one file's text alone (a parsed entity file, its cite links),
   * by a name and the text, so an unchanged file is not parsed again in the dev process.
   */
  memo?: KeyedStore<unknown>;
  /** Forget in-memory results not used since the last sweep (documents removed or changed). */
  sweep(): void;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A hash of a JSON value (what an entity page read of a document it cites). */
export const contentHash = (value: unknown): string => sha256(JSON.stringify(value));

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

/**
 * The key of one entity page's result: the entity as parsed (id, file, frontmatter, body) plus the
 * shared key. The documents it cites are checked separately (CachedEntityPage.deps), because which
 * ones it reads is known only once it is compiled.
 */
export function entityKey(
  entity: { id: string; file: string; frontmatter: unknown; body: string; bodyLine: number },
  shared: string,
): string {
  return sha256(JSON.stringify([shared, entity.id, entity.file, entity.frontmatter, entity.body, entity.bodyLine]));
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

/** An entity page read back from disk is used only when it has the shape the compiler writes. */
function isCachedEntityPage(value: unknown): value is CachedEntityPage {
  const v = value as Partial<CachedEntityPage> | null;
  const page = v?.page as Partial<CompiledEntity> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.bodyDeps === 'object' &&
    v.bodyDeps !== null &&
    typeof v.factsDeps === 'object' &&
    v.factsDeps !== null &&
    typeof page === 'object' &&
    page !== null &&
    typeof page.id === 'string' &&
    typeof page.html === 'string' &&
    typeof page.data === 'object' &&
    Array.isArray(page.mentions) &&
    Array.isArray(page.citations)
  );
}

/** Where a store keeps one id's results: `<dir>/<id>/` (ids are encoded, so an entity id `kind/slug` is one folder). */
interface Store<V> extends KeyedStore<V> {
  sweep(): void;
}

/**
 * One store of results by id and key: in memory, and on disk under `dir` when given, one file per
 * id, `<dir>/<id>/<key>.json` (writing a new result removes the id's older ones, so the folder
 * stays the size of the library). Disk writes go to a temporary file renamed into place, so a build
 * stopped midway or two builds side by side never leave half a file under a real key.
 */
function createStore<V>(dir: string | undefined, isValid: (value: unknown) => value is V): Store<V> {
  let memory = new Map<string, V>();
  let used = new Map<string, V>();
  const folderOf = (id: string) => join(dir!, encodeURIComponent(id));
  const readDisk = (id: string, key: string): V | undefined => {
    if (!dir) return undefined;
    try {
      const parsed = JSON.parse(readFileSync(join(folderOf(id), `${key}.json`), 'utf8')) as { key?: string; value?: unknown };
      return parsed.key === key && isValid(parsed.value) ? parsed.value : undefined;
    } catch {
      return undefined; // missing, unreadable or corrupt: compiled again
    }
  };
  const writeDisk = (id: string, key: string, value: V) => {
    if (!dir) return;
    const folder = folderOf(id);
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
    get(id, key) {
      const at = `${id}\0${key}`;
      const value = memory.get(at) ?? readDisk(id, key);
      if (value !== undefined) used.set(at, value);
      return value;
    },
    set(id, key, value) {
      const at = `${id}\0${key}`;
      memory.set(at, value);
      used.set(at, value);
      writeDisk(id, key, value);
    },
    sweep() {
      memory = used;
      used = new Map();
    },
  };
}

/** The folders of entity pages and of their cite links inside the cache folder: no document's slug has a `~`. */
const ENTITY_FOLDER = '~entities';
const CITE_LINKS_FOLDER = '~cite-links';

const isCiteLinkList = (value: unknown): value is Array<{ doc: string; quote?: string | null }> =>
  Array.isArray(value) && value.every((l) => typeof l?.doc === 'string' && (l.quote == null || typeof l.quote === 'string'));

/**
 * The compile cache: documents and entity pages in memory, and on disk under `dir` when given
 * (documents as `<dir>/<slug>/<key>.json`, entity pages below `<dir>/~entities/`, their cite links
 * below `<dir>/~cite-links/`), plus the
 * in-memory memo of per-file work.
 */
export function createCompileCache(options: { dir?: string; version?: string } = {}): CompileCache {
  const { dir } = options;
  const version = options.version ?? compilerVersion();
  const documents = createStore(dir, isCachedCompile);
  const entities = createStore(dir && join(dir, ENTITY_FOLDER), isCachedEntityPage);
  const citeLinks = createStore(dir && join(dir, CITE_LINKS_FOLDER), isCiteLinkList);
  const memo = createStore(undefined, (v: unknown): v is unknown => true);
  return {
    version,
    get: documents.get,
    set: documents.set,
    entities,
    citeLinks,
    memo,
    sweep() {
      documents.sweep();
      entities.sweep();
      citeLinks.sweep();
      memo.sweep();
    },
  };
}
