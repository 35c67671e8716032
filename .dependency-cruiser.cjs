/**
 * Layering rules, checked by `npm run check:deps` (part of `npm test`): the compiler has no import
 * cycles, the site code never reaches into tests, scripts or tools/ (benchmarks and their helpers, outside
 * the product), tests and scripts stay apart (what both need lives in src/ or tools/), and tools/
 * serves them both without depending on either.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'An import cycle means the layers point both ways; move the shared part into a module both can import (src/lib/types.ts for types).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'shared-modules-stay-below',
      severity: 'error',
      comment:
        'config/ and the shared modules of src/lib (text, schema, geo, search, offline and the single-file modules) are imported by every layer, so they import none of the layers above them.',
      from: { path: '^src/(config/|lib/(text|schema|geo|search|offline)/|lib/[^/]+\\.ts$)' },
      to: { path: '^src/(lib/(views|compiler|authoring|postbuild|build|astro)/|client/|pages/|components/|layouts/)' },
    },
    {
      name: 'views-are-below-the-compiler',
      severity: 'error',
      comment:
        'View models (src/lib/views) are pure functions of compiled data; the compiler emits pages with them, so they never import the compiler, the build or Astro.',
      from: { path: '^src/lib/views/' },
      to: { path: '^src/(lib/(compiler|authoring|postbuild|build|astro)/|client/)' },
    },
    {
      name: 'compiler-does-not-import-its-users',
      severity: 'error',
      comment: 'The compiler is used by the build, the Astro adapter and the authoring tools; it imports none of them.',
      from: { path: '^src/lib/compiler/' },
      to: { path: '^src/(lib/(authoring|postbuild|build|astro)/|client/)' },
    },
    {
      name: 'browser-code-stays-small',
      severity: 'error',
      comment:
        "Code in src/client runs in the reader's browser: it may use only the search core, the offline cache names and the citation format, never compiler or build code.",
      from: { path: '^src/client/' },
      to: { path: '^src/', pathNot: '^src/(client/|lib/(search|offline|text)/|lib/views/citation\\.ts$)' },
    },
    {
      name: 'src-stands-alone',
      severity: 'error',
      comment: 'The site and its compiler must not depend on tests, scripts or benchmark tooling.',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts|tools)/' },
    },
    {
      name: 'tests-do-not-import-scripts',
      severity: 'error',
      comment: 'Tests test src/; code both need belongs in src/ or tools/.',
      from: { path: '^tests/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'scripts-do-not-import-tests',
      severity: 'error',
      comment: 'Scripts (CLIs, benchmarks) must not depend on test code; shared helpers belong in tools/.',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        'Every npm package imported must be declared in package.json, or a fresh install can miss it; add it to devDependencies at the version in node_modules.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import resolves to no file or installed package; fix the path or install and declare the package.',
      from: {},
      // astro:content is a virtual module that exists only inside an Astro build.
      to: { couldNotResolve: true, pathNot: '^astro:' },
    },
    {
      name: 'tools-serve-tests-and-scripts',
      severity: 'error',
      comment:
        'tools/ is imported by tests and scripts; it must not import either of them (that would make the two depend on each other through it).',
      from: { path: '^tools/' },
      to: { path: '^(tests|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle of types is still a cycle of layers.
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages as Node and TypeScript do (their `exports` map, and type-only packages such
    // as `hast` from node_modules/@types) so that an unresolvable import means a real problem.
    enhancedResolveOptions: {
      extensions: ['.ts', '.d.ts', '.mjs', '.js', '.json', '.astro'],
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      mainFields: ['types', 'typings', 'module', 'main'],
    },
  },
};
