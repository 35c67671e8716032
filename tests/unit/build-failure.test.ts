import { describe, expect, it } from 'vitest';
import { describeBuildFailure } from '../../src/lib/build/build-failure.ts';
import { ContentError } from '../../src/lib/errors.ts';
import { BuiltPageError } from '../../src/lib/postbuild/built-pages.ts';

/** What `npm run build` prints for a failure: one message with the file and what to do, whatever wrapped it. */
describe('describeBuildFailure', () => {
  const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at |An unhandled error occurred/);

  it('prints a content error’s problems with their file, line and hint', () => {
    const error = new Error('An unhandled error occurred while running the "astro:config:setup" hook', {
      cause: new ContentError([{ file: 'content/sources/x.meta.yaml', line: 3, field: 'date', message: 'is required', hint: 'Add it.' }]),
    });
    const text = describeBuildFailure(error);
    expect(text).toContain('  ✗ content/sources/x.meta.yaml:3: field "date" is required\n    → Add it.');
    noTrace(text);
  });

  it('finds the error that names a page under the errors that wrap it', () => {
    const page = new BuiltPageError('documents/x/index.html', 'page has no <head>', { cause: new Error('page has no <head>') });
    const text = describeBuildFailure(
      new Error('\x1b[1mAn unhandled error occurred while running the "astro:build:done" hook\x1b[0m', { cause: page }),
    );
    expect(text.split('\n').filter((l) => l.includes('✗'))).toEqual(['  ✗ documents/x/index.html: page has no <head>']);
    noTrace(text);
  });

  it('names the path of a file system error, and keeps a bundler’s located message without its count line', () => {
    const fsError = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT', path: 'dist/search-index/t2s.json' });
    expect(describeBuildFailure(fsError)).toContain('✗ dist/search-index/t2s.json: ENOENT');
    const bundler = describeBuildFailure(
      new Error(
        'Build failed with 1 error:\n\n[plugin astro:build] src/components/X.astro:29:3\nCompilerError: Unexpected token\n    at compile (file:///x.js:1:1)',
      ),
    );
    expect(bundler).toContain('✗ [plugin astro:build] src/components/X.astro:29:3\n    CompilerError: Unexpected token');
    expect(bundler).not.toMatch(/Build failed with|bug of the build/);
  });

  it('says an unlocated error is a bug of the build, and shows the stack only on request', () => {
    const error = new TypeError('Cannot read properties of undefined');
    expect(describeBuildFailure(error)).toMatch(/✗ Cannot read properties of undefined\n.*bug of the build; set BUILD_DEBUG=1/);
    noTrace(describeBuildFailure(error));
    expect(describeBuildFailure(error, true)).toMatch(/\n\s+at /);
  });
});
