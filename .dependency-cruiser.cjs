/**
 * Layering rules, checked by `npm run check:deps` (part of `npm test`): the compiler has no import
 * cycles, the site code never reaches into tests or scripts, and tests and scripts stay apart
 * (what both need lives in src/ or support/).
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
      to: { path: '^(tests|scripts|support)/' },
    },
    {
      name: 'tests-do-not-import-scripts',
      severity: 'error',
      comment: 'Tests test src/; code both need belongs in src/ or support/.',
      from: { path: '^tests/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'scripts-do-not-import-tests',
      severity: 'error',
      comment: 'Scripts (CLIs, benchmarks) must not depend on test code; shared helpers belong in support/.',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'Every npm package imported must be declared in package.json, or a fresh install can miss it; add it to devDependencies at the version in node_modules.',
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
