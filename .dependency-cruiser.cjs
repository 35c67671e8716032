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
      comment: 'An import cycle means the layers point both ways; move the shared part into a module both can import (src/lib/types.ts for types).',
      from: { path: '^src/' },
      to: { circular: true },
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
      name: 'tools-serve-tests-and-scripts',
      severity: 'error',
      comment: 'tools/ is imported by tests and scripts; it must not import either of them (that would make the two depend on each other through it).',
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
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.astro'] },
  },
};
