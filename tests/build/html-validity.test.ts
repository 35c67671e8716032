import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTypes } from '../../tools/page-types.ts';
import { DIST } from '../support/site.ts';
import { validateHtml, type VnuMessage } from '../support/vnu.ts';

/** Every type of built page passes the W3C validator (vnu) with no error. */
const types = pageTypes(DIST);
const scratch = mkdtempSync(join(tmpdir(), 'html-validity-'));
// A page with a known mistake, checked in the same run: proves the validator ran and reports errors.
const known = join(scratch, 'known-bad.html');
writeFileSync(
  known,
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><form action=""></form></body></html>',
);

let errors: VnuMessage[];
beforeAll(() => {
  errors = validateHtml([known, ...types.map((t) => join(DIST, t.file))]);
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const describeError = (m: VnuMessage) => `${m.file}:${m.lastLine ?? '?'}: ${m.message} ${m.extract ? `[${m.extract.trim()}]` : ''}`;

describe('HTML validity (Nu Html Checker)', () => {
  it('checks every type of page and reports a known mistake', () => {
    expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['home', 'documents/', 'documents/*', 'search/', '404']));
    expect(
      errors
        .filter((m) => m.file === known)
        .map((m) => m.message)
        .join('\n'),
    ).toMatch(/action/);
  });
  for (const type of types) {
    it(`${type.name} (${type.file}) has no errors`, () => {
      const file = resolve(DIST, type.file);
      expect(errors.filter((m) => m.file === file).map(describeError)).toEqual([]);
    });
  }
});
